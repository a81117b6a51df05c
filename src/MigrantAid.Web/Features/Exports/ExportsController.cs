using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Exports;

/// <summary>The organisation export: administrators only.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("exports")]
public sealed class ExportsController : Controller
{
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
    public async Task<IActionResult> Start([FromServices] StartExportHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(User.Id(), cancellationToken);
        TempData["Success"] = result.AlreadyActive
            ? "An export is already under way: it is shown below."
            : "The export has started. It runs in the background: you may leave this page and come back.";
        return RedirectToAction(nameof(Show), new { id = result.ExportId });
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
        var download = await handler.HandleAsync(id, cancellationToken);
        if (download is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return PhysicalFile(download.Path, "application/zip", download.FileName);
    }
}
