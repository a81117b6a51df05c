using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data;

namespace MigrantAid.Tests.Data;

/// <summary>
/// A limit fixed in code reaches PostgreSQL as a number (docs/adr/0027-limits-as-numbers.md), and each limit is a
/// query of its own: EF Core's cache never hands one limit's SQL to another.
/// </summary>
public class FixedLimitTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_fixed_limit_is_written_as_a_number_and_each_limit_reads_its_own_rows()
    {
        for (var i = 0; i < 3; i++)
        {
            await portal.Office().SaveAsync();
        }

        var sql = await portal.WithDbAsync(db => Task.FromResult(db.Offices.OrderBy(o => o.Id).Select(o => o.Id).TakeFixed(26).ToQueryString()));
        var one = await portal.WithDbAsync(db => db.Offices.OrderBy(o => o.Id).Select(o => o.Id).TakeFixed(1).ToListAsync());
        var two = await portal.WithDbAsync(db => db.Offices.OrderBy(o => o.Id).Select(o => o.Id).TakeFixed(2).ToListAsync());
        var oneAgain = await portal.WithDbAsync(db => db.Offices.OrderBy(o => o.Id).Select(o => o.Id).TakeFixed(1).ToListAsync());

        sql.Should().Contain("LIMIT 26").And.NotContain("@");
        one.Should().HaveCount(1);
        two.Should().HaveCount(2);
        oneAgain.Should().Equal(one);
    }
}
