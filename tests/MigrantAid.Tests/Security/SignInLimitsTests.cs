using System.Net;
using MigrantAid.Web.Security;

namespace MigrantAid.Tests.Security;

public class SignInLimitsTests
{
    [Fact]
    public void The_defaults_keep_one_address_below_an_accounts_limit() =>
        new SignInLimits().Problems().Should().BeEmpty();

    [Fact]
    public void Limits_under_which_one_address_could_exhaust_an_account_are_refused()
    {
        var limits = new SignInLimits
        {
            PerAddress = new AttemptLimit { PermitLimit = 10, Window = TimeSpan.FromMinutes(5) },
            PerAccount = new AttemptLimit { PermitLimit = 20, Window = TimeSpan.FromMinutes(15) },
        };

        limits.Problems().Should().ContainSingle().Which.Should().Contain("PerAccount:PermitLimit (20) must be above 40");
    }

    [Theory]
    [InlineData(null, ClientAddress.Unknown)]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    public void Client_addresses_are_partitioned_by_IPv4_address_or_IPv6_prefix(string? address, string partition) =>
        ClientAddress.PartitionOf(address is null ? null : IPAddress.Parse(address)).Should().Be(partition);
}
