using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases.CaseDocuments;

/// <summary>The upload form's one field.</summary>
public sealed class UploadDocumentInput
{
    public IFormFile? File { get; set; }
}

public enum UploadDocumentOutcome
{
    Uploaded,
    NotFound,
    NoFile,
    Empty,
    TooLarge,
    TypeNotAccepted,
    NameContradictsContent,
}

/// <summary>
/// Stores a file on a case, in PostgreSQL (never on an instance's disk): the type is told by the
/// content (<see cref="FileTypeDetector"/>), a name whose extension says otherwise is refused, the
/// SHA-256 is computed here, the case's timeline gets the event and the audit log the upload.
/// </summary>
public sealed class UploadDocumentHandler(AppDbContext db, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock)
{
    private const int Attempts = 3;

    public async Task<UploadDocumentOutcome> HandleAsync(Guid caseId, IFormFile? file, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        // Access first: someone who may not see the case learns nothing, not even what their file would have met.
        var @case = await LoadAsync(caseId, user, cancellationToken);
        if (@case is null)
        {
            return UploadDocumentOutcome.NotFound;
        }

        if (file is null)
        {
            return UploadDocumentOutcome.NoFile;
        }

        if (file.Length == 0)
        {
            return UploadDocumentOutcome.Empty;
        }

        if (file.Length > CaseDocument.MaxBytes)
        {
            return UploadDocumentOutcome.TooLarge;
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        var name = SafeFileName(file.FileName);
        var type = FileTypeDetector.Detect(content, name);
        if (type is null)
        {
            return UploadDocumentOutcome.TypeNotAccepted;
        }

        if (!type.AllowsName(name))
        {
            return UploadDocumentOutcome.NameContradictsContent;
        }

        if (string.IsNullOrEmpty(Path.GetExtension(name)))
        {
            name = Trim(name, 255 - type.Extensions[0].Length) + type.Extensions[0];
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var userId = user.Id();

        // The timeline event changes the case row, which carries a row version: a save by someone
        // else in between is not overwritten, the upload is simply recorded again on the fresh case.
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1)
            {
                @case = await LoadAsync(caseId, user, cancellationToken);
                if (@case is null)
                {
                    return UploadDocumentOutcome.NotFound;
                }
            }

            var now = clock.GetUtcNow();
            var document = new CaseDocument(@case.Id, name, type.ContentType, content.Length, sha256, userId, now);
            db.CaseDocuments.Add(document);
            db.CaseDocumentContents.Add(new CaseDocumentContent(document.Id, content));
            @case.RecordDocument(document.Id, name, userId, now);
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
            return UploadDocumentOutcome.Uploaded;
        }
    }

    /// <summary>The case with what the access rules need (its lawyers), or null when missing or not the user's to change.</summary>
    private async Task<Case?> LoadAsync(Guid caseId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.Include(c => c.Lawyers).FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case is null)
        {
            return null;
        }

        var allowed = await authorization.AuthorizeAsync(user, @case, CaseOperations.Edit);
        return allowed.Succeeded ? @case : null;
    }

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
