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

/// <summary>Adds a recommendation to the register and changes one under optimistic concurrency; audited with old and new values.</summary>
public sealed class SaveRecommendationHandler(AppDbContext db, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<RecommendationInput?> LoadAsync(int id, CancellationToken cancellationToken = default)
    {
        var r = await db.Recommendations.AsNoTracking().Include(x => x.Themes).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        return r is null ? null : RecommendationInput.From(r);
    }

    /// <returns>Saved with the new recommendation's number as <see cref="FormOutcome.Data"/>.</returns>
    public async Task<FormOutcome> CreateAsync(RecommendationInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (!input.Check(await ThisYearAsync(viewer, now, cancellationToken), errors, l))
        {
            return FormOutcome.Invalid;
        }

        var r = new Recommendation(viewer.UserId, now);
        input.Apply(r);
        db.Recommendations.Add(r);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(InternationalAuditActions.RecommendationCreated, "recommendation", r.Id.ToString(CultureInfo.InvariantCulture),
            new { values = RecommendationInput.AuditValues(r) }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return FormOutcome.Saved(data: r.Id);
    }

    public async Task<FormOutcome> UpdateAsync(int id, RecommendationInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var r = await db.Recommendations.Include(x => x.Themes).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (r is null)
        {
            return FormOutcome.NotFound;
        }

        input.Id = id;
        var now = clock.GetUtcNow();
        if (!input.Check(await ThisYearAsync(viewer, now, cancellationToken), errors, l))
        {
            return FormOutcome.Invalid;
        }

        if (r.Version != input.Version)
        {
            return Conflict(input, RecommendationInput.From(r));
        }

        var before = RecommendationInput.AuditValues(r);
        input.Apply(r);
        var after = RecommendationInput.AuditValues(r);
        var changes = before.Where(b => after[b.Key] != b.Value).Select(b => new { field = b.Key, old = b.Value, @new = after[b.Key] }).ToList();
        if (changes.Count == 0)
        {
            return FormOutcome.Unchanged;
        }

        r.Touch(viewer.UserId, now);

        // Themes live in their own table: the row version of the recommendation must move with them too.
        db.Entry(r).State = EntityState.Modified;
        var saved = await VersionedSave.SaveAsync(db, r, input.Version, () => audit.RecordAsync(InternationalAuditActions.RecommendationUpdated, "recommendation",
            id.ToString(CultureInfo.InvariantCulture), new { changes }, cancellationToken: cancellationToken), cancellationToken);
        if (saved)
        {
            return FormOutcome.Saved();
        }

        var stored = await db.Recommendations.AsNoTracking().Include(x => x.Themes).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        return stored is null ? FormOutcome.NotFound : Conflict(input, RecommendationInput.From(stored));
    }

    /// <summary>"This year" in the user's office's time zone (UTC without an office).</summary>
    private async Task<int> ThisYearAsync(Viewer viewer, DateTimeOffset now, CancellationToken cancellationToken) =>
        (viewer.OfficeId is { } office ? await OfficeTime.OfOfficeAsync(db, office, cancellationToken) : OfficeTime.Utc).Today(now).Year;

    private FormOutcome Conflict(RecommendationInput input, RecommendationInput stored)
    {
        input.Stored = stored;
        input.Version = stored.Version;
        return FormOutcome.Conflict(
            l["Someone else changed this recommendation while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead."],
            nameof(input.Version));
    }
}
