using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Exports;
using MigrantAid.Web.Features.Shared.Exports;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Exports;

/// <summary>
/// What starting an export came to: the export (new, or the one already under way), or, when the organisation holds
/// more cases than Exports:ApprovalAboveRows (or than an approval allowed), the number of cases that needs approval.
/// </summary>
public sealed record StartExportResult(Guid ExportId, bool AlreadyActive)
{
    public int? NeedsApprovalCases { get; init; }

    public static StartExportResult NeedsApproval(int cases) => new(Guid.Empty, false) { NeedsApprovalCases = cases };
}

/// <summary>
/// Queues an export (audited) and wakes this instance's worker. While one is queued or running, that
/// one is returned instead of a second: an export reads the whole database. An organisation with more
/// cases than Exports:ApprovalAboveRows is client data beyond that size (issue 15, point 6): the export
/// starts only under an approval another person gave, by its requester, within its 24 hours.
/// </summary>
public sealed class StartExportHandler(AppDbContext db, IAuditLog audit, OrganisationExportWorker worker, TimeProvider clock, ExportApprovalsHandler approvals)
{
    /// <summary>The organisation's cases, which decide whether an export needs approval.</summary>
    public Task<int> CasesAsync(CancellationToken cancellationToken) => db.Cases.CountAsync(cancellationToken);

    public async Task<StartExportResult> HandleAsync(Guid adminId, CancellationToken cancellationToken, ExportApproval? approval = null)
    {
        var cases = await CasesAsync(cancellationToken);
        if (approval is null ? approvals.NeedsApproval(cases) : cases > approval.Rows)
        {
            return StartExportResult.NeedsApproval(cases);
        }

        var active = await db.Set<OrganisationExport>().AsNoTracking()
            .Where(e => e.Status == OrganisationExportStatus.Queued || e.Status == OrganisationExportStatus.Running)
            .OrderByDescending(e => e.RequestedAt)
            .Select(e => (Guid?)e.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (active is { } activeId)
        {
            return new StartExportResult(activeId, AlreadyActive: true);
        }

        var export = new OrganisationExport(adminId, clock.GetUtcNow());
        db.Add(export);
        approval?.Started(export.Id);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(OrganisationExportAuditActions.Started, "organisation-export", export.Id.ToString(), new
        {
            files = ExportCatalogue.Files.Count,
            cases,
            approval = approval?.Id,
        }, cancellationToken: cancellationToken);
        worker.Wake();
        return new StartExportResult(export.Id, AlreadyActive: false);
    }
}
