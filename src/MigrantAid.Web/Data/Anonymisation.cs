using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Privacy;

namespace MigrantAid.Web.Data;

/// <summary>
/// Anonymisation (issue 15, point 3), done by the database function <c>privacy_anonymise</c> of migration 0030 in
/// the caller's transaction: set-based, so a retention run of thousands of cases is a few statements per batch
/// (docs/adr/0022-anonymisation-in-the-database.md). What the function clears and what it keeps is written there.
/// </summary>
public static class Anonymisation
{
    /// <summary>Cases taken per statement by the retention run.</summary>
    public const int BatchSize = 500;

    public static async Task<AnonymisationCounts> ApplyAsync(
        AppDbContext db, IReadOnlyCollection<Guid> cases, IReadOnlyCollection<Guid> intakes, IReadOnlyCollection<Guid> clients,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (cases.Count == 0 && intakes.Count == 0 && clients.Count == 0)
        {
            return AnonymisationCounts.None;
        }

        var rows = await db.Database.SqlQuery<CountsRow>($"""
            SELECT case_count AS "Cases", intake_count AS "Intakes", client_count AS "Clients", words AS "Words"
            FROM privacy_anonymise({cases.ToArray()}, {intakes.ToArray()}, {clients.ToArray()}, {at})
            """).ToListAsync(cancellationToken);
        var row = rows.Single();
        await SearchTexts.RedactAsync(db, row.Words, cancellationToken);
        return new AnonymisationCounts(row.Cases, row.Intakes, row.Clients, 0);
    }

    /// <summary>
    /// Removes the dictionary words (0026) that no client or respondent holds any more, so that a cleared rare
    /// surname does not stay in the database (0033). Its own short transaction, after anonymisation has committed:
    /// it waits for the clients being saved at that moment and holds their saves for the few milliseconds it takes.
    /// Housekeeping after work that is already done: a failure is logged, not thrown, and the next run prunes again.
    /// </summary>
    public static async Task PruneWordsAsync(AppDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var removed = await db.Database.SqlQuery<long>($"SELECT name_words_prune() AS \"Value\"").ToListAsync(cancellationToken);
            logger.LogInformation("Pruned {Count} search words no one holds any more", removed.Single());
        }
        catch (DbException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Only the type: a database message could quote a value.
            logger.LogWarning("Pruning the search words no one holds failed ({ErrorType}); the next retention run prunes them", e.GetType().FullName);
        }
    }

    /// <summary>Audit entries removed per statement by the retention run.</summary>
    public const int AuditBatchSize = 10_000;

    /// <summary>Removes up to <see cref="AuditBatchSize"/> of the audit entries written before <paramref name="before"/>, oldest first (through the owner's function of 0030).</summary>
    public static async Task<long> ExpireAuditAsync(AppDbContext db, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var removed = await db.Database.SqlQuery<long>($"SELECT audit_events_expire({before}, {AuditBatchSize}) AS \"Value\"").ToListAsync(cancellationToken);
        return removed.Single();
    }

    /// <summary>Closed cases not yet anonymised whose closing date is before <paramref name="closedBefore"/>, oldest first.</summary>
    public static IQueryable<Case> ClosedCasesDue(AppDbContext db, DateOnly closedBefore) =>
        db.Cases.Where(c => c.Status == CaseStatus.Closed && c.AnonymisedAt == null && c.ClosedOn < closedBefore);

    public static IQueryable<Intake> RejectedIntakesDue(AppDbContext db, DateTimeOffset decidedBefore) =>
        db.Intakes.Where(i => i.Status == IntakeStatus.Rejected && i.AnonymisedAt == null && i.DecidedAt < decidedBefore);

    public static IQueryable<Intake> DraftIntakesDue(AppDbContext db, DateTimeOffset changedBefore) =>
        db.Intakes.Where(i => i.Status == IntakeStatus.Draft && i.AnonymisedAt == null && i.UpdatedAt < changedBefore);

    private sealed class CountsRow
    {
        public int Cases { get; init; }

        public int Intakes { get; init; }

        public int Clients { get; init; }

        public string[] Words { get; init; } = [];
    }
}
