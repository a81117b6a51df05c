using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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
    public async Task<IActionResult> Upload(Guid id, UploadDocumentInput input, [FromServices] UploadDocumentHandler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(id, input.File, User, cancellationToken);
        switch (outcome)
        {
            case UploadDocumentOutcome.NotFound:
                return NotFound();
            case UploadDocumentOutcome.Uploaded:
                TempData["Success"] = "The document was uploaded.";
                break;
            case UploadDocumentOutcome.NoFile:
                TempData["Error"] = "Choose a file to upload.";
                break;
            case UploadDocumentOutcome.Empty:
                TempData["Error"] = "The file is empty.";
                break;
            case UploadDocumentOutcome.TooLarge:
                return new UploadTooLargeResult();
            case UploadDocumentOutcome.NameContradictsContent:
                TempData["Error"] = "The file's name does not match its content: its extension says another type.";
                break;
            default:
                TempData["Error"] = "This type of file is not accepted. Upload a PDF, an image (PNG, JPEG, GIF, WebP, TIFF), or a Word, Excel or OpenDocument file.";
                break;
        }

        return Redirect($"/cases/{id}#documents");
    }

    [HttpGet("{documentId:guid}")]
    public async Task<IActionResult> Download(Guid id, Guid documentId, [FromServices] DownloadDocumentHandler handler, CancellationToken cancellationToken)
    {
        var document = await handler.HandleAsync(id, documentId, User, cancellationToken);
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
