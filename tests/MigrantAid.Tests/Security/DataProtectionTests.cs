using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Security;

/// <summary>Several instances behind a load balancer: a cookie issued by one is honoured by the others.</summary>
public class DataProtectionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Sign_in_cookie_is_accepted_by_a_second_instance()
    {
        var user = await portal.CreateUserAsync("dp-two-instances@test.local", Roles.Lawyer);
        var cookie = await SignInCookieAsync("dp-two-instances@test.local");

        var second = new ConfiguredPortal(sharedConnectionString: portal.ConnectionString);
        await second.InitializeAsync();
        try
        {
            var home = await GetWithCookieAsync(second, "/", cookie);

            home.StatusCode.Should().Be(HttpStatusCode.OK, "the second instance reads the key ring from the shared database");
            (await home.Content.ReadAsStringAsync()).Should().Contain(user.FullName);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task Sign_in_cookie_is_refused_by_an_instance_with_other_keys()
    {
        await portal.CreateUserAsync("dp-other-keys@test.local", Roles.Lawyer);
        var cookie = await SignInCookieAsync("dp-other-keys@test.local");

        var stranger = new ConfiguredPortal();
        await stranger.InitializeAsync();
        try
        {
            var home = await GetWithCookieAsync(stranger, "/", cookie);

            home.StatusCode.Should().Be(HttpStatusCode.Redirect, "a cookie protected with keys of another database means nothing here");
        }
        finally
        {
            await stranger.DisposeAsync();
        }
    }

    [Fact]
    public async Task Keys_are_stored_in_the_database()
    {
        await portal.CreateUserAsync("dp-keys@test.local", Roles.Caseworker);
        await portal.SignedInClientAsync("dp-keys@test.local");

        var keys = await portal.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync());

        keys.Should().ContainSingle("one key serves every instance until it is rotated");
        keys[0].Xml.Should().StartWith("<key ").And.Contain("<masterKey");
        keys[0].FriendlyName.Should().NotBeNullOrEmpty();
    }

    private Task<string> SignInCookieAsync(string email) => InstanceCookies.SignInCookieAsync(portal, email);

    private static Task<HttpResponseMessage> GetWithCookieAsync(PortalFactory instance, string url, string cookie) =>
        InstanceCookies.GetWithCookieAsync(instance, url, cookie);
}
