using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.International.Recommendations;

/// <summary>
/// Links a case to a recommendation as evidence (with a note) and unlinks it, from either side. Both need
/// the case's Edit permission; the link is visible from the case and from the recommendation, and audited on the case.
/// </summary>
public sealed class LinkCasesHandler(AppDbContext db, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>The recommendation page's form: its fields are named "Link.X".</summary>
    public const string CaseReferenceField = "Link." + nameof(LinkCaseInput.CaseReference);

    private enum Linking
    {
        Linked,
        AlreadyLinked,
        RecommendationNotFound,
    }

    /// <summary>
    /// From the recommendation page, by the case's reference number. A case that does not exist and one the
    /// user may not work on are refused alike, at the reference; a recommendation no longer there answers 404.
    /// </summary>
    public async Task<FormOutcome> LinkByReferenceAsync(int recommendationId, LinkCaseInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        var wanted = input.CaseReference!.Trim().ToUpperInvariant();
        var caseId = await db.Cases.AsNoTracking().Where(c => c.Reference == wanted).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        var (c, _) = caseId is { } id
            ? await authorization.LoadCaseAsync(db, viewer, id, CaseOperations.Edit, track: false, cancellationToken)
            : (null, CaseGateResult.NotFound);
        if (c is null)
        {
            errors.Add(CaseReferenceField, l["No case you can work on has this reference number."]);
            return FormOutcome.Invalid;
        }

        switch (await LinkAsync(c, recommendationId, input.Note, viewer, cancellationToken))
        {
            case Linking.Linked:
                return FormOutcome.Saved();
            case Linking.AlreadyLinked:
                errors.Add(CaseReferenceField, l["This case is already linked to the recommendation."]);
                return FormOutcome.Invalid;
            default:
                return FormOutcome.NotFound;
        }
    }

    /// <summary>From the case: the chosen recommendation. A case hidden from the user answers 404, one they may not change 403.</summary>
    public async Task<FormOutcome> LinkFromCaseAsync(Guid caseId, LinkRecommendationInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        var (c, result) = await authorization.LoadCaseAsync(db, viewer, caseId, CaseOperations.Edit, track: false, cancellationToken);
        if (c is null)
        {
            return FormOutcome.Refused(result);
        }

        var linking = await LinkAsync(c, input.RecommendationId!.Value, input.Note, viewer, cancellationToken);
        if (linking == Linking.Linked)
        {
            return FormOutcome.Saved();
        }

        errors.Add(nameof(input.Note), linking == Linking.AlreadyLinked
            ? l["This recommendation is already linked to the case."]
            : l["This recommendation is no longer in the register."]);
        return FormOutcome.Invalid;
    }

    /// <summary>Removes the link: <see cref="FormOutcome.Unchanged"/> when there was none.</summary>
    public async Task<FormOutcome> UnlinkAsync(Guid caseId, int recommendationId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (c, result) = await authorization.LoadCaseAsync(db, viewer, caseId, CaseOperations.Edit, track: false, cancellationToken);
        if (c is null)
        {
            return FormOutcome.Refused(result);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.CaseRecommendations.Where(l => l.CaseId == caseId && l.RecommendationId == recommendationId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return FormOutcome.Unchanged;
        }

        await audit.RecordAsync(InternationalAuditActions.RecommendationUnlinked, "case", caseId.ToString(),
            new { recommendationId, reference = c.Reference }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return FormOutcome.Saved();
    }

    private async Task<Linking> LinkAsync(Case c, int recommendationId, string? note, Viewer viewer, CancellationToken cancellationToken)
    {
        if (!await db.Recommendations.AnyAsync(r => r.Id == recommendationId, cancellationToken))
        {
            return Linking.RecommendationNotFound;
        }

        if (await db.CaseRecommendations.AnyAsync(l => l.CaseId == c.Id && l.RecommendationId == recommendationId, cancellationToken))
        {
            return Linking.AlreadyLinked;
        }

        db.CaseRecommendations.Add(new CaseRecommendation(c.Id, recommendationId, note, viewer.UserId, clock.GetUtcNow()));
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
            return Linking.AlreadyLinked;
        }

        await audit.RecordAsync(InternationalAuditActions.RecommendationLinked, "case", c.Id.ToString(),
            new { recommendationId, reference = c.Reference, withNote = !string.IsNullOrWhiteSpace(note) }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Linking.Linked;
    }
}
