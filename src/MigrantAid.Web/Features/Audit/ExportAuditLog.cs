using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure.Files;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Audit;

/// <summary>
/// The audit log as filtered (period, action, person), as CSV for a data-protection review (issue 15, point 7):
/// streamed newest first, never the whole table in memory. Its first line says who exported it, when, and with
/// which filters, so a copy found later can be traced; the export itself is audited with the same filters.
/// </summary>
public sealed class ExportAuditLogHandler(IAuditLog audit, IStringLocalizer<SharedResource> l)
{
    public async Task WriteAsync(Stream output, AuditSelection selection, AuditLogFilter filter, Exporter exportedBy, CancellationToken cancellationToken = default)
    {
        var written = 0;
        var completed = false;
        try
        {
            await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
            await writer.WriteAsync(ExportStamp.CsvLine(l, l["MigrantAid audit log"], exportedBy, Filters(filter)));
            await writer.WriteAsync(CsvText.Line(
            [
                l["Time (UTC)"], l["Time ({0})", selection.Zone.Id], l["User"], l["Action"], l["Action code"], l["Record"], l["Record id"],
                l["IP address"], l["Correlation id"], l["Details"],
            ]));
            var rows = selection.Query.OrderByDescending(a => a.Id)
                .Select(a => new { a.OccurredAt, a.ActorEmail, a.Action, a.EntityType, a.EntityId, a.IpAddress, a.CorrelationId, a.Details })
                .AsAsyncEnumerable();
            await foreach (var a in rows.WithCancellation(cancellationToken))
            {
                await writer.WriteAsync(CsvText.Line(
                [
                    a.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    TimeZoneInfo.ConvertTime(a.OccurredAt, selection.Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    a.ActorEmail,
                    AuditActions.All.Contains(a.Action) ? l["Audit." + a.Action] : a.Action,
                    a.Action,
                    a.EntityType,
                    a.EntityId,
                    a.IpAddress,
                    a.CorrelationId,
                    a.Details,
                ]));
                written++;
            }

            await writer.FlushAsync(cancellationToken);
            completed = true;
        }
        finally
        {
            // Recorded even when the download is broken off: what was sent is known.
            await audit.RecordAsync(AuditActions.AuditExported, details: new
            {
                actor = filter.Actor,
                action = filter.Action,
                from = filter.From,
                to = filter.To,
                rows = written,
                completed,
            }, cancellationToken: CancellationToken.None);
        }
    }

    private IEnumerable<(string, string?)> Filters(AuditLogFilter filter) =>
    [
        (l["User's e-mail"], filter.Actor), (l["Action"], filter.Action), (l["From"], filter.From), (l["To"], filter.To),
    ];
}

/// <summary>The CSV download of <see cref="ExportAuditLogHandler"/>.</summary>
public sealed class AuditCsvResult(AuditSelection selection, AuditLogFilter filter, Exporter exportedBy) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var response = http.Response;
        response.ContentType = "text/csv; charset=utf-8";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName("audit-log-" + exportedBy.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".csv");
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "no-store";
        await http.RequestServices.GetRequiredService<ExportAuditLogHandler>().WriteAsync(response.Body, selection, filter, exportedBy, http.RequestAborted);
    }
}
