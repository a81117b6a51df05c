using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Exports;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.ExportApprovals;

/// <summary>
/// Approves or refuses a pending request (issue 15, point 6), audited with the request's filters and size. Never the
/// requester's own (403); a request no longer pending is left as it is.
/// </summary>
public sealed class DecideExportApprovalHandler(AppDbContext db, IAuditLog audit, TimeProvider clock)
{
    public async Task<FormOutcome> HandleAsync(Guid id, bool approve, Viewer viewer, CancellationToken cancellationToken)
    {
        var request = await db.Set<ExportApproval>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (request is null)
        {
            return FormOutcome.NotFound;
        }

        if (request.RequestedBy == viewer.UserId)
        {
            return FormOutcome.Forbidden;
        }

        if (request.Status != ExportApprovalStatus.Pending)
        {
            return FormOutcome.Unchanged;
        }

        request.Decide(approve, viewer.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(approve ? ExportApprovalAuditActions.Approved : ExportApprovalAuditActions.Refused, "export-approval", id.ToString(), new
        {
            kind = request.Kind.ToString(),
            requestedBy = request.RequestedBy,
            filters = request.Filters,
            rows = request.Rows,
        }, cancellationToken: cancellationToken);
        return FormOutcome.Saved(id);
    }
}
