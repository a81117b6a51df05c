using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Exports;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Shared.Exports;

/// <summary>The size above which an export of client data needs a second person's approval ("Exports" section).</summary>
public sealed class ExportApprovalOptions
{
    public const string Section = "Exports";

    /// <summary>An export of client data with more rows than this (cases) is made only after another person approves it.</summary>
    public int ApprovalAboveRows { get; set; } = 500;
}

/// <summary>The reason typed when asking for an approval, and the export's filters (its query string) the page was shown for.</summary>
public sealed class ExportRequestInput
{
    public string? Reason { get; set; }

    public string? Filters { get; set; }
}

/// <summary>
/// The page an export that needs approval answers with (Features/Shared/ExportNeedsApproval.cshtml): its size, its
/// filters and the request form, which posts to <paramref name="Controller"/>'s <paramref name="Action"/>.
/// </summary>
public sealed record ExportRequestPage(string Controller, string Action, string Title, int Rows, int Limit, string FilterText, ExportRequestInput Input)
{
    /// <summary>Set when an approved export has grown beyond the rows approved: a new request is needed.</summary>
    public int? ApprovedRows { get; init; }
}

/// <summary>
/// Requests for the exports of client data beyond <see cref="ExportApprovalOptions.ApprovalAboveRows"/> (issue 15,
/// point 6), used by the areas that make such exports: a request with its reason, and the approved request its
/// requester may use for 24 hours. Approving and refusing is the approvals page's.
/// </summary>
public sealed class ExportApprovalsHandler(AppDbContext db, IAuditLog audit, TimeProvider clock, IOptions<ExportApprovalOptions> options, IStringLocalizer<SharedResource> l)
{
    public int Limit => Math.Max(0, options.Value.ApprovalAboveRows);

    public bool NeedsApproval(long rows) => rows > Limit;

    /// <summary>Stores the request (audited with its filters, rows and reason); the reason is required.</summary>
    public async Task<FormOutcome> RequestAsync(
        ExportApprovalKind kind, string filters, string filterText, int rows, ExportRequestInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken)
    {
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            errors.Add(nameof(input.Reason), l["Give the reason for the export."]);
        }
        else if (reason.Length > ExportApproval.MaxReasonLength)
        {
            errors.Add(nameof(input.Reason), l["The reason can be at most {0} characters long.", ExportApproval.MaxReasonLength]);
        }

        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        var request = new ExportApproval(kind, viewer.UserId, clock.GetUtcNow(), Cut(filters), Cut(filterText), rows, reason!);
        db.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(ExportApprovalAuditActions.Requested, "export-approval", request.Id.ToString(),
            new { kind = kind.ToString(), filters = request.Filters, rows, reason = request.Reason }, cancellationToken: cancellationToken);
        return FormOutcome.Saved(request.Id);
    }

    /// <summary>The viewer's own approved request of this kind, still within its 24 hours; null for anyone else's, pending, refused or expired (answered 404).</summary>
    public Task<ExportApproval?> UsableAsync(Guid id, ExportApprovalKind kind, Guid viewerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var since = now - ExportApproval.ValidFor;
        return db.Set<ExportApproval>()
            .Where(a => a.Id == id && a.Kind == kind && a.RequestedBy == viewerId && a.Status == ExportApprovalStatus.Approved && a.DecidedAt > since)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Audits a download (or start) of an approved export, with the rows it held.</summary>
    public Task RecordUseAsync(ExportApproval approval, long rows, CancellationToken cancellationToken) =>
        audit.RecordAsync(ExportApprovalAuditActions.Downloaded, "export-approval", approval.Id.ToString(),
            new { kind = approval.Kind.ToString(), filters = approval.Filters, rows, approved = approval.Rows }, cancellationToken: cancellationToken);

    private static string Cut(string text) => text.Length <= ExportApproval.MaxFiltersLength ? text : text[..ExportApproval.MaxFiltersLength];
}
