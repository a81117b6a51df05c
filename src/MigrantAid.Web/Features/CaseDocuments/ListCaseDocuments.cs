using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Infrastructure;

namespace MigrantAid.Web.Features.CaseDocuments;

public sealed record CaseDocumentRow(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, string? UploadedBy);

/// <summary>What the case page's documents section shows (see _CaseDocuments.cshtml). Dates in <see cref="TimeZone"/>.</summary>
public sealed record CaseDocumentsSection(Guid CaseId, IReadOnlyList<CaseDocumentRow> Documents, TimeZoneInfo TimeZone)
{
    /// <summary>The accept attribute of the file input: a hint for the browser's picker, the server checks the content anyway.</summary>
    public static string Accept => string.Join(",", FileTypeDetector.All.SelectMany(t => t.Extensions));

    public static string FormatSize(long bytes, Microsoft.Extensions.Localization.IStringLocalizer l) => bytes switch
    {
        < 1024 => l["{0} bytes", bytes.ToString(CultureInfo.CurrentCulture)],
        < 1024 * 1024 => l["{0} KB", (bytes / 1024.0).ToString("0.#", CultureInfo.CurrentCulture)],
        _ => l["{0} MB", (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.CurrentCulture)],
    };
}

/// <summary>
/// The documents of a case for its page, newest first (index case_documents (case_id, uploaded_at)); metadata
/// only, the bytes stay in the database until downloaded. The caller has already checked that the user may see the case.
/// </summary>
public sealed class ListCaseDocumentsHandler(AppDbContext db)
{
    public async Task<CaseDocumentsSection> HandleAsync(Guid caseId, TimeZoneInfo timeZone, CancellationToken cancellationToken = default)
    {
        var documents = await db.CaseDocuments.AsNoTracking()
            .Where(d => d.CaseId == caseId)
            .OrderByDescending(d => d.UploadedAt).ThenByDescending(d => d.Id)
            .Select(d => new CaseDocumentRow(d.Id, d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedAt,
                db.Users.Where(u => u.Id == d.UploadedBy).Select(u => u.FullName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new CaseDocumentsSection(caseId, documents, timeZone);
    }
}
