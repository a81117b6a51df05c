using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Cases.CaseDocuments;

/// <summary>Files on a case: upload (from the case page's documents section) and download as an attachment.</summary>
[Authorize(Policy = Policies.CaseStaff)]
[Route("cases/{id:guid}/documents")]
public sealed class CaseDocumentsController : Controller
{
    /// <summary>The largest file plus room for the multipart envelope and the antiforgery field.</summary>
    public const long RequestLimit = 21 * 1024 * 1024;

    // The whole form is held in memory (up to the limit), so a client's document never lands in a temp file on this instance.
    [HttpPost("")]
    [RefuseLargeBody(RequestLimit)]
    [RequestSizeLimit(RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestLimit, MemoryBufferThreshold = (int)RequestLimit)]
    public async Task<IActionResult> Upload(Guid id, UploadDocumentInput input, Viewer viewer, [FromServices] UploadDocumentHandler handler, CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        var outcome = await handler.HandleAsync(id, input, viewer, errors, cancellationToken);
        if (outcome.Kind != FormOutcomeKind.Invalid)
        {
            return this.FormResult(outcome, errors, input, Url.CasePage(id, "documents"), "The document was uploaded.");
        }

        if (input.IsTooLarge)
        {
            return new UploadTooLargeResult();
        }

        // A file field cannot be filled in again: the refusal goes back to the case page, beside the field.
        TempData["Error"] = errors.Added.Values.SelectMany(m => m).First();
        return Redirect(Url.CasePage(id, "documents"));
    }

    [HttpGet("{documentId:guid}")]
    public async Task<IActionResult> Download(Guid id, Guid documentId, Viewer viewer, [FromServices] DownloadDocumentHandler handler, CancellationToken cancellationToken)
    {
        var document = await handler.HandleAsync(id, documentId, viewer, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        // With a download name, the result sends "Content-Disposition: attachment" with filename* (RFC 5987) for any script.
        return File(document.Content, document.ContentType, document.FileName);
    }
}
