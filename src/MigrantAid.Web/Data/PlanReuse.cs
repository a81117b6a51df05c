using System.Data.Common;
using Npgsql;

namespace MigrantAid.Web.Data;

/// <summary>
/// How requests reuse PostgreSQL's work on their statements (docs/adr/0025-plan-reuse.md). Most of what a cheap page
/// costs the database is planning: the case page's statements run in under 2 ms but were parsed and planned anew on
/// every request. With Database:ReusePlans (on by default), requests connect with
/// <list type="bullet">
/// <item>Npgsql's automatic preparation (<c>Max Auto Prepare</c>): a statement used twice on a pooled connection is
/// prepared there and kept across requests, so it is parsed once per connection;</item>
/// <item>one of two plan modes, each its own pool sharing the configured <c>Maximum Pool Size</c>:
/// <see cref="Pools.Custom"/> (<c>plan_cache_mode=force_custom_plan</c>: a prepared statement is still planned for
/// the values it carries, so a search for a common surname never runs on a plan made for a rare one), and
/// <see cref="Pools.Generic"/> (<c>plan_cache_mode=auto</c>: PostgreSQL keeps one generic plan once it is no worse),
/// which only the unfiltered requests of actions marked <see cref="Infrastructure.ReusePlansAttribute"/> use.</item>
/// </list>
/// An operator whose connection string already says <c>Max Auto Prepare</c> or sets <c>plan_cache_mode</c> keeps what
/// it says (and one pool).
/// </summary>
public static class PlanReuse
{
    public const string SettingKey = "Database:ReusePlans";

    /// <summary>Statements kept prepared per connection: more than the distinct statements of the busiest pages.</summary>
    public const int MaxPrepared = 200;

    public const string CustomPlans = "plan_cache_mode=force_custom_plan";

    public const string GenericPlans = "plan_cache_mode=auto";

    /// <summary>The requests' connection strings: <see cref="Generic"/> is null when only one pool is used.</summary>
    public sealed record Pools(string Custom, string? Generic);

    public static Pools Configure(string connectionString, bool enabled)
    {
        if (!enabled)
        {
            return new Pools(connectionString, null);
        }

        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = MaxPrepared;
            builder.AutoPrepareMinUsages = 2;
        }

        if (builder.Options?.Contains("plan_cache_mode", StringComparison.OrdinalIgnoreCase) == true)
        {
            return new Pools(builder.ConnectionString, null);
        }

        var options = builder.Options;
        var maximum = builder.MaxPoolSize;
        builder.MaxPoolSize = Math.Max(1, maximum - (maximum / 2));
        builder.Options = DatabaseConnections.WithServerSetting(options, CustomPlans);
        var custom = builder.ConnectionString;
        builder.MaxPoolSize = Math.Max(1, maximum / 2);
        builder.Options = DatabaseConnections.WithServerSetting(options, GenericPlans);
        return new Pools(custom, builder.ConnectionString);
    }
}
