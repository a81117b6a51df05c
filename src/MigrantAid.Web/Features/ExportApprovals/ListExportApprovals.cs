using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Exports;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.ExportApprovals;

/// <summary>One request as the approvals page shows it (times in the viewer's office zone).</summary>
public sealed record ExportApprovalRow(
    Guid Id, ExportApprovalKind Kind, Guid RequestedBy, string RequesterName, string RequesterEmail, DateTime RequestedAtLocal, string FilterText, int Rows,
    string Reason, ExportApprovalStatus Status, string? DeciderName, DateTime? DecidedAtLocal, DateTime? UsableUntilLocal, bool Started);

public sealed record ExportApprovalsPage(IReadOnlyList<ExportApprovalRow> Pending, IReadOnlyList<ExportApprovalRow> Mine, Guid ViewerId, string TimeZoneId);

/// <summary>
/// The approvals page: every pending request (oldest first; the viewer's own are shown, without the buttons), and the
/// viewer's own recent requests with what became of them. Viewing it is audited (it shows who wants which client data).
/// </summary>
public sealed class ListExportApprovalsHandler(AppDbContext db, IAuditLog audit, TimeProvider clock)
{
    public const int MaxPending = 100;
    public const int MaxMine = 20;

    public async Task<ExportApprovalsPage> HandleAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var zone = await ZoneAsync(viewer.UserId, cancellationToken);
        var now = clock.GetUtcNow();
        var pending = await Rows(db.Set<ExportApproval>().Where(a => a.Status == ExportApprovalStatus.Pending).OrderBy(a => a.RequestedAt).ThenBy(a => a.Id).TakeFixed(MaxPending))
            .ToListAsync(cancellationToken);
        var mine = await Rows(db.Set<ExportApproval>().Where(a => a.RequestedBy == viewer.UserId).OrderByDescending(a => a.RequestedAt).ThenByDescending(a => a.Id).TakeFixed(MaxMine))
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(ExportApprovalAuditActions.Viewed, "export-approval", null, new { pending = pending.Count }, cancellationToken: cancellationToken);
        return new ExportApprovalsPage(pending.Select(r => View(r, zone, now)).ToList(), mine.Select(r => View(r, zone, now)).ToList(), viewer.UserId, zone.Id);
    }

    private sealed record Read(ExportApproval Approval, string RequesterName, string RequesterEmail, string? DeciderName);

    private IQueryable<Read> Rows(IQueryable<ExportApproval> approvals) =>
        approvals.AsNoTracking().Select(a => new Read(
            a,
            db.Users.Where(u => u.Id == a.RequestedBy).Select(u => u.FullName).First(),
            db.Users.Where(u => u.Id == a.RequestedBy).Select(u => u.Email ?? "").First(),
            db.Users.Where(u => u.Id == a.DecidedBy).Select(u => u.FullName).FirstOrDefault()));

    private static ExportApprovalRow View(Read r, TimeZoneInfo zone, DateTimeOffset now)
    {
        var a = r.Approval;
        DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).DateTime;
        return new ExportApprovalRow(
            a.Id, a.Kind, a.RequestedBy, r.RequesterName, r.RequesterEmail, Local(a.RequestedAt), a.FilterText, a.Rows, a.Reason, a.Status, r.DeciderName,
            a.DecidedAt is { } decided ? Local(decided) : null,
            a.IsDownloadable(now) ? Local(a.DownloadableUntil!.Value) : null,
            a.ExportId is not null);
    }

    private async Task<TimeZoneInfo> ZoneAsync(Guid viewerId, CancellationToken cancellationToken)
    {
        var zoneId = await db.Users.AsNoTracking().Where(u => u.Id == viewerId && u.Office != null).Select(u => u.Office!.TimeZoneId).FirstOrDefaultAsync(cancellationToken);
        return zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
