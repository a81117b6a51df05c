using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases.CaseDocuments;

public sealed record DownloadedDocument(string FileName, string ContentType, byte[] Content);

/// <summary>Hands out a case's file to a user who may see the case, and records it in the audit log.</summary>
public sealed class DownloadDocumentHandler(AppDbContext db, IAuthorizationService authorization, IAuditLog audit)
{
    public async Task<DownloadedDocument?> HandleAsync(Guid caseId, Guid documentId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var @case = await db.Cases.AsNoTracking().Include(c => c.Lawyers).FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case is null || !await viewer.AuthorizeAsync(authorization, @case, CaseOperations.View))
        {
            return null;
        }

        var document = await db.CaseDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.CaseId == caseId)
            .Select(d => new { d.Id, d.FileName, d.ContentType, d.Sha256 })
            .FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return null;
        }

        var content = await db.CaseDocumentContents.AsNoTracking()
            .Where(c => c.DocumentId == documentId)
            .Select(c => c.Content)
            .FirstAsync(cancellationToken);

        await audit.RecordAsync(CaseDocumentAuditActions.Downloaded, "case", caseId.ToString(),
            new { documentId = document.Id, sha256 = document.Sha256 }, cancellationToken: cancellationToken);
        return new DownloadedDocument(document.FileName, document.ContentType, content);
    }
}
