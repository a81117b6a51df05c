using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure.Files;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases.CaseList;

/// <summary>
/// The current filtered case list as CSV, for coordinators' statistics: no narratives, no client
/// names or contacts, only the columns below. Its first line names who exported it, when and with which
/// filters. Rows are streamed from the database to the response (never the whole list in memory) and
/// capped at <see cref="MaxRows"/>. The export is audited with its filters, the number of rows written
/// and, when it needed one, the approval it was made under.
/// </summary>
public sealed class ExportCasesHandler(AppDbContext db, IAuditLog audit, IStringLocalizer<SharedResource> l)
{
    public const int MaxRows = 100_000;

    private sealed record ExportRow(
        string Reference, string Title, CaseStatus Status, CasePriority Priority, string Office, string Categories, string? Citizenship,
        DateOnly OpenedOn, DateOnly? ClosedOn, CaseOutcome? Outcome, string? Lead, string? Caseworker);

    public async Task WriteAsync(Stream output, CaseExportCheck check, Viewer viewer, Exporter by, Guid? approval, CancellationToken cancellationToken = default)
    {
        var filter = check.Filter;
        var written = 0;
        var truncated = false;
        var completed = false;
        try
        {
            // UTF-8 with a byte order mark: Excel then reads Cyrillic correctly.
            await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
            await writer.WriteAsync(ExportStamp.CsvLine(l, l["MigrantAid case list"], by, check.Described));
            await writer.WriteAsync(CsvText.Line(
            [
                l["Reference"], l["Title"], l["Status"], l["Priority"], l["Office"], l["Categories"], l["Citizenship"],
                l["Opened"], l["Closed"], l["Outcome"], l["Lead lawyer"], l["Caseworker"],
            ]));
            var cases = await CaseListSearch.FilterAsync(db, viewer, filter, cancellationToken);
            await foreach (var row in Rows(cases, filter).WithCancellation(cancellationToken))
            {
                if (written == MaxRows)
                {
                    truncated = true;
                    await writer.WriteAsync(CsvText.Line([l["The export stops at {0} rows. Narrow the filters to export the rest.", MaxRows]]));
                    break;
                }

                await writer.WriteAsync(CsvText.Line(Cells(row)));
                written++;
            }

            await writer.FlushAsync(cancellationToken);
            completed = true;
        }
        finally
        {
            // Recorded even when the download is broken off: what was sent is known.
            await audit.RecordAsync(CaseListAuditActions.Exported, "case", null, AuditDetails(filter, written, truncated, completed, approval), cancellationToken: CancellationToken.None);
        }
    }

    /// <summary>The filtered cases in the list's order, one more than the cap (so that the cap is known to cut), streamed.</summary>
    private IAsyncEnumerable<ExportRow> Rows(IQueryable<Case> cases, CaseListFilter filter)
    {
        var russian = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == SupportedLanguages.Russian;
        return CaseListSearch.Ordered(cases, filter)
            .TakeFixed(MaxRows + 1)
            .Select(c => new ExportRow(
                c.Reference,
                c.Title,
                c.Status,
                c.Priority,
                db.Offices.Where(o => o.Id == c.OfficeId).Select(o => o.Name).First(),
                string.Join("; ", db.CaseCategories
                    .Where(cc => cc.CaseId == c.Id)
                    .Join(db.ComplaintCategories, cc => cc.CategoryId, k => k.Id, (cc, k) => k)
                    .OrderBy(k => k.SortOrder)
                    .Select(k => russian ? k.NameRu : k.NameEn)),
                db.Clients.Where(cl => cl.Id == c.PrincipalClientId).Select(cl => cl.Citizenship).First(),
                c.OpenedOn,
                c.ClosedOn,
                c.Outcome,
                db.Users.Where(u => u.Id == c.LeadLawyerId).Select(u => u.FullName).FirstOrDefault(),
                db.Users.Where(u => u.Id == c.CaseworkerId).Select(u => u.FullName).FirstOrDefault()))
            .AsAsyncEnumerable();
    }

    private string?[] Cells(ExportRow row) =>
    [
        row.Reference,
        row.Title,
        l["CaseStatus." + row.Status],
        l["CasePriority." + row.Priority],
        row.Office,
        row.Categories,
        row.Citizenship is { } code && Citizenships.IsKnown(code) ? l[Citizenships.ResourceKey(code)].Value : row.Citizenship,
        row.OpenedOn.ToString(CaseListFilter.DateFormat, CultureInfo.InvariantCulture),
        row.ClosedOn?.ToString(CaseListFilter.DateFormat, CultureInfo.InvariantCulture),
        row.Outcome is { } outcome ? l["CaseOutcome." + outcome].Value : null,
        row.Lead,
        row.Caseworker,
    ];

    /// <summary>What the audit row says of an export: its filters, and how far it went.</summary>
    private static object AuditDetails(CaseListFilter filter, int written, bool truncated, bool completed, Guid? approval) => new
    {
        q = filter.Search,
        status = filter.Status?.ToString(),
        category = filter.CategoryId,
        office = filter.OfficeId,
        lawyer = filter.LawyerId,
        caseworker = filter.CaseworkerId,
        urgent = filter.UrgentOnly,
        citizenship = filter.Citizenship,
        from = filter.From?.ToString(CaseListFilter.DateFormat, CultureInfo.InvariantCulture),
        to = filter.To?.ToString(CaseListFilter.DateFormat, CultureInfo.InvariantCulture),
        sort = CaseListFilter.SortName(filter.Sort),
        scope = filter.Scope,
        rows = written,
        truncated,
        completed,
        approval,
    };
}

/// <summary>Streams the export into the response as an attachment.</summary>
public sealed class CaseCsvResult(CaseExportCheck check, Viewer viewer, Exporter by, Guid? approval = null) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var handler = http.RequestServices.GetRequiredService<ExportCasesHandler>();
        var response = http.Response;
        response.ContentType = "text/csv; charset=utf-8";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName("cases-" + by.At.UtcDateTime.ToString(CaseListFilter.DateFormat, CultureInfo.InvariantCulture) + ".csv");
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "no-store";
        await handler.WriteAsync(response.Body, check, viewer, by, approval, http.RequestAborted);
    }
}
