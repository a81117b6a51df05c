using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases.CaseDocuments;

/// <summary>The upload form's one field.</summary>
public sealed class UploadDocumentInput
{
    public IFormFile? File { get; set; }

    /// <summary>Over <see cref="CaseDocument.MaxBytes"/> though within the request's limit: answered like a larger request (413).</summary>
    public bool IsTooLarge => File is { Length: > CaseDocument.MaxBytes };
}

/// <summary>
/// Stores a file on a case, in PostgreSQL (never on an instance's disk): the type is told by the
/// content (<see cref="FileTypeDetector"/>), a name whose extension says otherwise is refused, the
/// SHA-256 is computed here, the case's timeline gets the event and the audit log the upload.
/// A refusal is one message at the file field.
/// </summary>
public sealed class UploadDocumentHandler(AppDbContext db, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private const int Attempts = 3;

    /// <summary>A file that passed the checks, named as it will be stored.</summary>
    private sealed record AcceptedFile(string Name, DetectedFileType Type, byte[] Content);

    public async Task<FormOutcome> HandleAsync(Guid caseId, UploadDocumentInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        // Access first: someone who may not see the case learns nothing, not even what their file would have met.
        if (await LoadAsync(caseId, viewer, cancellationToken) is not { } @case)
        {
            return FormOutcome.NotFound;
        }

        if (await AcceptAsync(input, errors, cancellationToken) is not { } file)
        {
            return FormOutcome.Invalid;
        }

        return await StoreAsync(@case, file, viewer, cancellationToken) ? FormOutcome.Saved() : FormOutcome.NotFound;
    }

    /// <summary>The file with the type its content shows, or null with the refusal at the file field.</summary>
    private async Task<AcceptedFile?> AcceptAsync(UploadDocumentInput input, FormErrors errors, CancellationToken cancellationToken)
    {
        var refusal = input.File switch
        {
            null => "Choose a file to upload.",
            { Length: 0 } => "The file is empty.",
            _ when input.IsTooLarge => UploadTooLargeResult.Message,
            _ => null,
        };
        var content = refusal is null ? await ReadAsync(input.File!, cancellationToken) : [];
        var name = SafeFileName(input.File?.FileName);
        var type = refusal is null ? FileTypeDetector.Detect(content, name) : null;
        refusal ??= type is null
            ? "This type of file is not accepted. Upload a PDF, an image (PNG, JPEG, GIF, WebP, TIFF), or a Word, Excel or OpenDocument file."
            : !type.AllowsName(name) ? "The file's name does not match its content: its extension says another type." : null;
        if (refusal is not null)
        {
            errors.Add(nameof(input.File), l[refusal]);
            return null;
        }

        // A name without an extension gets the one of the type its content shows.
        var extension = type!.Extensions[0];
        return new AcceptedFile(Path.GetExtension(name).Length > 0 ? name : Trim(name, 255 - extension.Length) + extension, type, content);
    }

    private static async Task<byte[]> ReadAsync(IFormFile upload, CancellationToken cancellationToken)
    {
        var content = new byte[upload.Length];
        await using var stream = upload.OpenReadStream();
        await stream.ReadExactlyAsync(content, cancellationToken);
        return content;
    }

    /// <summary>
    /// Stores the file and its timeline event; false when the case went out of reach meanwhile. The timeline event
    /// changes the case row, which carries a row version: a save by someone else in between is not overwritten,
    /// the upload is simply recorded again on the fresh case.
    /// </summary>
    private async Task<bool> StoreAsync(Case @case, AcceptedFile file, Viewer viewer, CancellationToken cancellationToken)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content));
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1)
            {
                if (await LoadAsync(@case.Id, viewer, cancellationToken) is not { } fresh)
                {
                    return false;
                }

                @case = fresh;
            }

            var now = clock.GetUtcNow();
            var document = new CaseDocument(@case.Id, file.Name, file.Type.ContentType, file.Content.Length, sha256, viewer.UserId, now);
            db.CaseDocuments.Add(document);
            db.CaseDocumentContents.Add(new CaseDocumentContent(document.Id, file.Content));
            @case.RecordDocument(document.Id, file.Name, viewer.UserId, now);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                continue;
            }

            await audit.RecordAsync(CaseDocumentAuditActions.Uploaded, "case", @case.Id.ToString(), new
            {
                documentId = document.Id,
                contentType = document.ContentType,
                size = document.Size,
                sha256 = document.Sha256,
            }, cancellationToken: cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
    }

    /// <summary>The case with what the access rules need, or null when missing or not the user's to change (both 404).</summary>
    private async Task<Case?> LoadAsync(Guid caseId, Viewer viewer, CancellationToken cancellationToken) =>
        (await authorization.LoadCaseAsync(db, viewer, caseId, CaseOperations.Edit, track: true, cancellationToken)).Case;

    /// <summary>The name as the user's computer gave it, without any folder part or control characters, at most 255 characters.</summary>
    public static string SafeFileName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim().Trim('.');
        if (name.Length == 0)
        {
            name = "document";
        }

        if (name.Length > 255)
        {
            var extension = Path.GetExtension(name);
            name = extension.Length is > 0 and <= 16 ? Trim(name[..^extension.Length], 255 - extension.Length) + extension : Trim(name, 255);
        }

        return name;
    }

    private static string Trim(string value, int max) => value.Length <= max ? value : value[..max];
}
