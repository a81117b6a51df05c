using System.Globalization;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Domain.International;

namespace MigrantAid.Web.Features.Statistics;

/// <summary>The statistics page's query string: what to count by, and one value per filtered dimension.</summary>
public sealed class StatisticsQuery
{
    public string? Rows { get; set; }

    public string? Cols { get; set; }

    public string? Category { get; set; }

    public string? Citizenship { get; set; }

    public string? Country { get; set; }

    /// <summary>child, adult or unknown.</summary>
    public string? Age { get; set; }

    public string? Sex { get; set; }

    /// <summary>A CaseOutcome member name, or "open".</summary>
    public string? Outcome { get; set; }

    /// <summary>"none", "c:RU" (national courts of a country) or "b:CRC" (an international body).</summary>
    public string? Forum { get; set; }

    public string? Office { get; set; }

    /// <summary>none, undocumented, separated or both (<see cref="StatisticsDimensions.SituationLinks"/>).</summary>
    public string? Situation { get; set; }

    /// <summary>First year the case was opened (inclusive).</summary>
    public string? From { get; set; }

    /// <summary>Last year the case was opened (inclusive).</summary>
    public string? To { get; set; }

    public string? Get(StatisticsDimension dimension) => dimension switch
    {
        StatisticsDimension.Category => Category,
        StatisticsDimension.Citizenship => Citizenship,
        StatisticsDimension.Country => Country,
        StatisticsDimension.AgeGroup => Age,
        StatisticsDimension.Sex => Sex,
        StatisticsDimension.Outcome => Outcome,
        StatisticsDimension.Forum => Forum,
        StatisticsDimension.Office => Office,
        StatisticsDimension.Situation => Situation,
        _ => null,
    };
}

/// <summary>The query checked: dimensions, filter values as case_facts codes, and what was wrong.</summary>
public sealed record StatisticsFilter(
    StatisticsDimension Rows,
    StatisticsDimension? Columns,
    IReadOnlyDictionary<StatisticsDimension, string> Values,
    int? FromYear,
    int? ToYear,
    IReadOnlyList<string> Problems)
{
    public const int MinYear = 1990;
    public const int MaxYear = 2100;

    /// <param name="categories">Known category ids.</param>
    /// <param name="offices">Known office ids.</param>
    public static StatisticsFilter Parse(StatisticsQuery query, IReadOnlySet<int> categories, IReadOnlySet<Guid> offices)
    {
        var problems = new List<string>();
        var rows = StatisticsDimensions.Parse(query.Rows);
        if (rows is null && !string.IsNullOrWhiteSpace(query.Rows))
        {
            problems.Add("rows");
        }

        var columns = StatisticsDimensions.Parse(query.Cols);
        if (columns is null && !string.IsNullOrWhiteSpace(query.Cols))
        {
            problems.Add("cols");
        }

        rows ??= StatisticsDimension.Category;
        if (columns == rows)
        {
            columns = null;
        }

        var values = new Dictionary<StatisticsDimension, string>();
        foreach (var dimension in StatisticsDimensions.All)
        {
            var raw = query.Get(dimension)?.Trim();
            if (string.IsNullOrEmpty(raw))
            {
                continue;
            }

            if (Code(dimension, raw, categories, offices) is { } code)
            {
                values[dimension] = code;
            }
            else
            {
                problems.Add(StatisticsDimensions.Key(dimension));
            }
        }

        var from = Year(query.From, "from", problems);
        var to = Year(query.To, "to", problems);
        if (from is not null && to is not null && from > to)
        {
            problems.Add("to");
            to = null;
        }

        return new StatisticsFilter(rows.Value, columns, values, from, to, problems);
    }

    private static int? Year(string? raw, string field, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= MinYear and <= MaxYear)
        {
            return year;
        }

        problems.Add(field);
        return null;
    }

    /// <summary>The case_facts code of a filter value typed in a link, or null when it is not one.</summary>
    private static string? Code(StatisticsDimension dimension, string raw, IReadOnlySet<int> categories, IReadOnlySet<Guid> offices)
    {
        switch (dimension)
        {
            case StatisticsDimension.Category:
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && (id == 0 || categories.Contains(id)) ? id.ToString(CultureInfo.InvariantCulture) : null;
            case StatisticsDimension.Citizenship:
                return raw == StatisticsDimensions.Unknown ? raw : Citizenships.IsKnown(raw.ToUpperInvariant()) ? raw.ToUpperInvariant() : null;
            case StatisticsDimension.Country:
                return raw == StatisticsDimensions.Unknown ? raw : Countries.IsKnown(raw.ToUpperInvariant()) ? raw.ToUpperInvariant() : null;
            case StatisticsDimension.AgeGroup:
                return raw.ToLowerInvariant() switch
                {
                    "child" => StatisticsDimensions.Child,
                    "adult" => StatisticsDimensions.Adult,
                    "unknown" => StatisticsDimensions.AgeUnknown,
                    _ => null,
                };
            case StatisticsDimension.Sex:
                return Member<Sex>(raw);
            case StatisticsDimension.Outcome:
                return raw.Equals(StatisticsDimensions.StillOpen, StringComparison.OrdinalIgnoreCase) ? StatisticsDimensions.StillOpen : Member<CaseOutcome>(raw);
            case StatisticsDimension.Forum:
                if (raw.Equals(StatisticsDimensions.NoProceedings, StringComparison.OrdinalIgnoreCase))
                {
                    return StatisticsDimensions.NoProceedings;
                }

                if (raw.StartsWith("c:", StringComparison.OrdinalIgnoreCase) && Countries.IsKnown(raw[2..].ToUpperInvariant()))
                {
                    return "c:" + raw[2..].ToUpperInvariant();
                }

                return raw.StartsWith("b:", StringComparison.OrdinalIgnoreCase) && Member<InternationalBody>(raw[2..]) is { } body ? "b:" + body : null;
            case StatisticsDimension.Office:
                return Guid.TryParse(raw, out var office) && offices.Contains(office) ? office.ToString() : null;
            case StatisticsDimension.Situation:
                var situation = StatisticsDimensions.SituationLinks.ToList().FindIndex(v => v.Equals(raw, StringComparison.OrdinalIgnoreCase));
                return situation < 0 ? null : situation.ToString(CultureInfo.InvariantCulture);
            default:
                return null;
        }
    }

    /// <summary>An enum member named (not numbered) in the link, as its number.</summary>
    private static string? Member<T>(string raw)
        where T : struct, Enum =>
        !char.IsAsciiDigit(raw[0]) && Enum.TryParse<T>(raw, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
            : null;

    /// <summary>The link value of a case_facts code (inverse of parsing), for links that keep the filters.</summary>
    public static string LinkValue(StatisticsDimension dimension, string code) => dimension switch
    {
        StatisticsDimension.AgeGroup => code switch { StatisticsDimensions.Child => "child", StatisticsDimensions.Adult => "adult", _ => "unknown" },
        StatisticsDimension.Sex => ((Sex)int.Parse(code, CultureInfo.InvariantCulture)).ToString(),
        StatisticsDimension.Outcome => code == StatisticsDimensions.StillOpen ? code : ((CaseOutcome)int.Parse(code, CultureInfo.InvariantCulture)).ToString(),
        StatisticsDimension.Situation => StatisticsDimensions.SituationLinks[int.Parse(code, CultureInfo.InvariantCulture)],
        StatisticsDimension.Forum when code.StartsWith("b:", StringComparison.Ordinal) => "b:" + (InternationalBody)int.Parse(code[2..], CultureInfo.InvariantCulture),
        _ => code,
    };
}
