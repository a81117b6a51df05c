using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain.Exports;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Exports;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Cases.CaseList;

/// <summary>
/// The case list export beyond Exports:ApprovalAboveRows (issue 15, point 6): the request for another person's
/// approval, and the requester's download of the approved export, made at download time with the approved filters.
/// </summary>
[Authorize(Policy = Policies.Coordinator)]
[Route("cases/export-requests")]
public sealed class CaseExportRequestsController(IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    public const string Requested = "Your request has been sent. When another coordinator or administrator approves it, you can download the export from the approvals page for 24 hours.";

    [HttpPost("")]
    public async Task<IActionResult> Ask(
        [FromForm] ExportRequestInput input, Viewer viewer, [FromServices] CaseExportGateHandler gate, [FromServices] ExportApprovalsHandler approvals,
        CancellationToken cancellationToken)
    {
        var check = await gate.CheckAsync(CaseExportGateHandler.Query(input.Filters ?? ""), viewer, cancellationToken);
        var page = Page(check, approvals.Limit, input);
        return await this.SubmitAsync(page,
            errors => approvals.RequestAsync(ExportApprovalKind.CaseList, check.Filters, check.FilterText(l), check.Rows, input, viewer, errors, cancellationToken),
            Url.Action("Index", "ExportApprovals")!, Requested, "ExportNeedsApproval");
    }

    /// <summary>The approved export, for its requester only (404 for anyone else, and once refused or expired).</summary>
    [HttpGet("{id:guid}/download")]
    public async Task<IActionResult> Download(
        Guid id, Viewer viewer, [FromServices] CaseExportGateHandler gate, [FromServices] ExportApprovalsHandler approvals, CancellationToken cancellationToken)
    {
        if (await approvals.UsableAsync(id, ExportApprovalKind.CaseList, viewer.UserId, cancellationToken) is not { } approval)
        {
            return NotFound();
        }

        var check = await gate.CheckAsync(CaseExportGateHandler.Query(approval.Filters), viewer, cancellationToken);
        if (check.Rows > approval.Rows)
        {
            // The list has grown since it was approved: what would be sent is not what was approved.
            return View("ExportNeedsApproval", Page(check, approvals.Limit, new ExportRequestInput { Filters = check.Filters }) with { ApprovedRows = approval.Rows });
        }

        await approvals.RecordUseAsync(approval, check.Rows, cancellationToken);
        return new CaseCsvResult(check, viewer, Exporter.From(User, clock.GetUtcNow()), approval.Id);
    }

    /// <summary>The page that says the export needs approval, with the request form posting here.</summary>
    private ExportRequestPage Page(CaseExportCheck check, int limit, ExportRequestInput input) =>
        new("CaseExportRequests", nameof(Ask), l["MigrantAid case list"], check.Rows, limit, check.FilterText(l), input);
}
