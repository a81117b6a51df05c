using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Cases.Proceedings;

/// <summary>What a hearing or decision form works on; <paramref name="Stored"/> is null when one is added.</summary>
internal sealed record ProceedingRecordScope<T>(Case Case, OfficeTime Time, CourtProceeding Proceeding, T? Stored)
    where T : class
{
    public ProceedingHeading Heading => ProceedingAccess.Heading(Proceeding);
}

/// <summary>
/// The opening the hearing and decision forms share, to show them and to save them: the case (which the
/// user must be allowed to change), the proceeding of that case, and the record of that proceeding being
/// edited. Anything missing or out of the user's reach is not found alike.
/// </summary>
internal static class ProceedingEditor
{
    /// <param name="track">Whether the record edited is tracked for saving.</param>
    public static async Task<ProceedingRecordScope<T>?> OpenAsync<T>(AppDbContext db, IAuthorizationService authorization, Viewer viewer,
        Guid caseId, Guid proceedingId, Guid? id, bool track, CancellationToken cancellationToken)
        where T : class, IProceedingRecord
    {
        var (c, time) = await ProceedingAccess.OpenAsync(db, authorization, viewer, caseId, cancellationToken);
        var proceeding = c is null ? null : await ProceedingAccess.ProceedingAsync(db, caseId, proceedingId, cancellationToken);
        if (c is null || proceeding is null)
        {
            return null;
        }

        if (id is not { } recordId)
        {
            return new(c, time, proceeding, null);
        }

        var records = track ? db.Set<T>() : db.Set<T>().AsNoTracking();
        var stored = await records.FirstOrDefaultAsync(x => x.Id == recordId && x.ProceedingId == proceedingId && x.CaseId == caseId, cancellationToken);
        return stored is null ? null : new(c, time, proceeding, stored);
    }
}
