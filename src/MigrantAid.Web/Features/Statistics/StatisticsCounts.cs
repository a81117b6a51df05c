using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using Npgsql;

namespace MigrantAid.Web.Features.Statistics;

/// <summary>
/// The counts by (row value, column value), '*' standing for "any" (the totals), read from the
/// pre-aggregate statistics_cube (migration 0027, docs/adr/0019-statistics-pre-aggregate.md) in one
/// GROUP BY of its rows under the filters. Each cube row carries, besides its count, whether it holds
/// the case's first value of the row and of the column dimension; the totals are sums of the cells'
/// first-value counts, so every total counts a case once however many values it has.
/// </summary>
public static class StatisticsCounts
{
    public static async Task<Dictionary<(string R, string C), long>> ReadAsync(AppDbContext db, StatisticsFilter filter, CancellationToken cancellationToken)
    {
        var sql = new StatisticsCubeSql(filter);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = new NpgsqlCommand(sql.Text, connection);
            command.Parameters.AddRange(sql.Parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await CountsAsync(reader, filter, cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>
    /// A cell counts its cases; a row total the cases of its row's cells that are there by their first
    /// column value, a column total those there by their first row value, the grand total those there by both.
    /// </summary>
    private static async Task<Dictionary<(string R, string C), long>> CountsAsync(NpgsqlDataReader reader, StatisticsFilter filter, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<(string, string), long>();
        long grand = 0;
        void Add((string, string) key, long count) => counts[key] = counts.GetValueOrDefault(key) + count;
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = StatisticsDimensions.Code(filter.Rows, reader.GetValue(0));
            if (filter.Columns is { } columns)
            {
                var column = StatisticsDimensions.Code(columns, reader.GetValue(1));
                counts[(row, column)] = reader.GetInt64(2);
                Add(("*", column), reader.GetInt64(3));
            }

            Add((row, "*"), reader.GetInt64(4));
            grand += reader.GetInt64(5);
        }

        counts[("*", "*")] = grand;
        return counts;
    }
}

/// <summary>
/// The statement of <see cref="StatisticsCounts"/> for one filter, with its parameters ($1, $2, … in the
/// order they were added): per (row value, column value), the cases, those by their first row value, by
/// their first column value, and by both. A multi-valued dimension that the table neither counts by nor
/// filters on keeps only its first value, so that each case is in it once.
/// </summary>
public sealed class StatisticsCubeSql
{
    private readonly StatisticsFilter _filter;
    private readonly List<NpgsqlParameter> _parameters = [];

    public StatisticsCubeSql(StatisticsFilter filter)
    {
        _filter = filter;
        var where = Where();
        var r = StatisticsDimensions.Column(filter.Rows);
        var rf = First(filter.Rows);
        var c = filter.Columns is { } columns ? StatisticsDimensions.Column(columns) : "NULL::integer";
        var cf = filter.Columns is { } counted ? First(counted) : "TRUE";
        Text = $"""
            SELECT {r} AS r, {c} AS c, sum(f.cases)::bigint,
                   coalesce(sum(f.cases) FILTER (WHERE {rf}), 0)::bigint,
                   coalesce(sum(f.cases) FILTER (WHERE {cf}), 0)::bigint,
                   coalesce(sum(f.cases) FILTER (WHERE {rf} AND {cf}), 0)::bigint
            FROM statistics_cube f
            WHERE {where}
            GROUP BY 1, 2
            """;
    }

    public string Text { get; }

    public NpgsqlParameter[] Parameters => [.. _parameters];

    private bool Counted(StatisticsDimension dimension) => dimension == _filter.Rows || dimension == _filter.Columns;

    /// <summary>Whether a row holds the case's first value of the dimension (always, for one with a single value per case or filtered to one value).</summary>
    private string First(StatisticsDimension dimension) =>
        StatisticsDimensions.IsMultiValued(dimension) && !_filter.Values.ContainsKey(dimension) ? StatisticsDimensions.First(dimension) : "TRUE";

    private string Parameter(object value)
    {
        _parameters.Add(new NpgsqlParameter { Value = value });
        return "$" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
    }

    private string Where()
    {
        var where = new StringBuilder("TRUE");
        foreach (var dimension in StatisticsDimensions.All.Where(d => StatisticsDimensions.IsMultiValued(d) && !Counted(d) && !_filter.Values.ContainsKey(d)))
        {
            where.Append(" AND ").Append(StatisticsDimensions.First(dimension));
        }

        foreach (var (dimension, code) in _filter.Values)
        {
            var column = StatisticsDimensions.Column(dimension);
            where.Append(" AND ").Append(dimension switch
            {
                StatisticsDimension.Category => $"{column} = {Parameter(int.Parse(code, CultureInfo.InvariantCulture))}::integer",
                StatisticsDimension.Forum => $"{column} = {Parameter(code)}::text",
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
}
