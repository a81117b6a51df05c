using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MigrantAid.Web.Domain.Exports;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Exports;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Exports;

/// <summary>The organisation export: administrators only.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("exports")]
public sealed class ExportsController(IStringLocalizer<SharedResource> l, IOptions<ExportApprovalOptions> limit) : Controller
{
    public const string Requested = "Your request has been sent. When another coordinator or administrator approves it, you can start the export from the approvals page within 24 hours.";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] Guid? before, [FromServices] ListExportsHandler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // Only the page key can fail to bind: show the newest exports.
            ModelState.Clear();
            before = null;
        }

        return View(await handler.HandleAsync(before, User.Id(), cancellationToken));
    }

    [HttpPost("")]
    public async Task<IActionResult> Start([FromServices] StartExportHandler handler, CancellationToken cancellationToken) =>
        Started(await handler.HandleAsync(User.Id(), cancellationToken), approvedRows: null);

    /// <summary>Asks another person to approve an export of an organisation beyond Exports:ApprovalAboveRows cases (issue 15, point 6).</summary>
    [HttpPost("requests")]
    public async Task<IActionResult> Ask(
        [FromForm] ExportRequestInput input, Viewer viewer, [FromServices] StartExportHandler start, [FromServices] ExportApprovalsHandler approvals,
        CancellationToken cancellationToken)
    {
        var cases = await start.CasesAsync(cancellationToken);
        return await this.SubmitAsync(Page(cases, approvals.Limit, input),
            errors => approvals.RequestAsync(ExportApprovalKind.Organisation, "", l["The whole organisation"], cases, input, viewer, errors, cancellationToken),
            Url.Action("Index", "ExportApprovals")!, Requested, "ExportNeedsApproval");
    }

    /// <summary>Starts the export an approval allows: its requester only, within its 24 hours, once (404 otherwise).</summary>
    [HttpPost("requests/{id:guid}/start")]
    public async Task<IActionResult> StartApproved(
        Guid id, Viewer viewer, [FromServices] StartExportHandler handler, [FromServices] ExportApprovalsHandler approvals, CancellationToken cancellationToken)
    {
        if (await approvals.UsableAsync(id, ExportApprovalKind.Organisation, viewer.UserId, cancellationToken) is not { } approval)
        {
            return NotFound();
        }

        if (approval.ExportId is { } started)
        {
            return RedirectToAction(nameof(Show), new { id = started });
        }

        return Started(await handler.HandleAsync(viewer.UserId, cancellationToken, approval), approval.Rows);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, [FromServices] ShowExportHandler handler, CancellationToken cancellationToken)
    {
        var export = await handler.HandleAsync(id, User.Id(), cancellationToken);
        return export is null ? NotFound() : View(export);
    }

    /// <summary>Progress as JSON, polled by the export page.</summary>
    [HttpGet("{id:guid}/status")]
    public async Task<IActionResult> Status(Guid id, [FromServices] ShowExportHandler handler, CancellationToken cancellationToken)
    {
        var export = await handler.HandleAsync(id, User.Id(), cancellationToken);
        if (export is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return Json(new
        {
            status = export.Status.ToString(),
            percent = export.Percent,
            rowsWritten = export.RowsWritten,
            rowsTotal = export.RowsTotal,
            currentFile = export.CurrentFile,
            filesDone = export.FilesDone,
            filesTotal = export.FilesTotal,
            sizeBytes = export.SizeBytes,
            downloadUrl = export.CanDownload ? Url.Action(nameof(Download), new { id }) : null,
        });
    }

    [HttpGet("{id:guid}/download")]
    public async Task<IActionResult> Download(Guid id, [FromServices] DownloadExportHandler handler, CancellationToken cancellationToken)
    {
        var download = await handler.HandleAsync(id, User.Id(), cancellationToken);
        if (download is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return PhysicalFile(download.Path, "application/zip", download.FileName);
    }

    private IActionResult Started(StartExportResult result, int? approvedRows)
    {
        if (result.NeedsApprovalCases is { } cases)
        {
            return View("ExportNeedsApproval", Page(cases, approvedRows ?? limit.Value.ApprovalAboveRows, new ExportRequestInput()) with { ApprovedRows = approvedRows });
        }

        TempData["Success"] = result.AlreadyActive
            ? "An export is already under way: it is shown below."
            : "The export has started. It runs in the background: you may leave this page and come back.";
        return RedirectToAction(nameof(Show), new { id = result.ExportId });
    }

    private ExportRequestPage Page(int cases, int limit, ExportRequestInput input) =>
        new("Exports", nameof(Ask), l["Organisation export"], cases, limit, l["The whole organisation"], input);
}
