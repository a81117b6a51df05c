using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Features.Statistics;
using Npgsql;

namespace MigrantAid.Tests.Features.Statistics;

/// <summary>
/// The reference for the pre-aggregate (issue 14): the statistics' counts as the page computed them
/// before statistics_cube, straight from case_facts, kept verbatim so that a test can hold every table
/// of the cube equal to it. The counts by (row value, column value), '*' standing for "any" (the totals). One scan with
/// GROUPING SETS: a multi-valued dimension is unnested with each value's position, and a set that
/// leaves that dimension out counts only each case's first value (position 1), so every total
/// counts a case once.
/// </summary>
public static class CaseFactsCounts
{
    public static async Task<Dictionary<(string R, string C), long>> ReadAsync(AppDbContext db, StatisticsFilter filter, CancellationToken cancellationToken)
    {
        var sql = new CaseFactsCountSql(filter);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            // The planner's row estimates for unnest are far too high, and would make it JIT-compile the
            // query for longer than the query runs: JIT off for this statement, reset afterwards.
            await using (var jit = new NpgsqlCommand("SET jit = off", connection))
            {
                await jit.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var command = new NpgsqlCommand(sql.Text, connection);
            command.Parameters.AddRange(sql.Parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await CountsAsync(reader, filter, cancellationToken);
        }
        finally
        {
            await using (var reset = new NpgsqlCommand("RESET jit", connection))
            {
                await reset.ExecuteNonQueryAsync(CancellationToken.None);
            }

            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static async Task<Dictionary<(string R, string C), long>> CountsAsync(NpgsqlDataReader reader, StatisticsFilter filter, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<(string, string), long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            // GROUPING: 2 = rows left out, 1 = columns left out.
            var grouping = reader.GetInt32(2);
            var rowAll = (grouping & 2) != 0;
            var columnAll = (grouping & 1) != 0 || filter.Columns is null;
            var row = rowAll ? "*" : StatisticsDimensions.Code(filter.Rows, reader.GetValue(0));
            var column = columnAll ? "*" : StatisticsDimensions.Code(filter.Columns!.Value, reader.GetValue(1));
            var count = (rowAll, columnAll) switch
            {
                (false, false) => reader.GetInt64(3),
                (false, true) => reader.GetInt64(5),
                (true, false) => reader.GetInt64(4),
                _ => reader.GetInt64(6),
            };
            counts[(row, column)] = count;
        }

        return counts;
    }
}

/// <summary>The statement of <see cref="CaseFactsCounts"/> for one filter, with its parameters ($1, $2, … in the order they were added).</summary>
public sealed class CaseFactsCountSql
{
    private readonly StatisticsFilter _filter;
    private readonly List<NpgsqlParameter> _parameters = [];

    public CaseFactsCountSql(StatisticsFilter filter)
    {
        _filter = filter;
        var where = Where();
        var (r, ri) = Expand(filter.Rows);
        // The inner scan passes on only the row value and the column's raw value (narrow rows from the workers).
        var columnValue = filter.Columns is { } columns ? Column(columns) : "NULL::integer";
        var (c, ci) = filter.Columns is { } expanded ? Expand(expanded, "f.cv") : ("f.cv", "1");
        var sets = filter.Columns is null ? "(r, c), ()" : "(r, c), (r), (c), ()";
        Text = $"""
            SELECT r, c, GROUPING(r, c), count(*), count(*) FILTER (WHERE ri = 1), count(*) FILTER (WHERE ci = 1), count(*) FILTER (WHERE ri = 1 AND ci = 1)
            FROM (SELECT r, ri, {c} AS c, {ci} AS ci
                  FROM (SELECT {r} AS r, {ri} AS ri, {columnValue} AS cv FROM case_facts f WHERE {where}) f) x
            GROUP BY GROUPING SETS ({sets})
            """;
    }

    public string Text { get; }

    /// <summary>The case_facts column of a dimension: the arrays for the multi-valued ones.</summary>
    private static string Column(StatisticsDimension dimension) => dimension switch
    {
        StatisticsDimension.Category => "f.category_ids",
        StatisticsDimension.Forum => "f.forums",
        _ => StatisticsDimensions.Column(dimension),
    };

    public NpgsqlParameter[] Parameters => [.. _parameters];

    private string Parameter(object value)
    {
        _parameters.Add(new NpgsqlParameter { Value = value });
        return "$" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
    }

    private string Where()
    {
        var where = new StringBuilder("TRUE");
        foreach (var (dimension, code) in _filter.Values)
        {
            var column = Column(dimension);
            where.Append(" AND ").Append(dimension switch
            {
                // Containment, so that the GIN index on category_ids can find the cases.
                StatisticsDimension.Category => $"{column} @> ARRAY[{Parameter(int.Parse(code, CultureInfo.InvariantCulture))}::integer]",
                StatisticsDimension.Forum => $"{column} @> ARRAY[{Parameter(code)}::text]",
                StatisticsDimension.Citizenship or StatisticsDimension.Country when code == StatisticsDimensions.Unknown => $"{column} IS NULL",
                StatisticsDimension.Outcome when code == StatisticsDimensions.StillOpen => $"{column} IS NULL",
                StatisticsDimension.Citizenship or StatisticsDimension.Country => $"{column} = {Parameter(code)}::character(2)",
                StatisticsDimension.Office => $"{column} = {Parameter(Guid.Parse(code))}",
                _ => $"{column} = {Parameter(short.Parse(code, CultureInfo.InvariantCulture))}",
            });
        }

        if (_filter.FromYear is { } from)
        {
            where.Append(" AND f.opened_year >= ").Append(Parameter((short)from));
        }

        if (_filter.ToYear is { } to)
        {
            where.Append(" AND f.opened_year <= ").Append(Parameter((short)to));
        }

        return where.ToString();
    }

    /// <summary>A dimension's value and position: unnested for a multi-valued one, unless it is filtered to one value (then that value).</summary>
    private (string Value, string Position) Expand(StatisticsDimension dimension, string? from = null)
    {
        var column = from ?? Column(dimension);
        if (!StatisticsDimensions.IsMultiValued(dimension))
        {
            return (column, "1");
        }

        if (_filter.Values.TryGetValue(dimension, out var code))
        {
            return dimension == StatisticsDimension.Category
                ? (Parameter(int.Parse(code, CultureInfo.InvariantCulture)) + "::integer", "1")
                : (Parameter(code) + "::text", "1");
        }

        return ($"unnest({column})", $"generate_series(1, cardinality({column}))");
    }
}
