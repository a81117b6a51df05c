using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.International.Recommendations;

/// <summary>
/// Records a dated implementation assessment. The recommendation's current status follows the latest
/// assessment by date; two assessments saved at once are serialized by the recommendation's row version.
/// </summary>
public sealed class AssessRecommendationHandler(AppDbContext db, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>The form's fields are named "Assess.X" on the recommendation page.</summary>
    public const string Prefix = "Assess.";

    private const int Attempts = 3;

    public async Task<FormOutcome> HandleAsync(int id, AssessInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var time = viewer.OfficeId is { } office ? await OfficeTime.OfOfficeAsync(db, office, cancellationToken) : OfficeTime.Utc;
        if (input.AssessedOn > time.Today(now))
        {
            errors.Add(Prefix + nameof(input.AssessedOn), l["The date of the assessment cannot be in the future."]);
        }

        if (input.Status == ImplementationStatus.NotAssessed)
        {
            errors.Add(Prefix + nameof(input.Status), l["Choose what the assessment found."]);
        }

        if (!await db.Recommendations.AnyAsync(r => r.Id == id, cancellationToken))
        {
            return FormOutcome.NotFound;
        }

        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        for (var attempt = 1; ; attempt++)
        {
            var r = await db.Recommendations.FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
            if (r is null)
            {
                return FormOutcome.NotFound;
            }

            var statusBefore = r.Status;
            var assessment = r.Assess(input.AssessedOn!.Value, input.Status!.Value, input.Note, viewer.UserId, now);
            db.RecommendationAssessments.Add(assessment);
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

            await audit.RecordAsync(InternationalAuditActions.RecommendationAssessed, "recommendation", id.ToString(CultureInfo.InvariantCulture), new
            {
                assessmentId = assessment.Id,
                assessedOn = assessment.AssessedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                status = assessment.Status.ToString(),
                changes = statusBefore == r.Status ? [] : new[] { new { field = "Status", old = statusBefore.ToString(), @new = r.Status.ToString() } },
            }, cancellationToken: cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return FormOutcome.Saved();
        }
    }
}
