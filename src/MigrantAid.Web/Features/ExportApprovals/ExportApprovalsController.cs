using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.ExportApprovals;

/// <summary>Large exports of client data waiting for a second person (issue 15, point 6): coordinators and administrators.</summary>
[Authorize(Policy = Policies.ExportApprovers)]
[Route("export-approvals")]
public sealed class ExportApprovalsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Viewer viewer, [FromServices] ListExportApprovalsHandler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(viewer, cancellationToken));

    [HttpPost("{id:guid}/approve")]
    public Task<IActionResult> Approve(Guid id, Viewer viewer, [FromServices] DecideExportApprovalHandler handler, CancellationToken cancellationToken) =>
        Decide(id, approve: true, viewer, handler, "The export has been approved. Its requester can download it for 24 hours.", cancellationToken);

    [HttpPost("{id:guid}/refuse")]
    public Task<IActionResult> Refuse(Guid id, Viewer viewer, [FromServices] DecideExportApprovalHandler handler, CancellationToken cancellationToken) =>
        Decide(id, approve: false, viewer, handler, "The export has been refused.", cancellationToken);

    private async Task<IActionResult> Decide(Guid id, bool approve, Viewer viewer, DecideExportApprovalHandler handler, string saved, CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        return this.FormResult(await handler.HandleAsync(id, approve, viewer, cancellationToken), errors, id, Url.Action(nameof(Index))!, saved);
    }
}
