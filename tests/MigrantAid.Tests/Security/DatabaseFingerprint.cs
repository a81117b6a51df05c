using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;

namespace MigrantAid.Tests.Security;

/// <summary>
/// A checksum of every row of every table of the test's database (md5 of the rows as text, per
/// table): two equal fingerprints mean nothing was inserted, changed or deleted in between.
/// </summary>
public static class DatabaseFingerprint
{
    private const string Sql = """
        SELECT c.relname AS "Table",
               (xpath('/row/h/text()', query_to_xml(format(
                   'SELECT md5(coalesce(string_agg(t::text, %L ORDER BY t::text), %L)) AS h FROM %I.%I t', '|', '', n.nspname, c.relname),
                   false, true, '')))[1]::text AS "Checksum"
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname = 'public'
        """;

    public static Task<Dictionary<string, string>> TakeAsync(PortalFactory portal) =>
        portal.WithDbAsync(async db => (await db.Database.SqlQueryRaw<TableChecksum>(Sql).ToListAsync())
            .ToDictionary(t => t.Table, t => t.Checksum ?? ""));

    /// <summary>The tables whose content differs between two fingerprints.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).Order(StringComparer.Ordinal).ToList();

    private sealed record TableChecksum(string Table, string? Checksum);
}
