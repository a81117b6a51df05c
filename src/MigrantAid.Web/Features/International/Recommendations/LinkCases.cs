using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.International.Recommendations;

public enum LinkOutcome
{
    Linked,
    Unlinked,
    AlreadyLinked,
    NotLinked,

    /// <summary>No such case, or one the user may not work on: worded alike, so nothing is revealed.</summary>
    CaseNotFound,
    RecommendationNotFound,
    Forbidden,
}

/// <summary>
/// Links a case to a recommendation as evidence (with a note) and unlinks it. Both need the case's Edit
/// permission; the link is visible from the case and from the recommendation, and audited on the case.
/// </summary>
public sealed class LinkCasesHandler(AppDbContext db, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock)
{
    public async Task<LinkOutcome> LinkByReferenceAsync(int recommendationId, string reference, string? note, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var wanted = reference.Trim().ToUpperInvariant();
        var caseId = await db.Cases.AsNoTracking().Where(c => c.Reference == wanted).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (caseId is null)
        {
            return LinkOutcome.CaseNotFound;
        }

        var outcome = await LinkAsync(caseId.Value, recommendationId, note, user, cancellationToken);
        return outcome == LinkOutcome.Forbidden ? LinkOutcome.CaseNotFound : outcome;
    }

    public async Task<LinkOutcome> LinkAsync(Guid caseId, int recommendationId, string? note, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var (c, result) = await CaseGate.LoadAsync(db, authorization, user, caseId, CaseOperations.Edit, track: false, cancellationToken);
        if (c is null)
        {
            return result == CaseGateResult.Forbidden ? LinkOutcome.Forbidden : LinkOutcome.CaseNotFound;
        }

        if (!await db.Recommendations.AnyAsync(r => r.Id == recommendationId, cancellationToken))
        {
            return LinkOutcome.RecommendationNotFound;
        }

        if (await db.CaseRecommendations.AnyAsync(l => l.CaseId == caseId && l.RecommendationId == recommendationId, cancellationToken))
        {
            return LinkOutcome.AlreadyLinked;
        }

        db.CaseRecommendations.Add(new CaseRecommendation(caseId, recommendationId, note, user.Id(), clock.GetUtcNow()));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone linked the same pair a moment earlier (primary key): the link exists, as wanted.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return LinkOutcome.AlreadyLinked;
        }

        await audit.RecordAsync(InternationalAuditActions.RecommendationLinked, "case", caseId.ToString(),
            new { recommendationId, reference = c.Reference, withNote = !string.IsNullOrWhiteSpace(note) }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return LinkOutcome.Linked;
    }

    public async Task<LinkOutcome> UnlinkAsync(Guid caseId, int recommendationId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var (c, result) = await CaseGate.LoadAsync(db, authorization, user, caseId, CaseOperations.Edit, track: false, cancellationToken);
        if (c is null)
        {
            return result == CaseGateResult.Forbidden ? LinkOutcome.Forbidden : LinkOutcome.CaseNotFound;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.CaseRecommendations.Where(l => l.CaseId == caseId && l.RecommendationId == recommendationId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return LinkOutcome.NotLinked;
        }

        await audit.RecordAsync(InternationalAuditActions.RecommendationUnlinked, "case", caseId.ToString(),
            new { recommendationId, reference = c.Reference }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return LinkOutcome.Unlinked;
    }
}
