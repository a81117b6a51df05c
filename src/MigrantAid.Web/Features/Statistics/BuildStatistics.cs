using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Web.Features.Statistics;

/// <summary>
/// Counts cases in case_facts by one or two dimensions under the filters, in one scan: each case is
/// expanded to (row value or '*') × (column value or '*'), so (r, c) are the cells, (r, '*') the row
/// totals, ('*', c) the column totals and ('*', '*') the grand total, each counting a case once
/// however many values it has. Then suppresses (<see cref="SuppressedTable"/>) and labels.
/// </summary>
public sealed class BuildStatisticsHandler(ReportingDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    public const string SeparatedChildCode = "detention.child-separated";

    public async Task<StatisticsPage> PageAsync(StatisticsQuery query, CancellationToken cancellationToken = default)
    {
        var russian = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == SupportedLanguages.Russian;
        var categories = await db.ComplaintCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Code, Name = russian ? c.NameRu : c.NameEn }).ToListAsync(cancellationToken);
        var offices = await db.Offices.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var filter = StatisticsFilter.Parse(query, categories.Select(c => c.Id).ToHashSet(), offices.Select(o => o.Id).ToHashSet());
        var categoryHeaders = categories.Select(c => new StatisticsHeader(c.Id.ToString(CultureInfo.InvariantCulture), c.Name)).ToList();
        var officeHeaders = offices.Select(o => new StatisticsHeader(o.Id.ToString(), o.Name)).ToList();
        var table = filter.Problems.Count == 0 ? await TableAsync(filter, categoryHeaders, officeHeaders, cancellationToken) : null;
        return new StatisticsPage
        {
            Query = query,
            Filter = filter,
            Table = table,
            Categories = categoryHeaders,
            Offices = officeHeaders,
            SeparatedChildCategory = categories.Where(c => c.Code == SeparatedChildCode).Select(c => (int?)c.Id).FirstOrDefault(),
        };
    }

    private async Task<StatisticsTable> TableAsync(StatisticsFilter filter, List<StatisticsHeader> categories, List<StatisticsHeader> offices, CancellationToken cancellationToken)
    {
        var counts = await StatisticsCounts.ReadAsync(db, filter, cancellationToken);
        var generatedAt = clock.GetUtcNow();
        var rowCodes = Order(filter.Rows, counts.Keys.Where(k => k.R != "*").Select(k => k.R).Distinct(), categories, offices);
        var columnCodes = filter.Columns is { } cd ? Order(cd, counts.Keys.Where(k => k.C != "*").Select(k => k.C).Distinct(), categories, offices) : [];
        long Count(string r, string c) => counts.GetValueOrDefault((r, c));

        var cells = new long[rowCodes.Count, columnCodes.Count];
        for (var r = 0; r < rowCodes.Count; r++)
        {
            for (var c = 0; c < columnCodes.Count; c++)
            {
                cells[r, c] = Count(rowCodes[r], columnCodes[c]);
            }
        }

        var rowTotals = rowCodes.Select(r => Count(r, "*")).ToArray();
        var columnTotals = columnCodes.Select(c => Count("*", c)).ToArray();
        var grand = Count("*", "*");
        var suppressed = new SuppressedTable(cells, rowTotals, columnTotals, grand,
            StatisticsDimensions.IsMultiValued(filter.Rows), filter.Columns is { } col && StatisticsDimensions.IsMultiValued(col));

        var shown = new StatisticsCell[rowCodes.Count, columnCodes.Count];
        for (var r = 0; r < rowCodes.Count; r++)
        {
            for (var c = 0; c < columnCodes.Count; c++)
            {
                shown[r, c] = StatisticsCell.Of(cells[r, c], suppressed.Cells[r, c]);
            }
        }

        return new StatisticsTable
        {
            Filter = filter,
            Rows = rowCodes.Select(code => new StatisticsHeader(code, ValueLabel(filter.Rows, code, categories, offices))).ToList(),
            Columns = filter.Columns is { } cd2 ? columnCodes.Select(code => new StatisticsHeader(code, ValueLabel(cd2, code, categories, offices))).ToList() : [],
            Cells = shown,
            RowTotals = rowTotals.Select((v, i) => StatisticsCell.Of(v, suppressed.RowTotals[i])).ToArray(),
            ColumnTotals = columnTotals.Select((v, i) => StatisticsCell.Of(v, suppressed.ColumnTotals[i])).ToArray(),
            Grand = StatisticsCell.Of(grand, suppressed.Grand),
            GeneratedAt = generatedAt,
            Note = Note(filter, generatedAt, categories, offices),
        };
    }

    /// <summary>Rows and columns in a reading order: categories as the taxonomy, years and codes ascending, names alphabetically; unknown last.</summary>
    private List<string> Order(StatisticsDimension dimension, IEnumerable<string> codes, List<StatisticsHeader> categories, List<StatisticsHeader> offices)
    {
        var list = codes.ToList();
        return dimension switch
        {
            StatisticsDimension.Category => list.OrderBy(c => categories.FindIndex(k => k.Code == c) is var i and >= 0 ? i : int.MaxValue).ToList(),
            StatisticsDimension.Year or StatisticsDimension.Sex or StatisticsDimension.Outcome or StatisticsDimension.AgeGroup or StatisticsDimension.Situation =>
                list.OrderBy(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (dimension == StatisticsDimension.AgeGroup && n == 0 ? int.MaxValue : n) : int.MaxValue).ToList(),
            StatisticsDimension.Forum => list.OrderBy(c => c == StatisticsDimensions.NoProceedings ? 2 : c.StartsWith("c:", StringComparison.Ordinal) ? 0 : 1)
                .ThenBy(c => ValueLabel(dimension, c, categories, offices), StringComparer.CurrentCulture).ToList(),
            _ => list.OrderBy(c => c == StatisticsDimensions.Unknown ? 1 : 0).ThenBy(c => ValueLabel(dimension, c, categories, offices), StringComparer.CurrentCulture).ToList(),
        };
    }

    /// <summary>The label of a value, in the user's language.</summary>
    public string ValueLabel(StatisticsDimension dimension, string code, IReadOnlyList<StatisticsHeader> categories, IReadOnlyList<StatisticsHeader> offices)
    {
        switch (dimension)
        {
            case StatisticsDimension.Category:
                return code == StatisticsDimensions.NoCategory ? l["No category"] : categories.FirstOrDefault(c => c.Code == code)?.Label ?? code;
            case StatisticsDimension.Citizenship:
                return code == StatisticsDimensions.Unknown ? l["Not recorded"] : Citizenships.IsKnown(code) ? l[Citizenships.ResourceKey(code)] : code;
            case StatisticsDimension.Country:
                return code == StatisticsDimensions.Unknown ? l["Not recorded"] : CaseText.Country(l, code);
            case StatisticsDimension.AgeGroup:
                return code switch
                {
                    StatisticsDimensions.Child => l["Child (under 18)"],
                    StatisticsDimensions.Adult => l["Adult"],
                    _ => l["Age unknown"],
                };
            case StatisticsDimension.Sex:
                return CaseText.Enum(l, (Sex)int.Parse(code, CultureInfo.InvariantCulture));
            case StatisticsDimension.Outcome:
                return code == StatisticsDimensions.StillOpen ? l["Still open"] : CaseText.Enum(l, (CaseOutcome)int.Parse(code, CultureInfo.InvariantCulture));
            case StatisticsDimension.Forum:
                if (code == StatisticsDimensions.NoProceedings)
                {
                    return l["No proceedings"];
                }

                return code.StartsWith("c:", StringComparison.Ordinal)
                    ? l["National courts: {0}", CaseText.Country(l, code[2..])]
                    : int.TryParse(code.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var body) ? CaseText.Enum(l, (InternationalBody)body) : code;
            case StatisticsDimension.Office:
                return offices.FirstOrDefault(o => o.Code == code)?.Label ?? code;
            case StatisticsDimension.Situation:
                return l["Situation." + StatisticsFilter.LinkValue(dimension, code)];
            default:
                return code;
        }
    }

    private List<string> Note(StatisticsFilter filter, DateTimeOffset generatedAt, List<StatisticsHeader> categories, List<StatisticsHeader> offices)
    {
        var note = new List<string>
        {
            l["Rows: {0}.", l[StatisticsDimensions.Label(filter.Rows)]],
        };
        if (filter.Columns is { } columns)
        {
            note.Add(l["Columns: {0}.", l[StatisticsDimensions.Label(columns)]]);
        }

        note.Add(filter.FromYear is null && filter.ToYear is null
            ? l["Period: all years (by the year the case was opened)."]
            : l["Period: cases opened from {0} to {1}.", filter.FromYear?.ToString(CultureInfo.InvariantCulture) ?? "…", filter.ToYear?.ToString(CultureInfo.InvariantCulture) ?? "…"]);
        note.Add(filter.Values.Count == 0
            ? l["Filters: none."]
            : l["Filters: {0}.", string.Join("; ", filter.Values.Select(v => l[StatisticsDimensions.Label(v.Key)] + ": " + ValueLabel(v.Key, v.Value, categories, offices)))]);
        note.Add(l["Counting unit: cases. A case is described by its own data and by its principal client's citizenship, sex and age at intake."]);
        note.Add(l["Client's situation: the principal client's as recorded now (no identity documents, separated child)."]);
        note.Add(l["Complaint category and forum can have several values per case: a case counts once in each of its values, and every total counts each case once, so a total can be smaller than the sum of its cells."]);
        note.Add(l["Age group: age on the date of the intake, from the date of birth, or from the year of birth when only the year is known (unknown when the year alone cannot tell)."]);
        note.Add(l["Counts from 1 to 4 are shown as \"<5\". Where a hidden count could be worked out from the totals and the other numbers, further numbers are hidden and shown as \"x\" (usually counts of 5 or more; in a few small tables also a count under 5 or a zero). The grand total is always shown (as \"<5\" when it is 1 to 4). Other zeros are shown."]);
        note.Add(l["Generated at {0} UTC; the data are as of that moment.", generatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)]);
        return note;
    }
}
