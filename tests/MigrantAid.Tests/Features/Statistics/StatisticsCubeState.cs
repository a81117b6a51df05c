using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;

namespace MigrantAid.Tests.Features.Statistics;

/// <summary>The contents of statistics_cube (migration 0027), compared with what statistics_cube_rebuild() computes from case_facts.</summary>
public static class StatisticsCubeState
{
    /// <summary>The cube as the triggers (or a load) left it equals the cube a full rebuild gives.</summary>
    public static async Task ShouldEqualRebuildAsync(PortalFactory portal, string when)
    {
        var kept = await RowsAsync(portal);
        await portal.WithDbAsync(db => db.Database.SqlQueryRaw<long>("SELECT statistics_cube_rebuild() AS \"Value\"").ToListAsync());
        var rebuilt = await RowsAsync(portal);
        kept.Should().Equal(rebuilt, "the cube kept equals a full rebuild {0}", when);
    }

    /// <summary>Every row as text, in order.</summary>
    public static Task<List<string>> RowsAsync(PortalFactory portal) =>
        portal.WithDbAsync(db => db.Database.SqlQueryRaw<string>("""
            SELECT concat_ws('|', office_id, opened_year, coalesce(citizenship, '-'), coalesce(incident_country, '-'), age_group, sex,
                   coalesce(outcome, -1), situation, category_id, category_first, forum, forum_first, cases) AS "Value"
            FROM statistics_cube ORDER BY 1
            """).ToListAsync());

    /// <summary>The cases the cube holds by their first category and forum (each case once).</summary>
    public static Task<long> CasesAsync(PortalFactory portal) =>
        portal.WithDbAsync(db => db.Database.SqlQueryRaw<long>(
            "SELECT coalesce(sum(cases), 0)::bigint AS \"Value\" FROM statistics_cube WHERE category_first AND forum_first").SingleAsync());
}
