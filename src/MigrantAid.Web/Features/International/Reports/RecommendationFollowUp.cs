using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure.Files;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.International.Reports;

/// <summary>The follow-up report's filters as they arrive in the address, and the keyset of the next page.</summary>
public sealed class FollowUpQuery
{
    public string? State { get; set; }

    public string? Body { get; set; }

    public string? Year { get; set; }

    /// <summary>The keyset of the next page: the last row's state, body and id.</summary>
    public string? After { get; set; }

    public (string? State, InternationalBody? Body, int? Year, (string State, int Body, int Id)? After, List<string> Problems) Parse()
    {
        var problems = new List<string>();
        var state = string.IsNullOrWhiteSpace(State) ? null : State.Trim().ToUpperInvariant();
        if (state is not null && !Countries.IsKnown(state))
        {
            problems.Add("state");
            state = null;
        }

        InternationalBody? body = null;
        if (!string.IsNullOrWhiteSpace(Body))
        {
            if (!char.IsAsciiDigit(Body.Trim()[0]) && Enum.TryParse<InternationalBody>(Body.Trim(), true, out var b) && Enum.IsDefined(b))
            {
                body = b;
            }
            else
            {
                problems.Add("body");
            }
        }

        int? year = null;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (int.TryParse(Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= Recommendation.MinYear and <= 9999)
            {
                year = y;
            }
            else
            {
                problems.Add("year");
            }
        }

        (string, int, int)? after = null;
        var parts = After?.Split('~');
        if (parts is { Length: 3 } && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ab) && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            after = (parts[0], ab, id);
        }

        return (state, body, year, after, problems);
    }
}

public sealed record FollowUpRow(
    int Id, string State, InternationalBody Body, string Cycle, int Year, string? Paragraph, string? Text,
    RecommendationResponse Response, ImplementationStatus Status, DateOnly? StatusOn, int LinkedCases);

public sealed class FollowUpPage
{
    public required FollowUpQuery Query { get; init; }

    public IReadOnlyList<FollowUpRow> Rows { get; init; } = [];

    public string? Next { get; init; }
}

/// <summary>
/// The recommendation follow-up report: per state and body, each recommendation with the status of its
/// latest dated assessment (the latest date; on the same date the latest recorded) and the number of
/// cases linked to it (a count only: no case is named).
/// </summary>
public sealed class RecommendationFollowUpHandler(ReportingDbContext db, IAuditLog audit, IStringLocalizer<SharedResource> l)
{
    public const int PageSize = 50;
    public const int MaxExportRows = 20_000;

    public async Task<FollowUpPage> PageAsync(FollowUpQuery query, CancellationToken cancellationToken = default)
    {
        var (rows, more) = await ReadAsync(query, PageSize, cancellationToken);
        var last = more ? rows[^1] : null;
        return new FollowUpPage
        {
            Query = query,
            Rows = rows,
            Next = last is null ? null : string.Create(CultureInfo.InvariantCulture, $"{last.State}~{(int)last.Body}~{last.Id}"),
        };
    }

    /// <summary>The report as CSV or XLSX, its first line (and an XLSX's document properties) naming who exported it, when and with which filters.</summary>
    public async Task<FileDownload> ExportAsync(FollowUpQuery query, string format, Exporter by, CancellationToken cancellationToken = default)
    {
        query.After = null;
        var (rows, more) = await ReadAsync(query, MaxExportRows, cancellationToken);
        var culture = CultureInfo.InvariantCulture;
        var lines = new List<IReadOnlyList<string>>
        {
            new[] { l["State"].Value, l["Body"], l["Session or cycle"], l["Year"], l["Paragraph"], l["Recommendation"], l["Response"], l["Implementation status"], l["Assessed on"], l["Linked cases"] },
        };
        lines.AddRange(rows.Select(r => (IReadOnlyList<string>)
        [
            CaseText.Country(l, r.State), CaseText.Enum(l, r.Body), r.Cycle, r.Year.ToString(culture), r.Paragraph ?? "", r.Text ?? "",
            CaseText.Enum(l, r.Response), CaseText.Enum(l, r.Status), r.StatusOn?.ToString("yyyy-MM-dd", culture) ?? "", r.LinkedCases.ToString(culture),
        ]));
        if (more)
        {
            lines.Add([l["The export stops at {0} rows. Narrow the filters to export the rest.", MaxExportRows]]);
        }

        var (state, body, year, _, _) = query.Parse();
        var title = l["MigrantAid recommendation follow-up"].Value;
        (string, string?)[] filters =
        [
            (l["State"], state is null ? null : CaseText.Country(l, state)), (l["Body"], body is { } b ? CaseText.Enum(l, b) : null),
            (l["Year"], year?.ToString(culture)),
        ];
        var stamp = by.At.UtcDateTime.ToString("yyyy-MM-dd", culture);
        FileDownload file;
        if (format == "xlsx")
        {
            file = new FileDownload(XlsxWriter.Write([(l["Follow-up"], lines)], ExportStamp.Xlsx(l, title, by, filters)), XlsxWriter.ContentType, $"recommendations-follow-up-{stamp}.xlsx");
        }
        else
        {
            var text = new System.Text.StringBuilder(ExportStamp.CsvLine(l, title, by, filters));
            foreach (var line in lines)
            {
                text.Append(CsvText.Line(line));
            }

            file = new FileDownload([.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())], "text/csv; charset=utf-8", $"recommendations-follow-up-{stamp}.csv");
        }

        await audit.RecordAsync(StatisticsAuditActions.FollowUpExported, "recommendation", null,
            new { format, state, body = body?.ToString(), year, rows = rows.Count, truncated = more }, cancellationToken: CancellationToken.None);
        return file;
    }

    private async Task<(List<FollowUpRow> Rows, bool More)> ReadAsync(FollowUpQuery query, int take, CancellationToken cancellationToken)
    {
        var (state, body, year, after, _) = query.Parse();
        var russian = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == SupportedLanguages.Russian;
        var recommendations = db.Recommendations.AsNoTracking();
        if (state is not null)
        {
            recommendations = recommendations.Where(r => r.State == state);
        }

        if (body is { } b)
        {
            recommendations = recommendations.Where(r => r.Body == b);
        }

        if (year is { } y)
        {
            recommendations = recommendations.Where(r => r.Year == y);
        }

        if (after is { } a)
        {
            var afterBody = (InternationalBody)a.Body;
            recommendations = recommendations.Where(r => string.Compare(r.State, a.State) > 0
                || (r.State == a.State && (r.Body > afterBody || (r.Body == afterBody && r.Id > a.Id))));
        }

        var rows = await recommendations
            .OrderBy(r => r.State).ThenBy(r => r.Body).ThenBy(r => r.Id)
            .Take(take + 1)
            .Select(r => new FollowUpRow(
                r.Id, r.State, r.Body, r.Cycle, r.Year, r.Paragraph, russian ? r.TextRu ?? r.TextEn : r.TextEn ?? r.TextRu, r.Response,
                db.RecommendationAssessments.Where(x => x.RecommendationId == r.Id)
                    .OrderByDescending(x => x.AssessedOn).ThenByDescending(x => x.RecordedAt)
                    .Select(x => (ImplementationStatus?)x.Status).FirstOrDefault() ?? ImplementationStatus.NotAssessed,
                db.RecommendationAssessments.Where(x => x.RecommendationId == r.Id).Max(x => (DateOnly?)x.AssessedOn),
                db.CaseRecommendations.Count(x => x.RecommendationId == r.Id)))
            .ToListAsync(cancellationToken);
        var more = rows.Count > take;
        return (more ? rows[..take] : rows, more);
    }
}
