using Microsoft.EntityFrameworkCore;

namespace MigrantAid.Web.Data;

/// <summary>
/// Saves the tracked changes of a form under optimistic concurrency, with their audit events in the
/// same transaction. A record's version is PostgreSQL's <c>xmin</c> as the form read it: the UPDATE
/// carries "WHERE xmin = version", so a save by someone else in between matches no row, EF throws,
/// and nothing is written (neither the change nor its audit event).
/// </summary>
public static class VersionedSave
{
    /// <summary>The name of the <c>xmin</c> property every versioned record maps.</summary>
    public const string VersionProperty = "Version";

    /// <summary>Makes the next save of <paramref name="entity"/> match only the row as it was at <paramref name="version"/>.</summary>
    public static void Expect(AppDbContext db, object entity, uint version, string property = VersionProperty) =>
        db.Entry(entity).Property(property).OriginalValue = version;

    /// <returns>False when a row was saved by someone else since its version was read: the transaction is rolled back and the context cleared.</returns>
    public static async Task<bool> SaveAsync(AppDbContext db, Func<Task> audit, CancellationToken cancellationToken) =>
        (await TrySaveAsync(db, audit, _ => false, cancellationToken)) == VersionedSaveResult.Saved;

    /// <summary>
    /// As <see cref="SaveAsync(AppDbContext, Func{Task}, CancellationToken)"/>; a save the database refuses for
    /// a reason the form can explain (<paramref name="refusal"/> recognises it, e.g. a unique index another
    /// user's save just took) is rolled back the same way and reported as <see cref="VersionedSaveResult.Refused"/>.
    /// </summary>
    /// <param name="refusal">Recognises the refusal and remembers what it was (it is called once, for the exception caught).</param>
    public static async Task<VersionedSaveResult> TrySaveAsync(
        AppDbContext db, Func<Task> audit, Func<DbUpdateException, bool> refusal, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        VersionedSaveResult? failed = null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            failed = VersionedSaveResult.Conflict;
        }
        catch (DbUpdateException e) when (refusal(e))
        {
            failed = VersionedSaveResult.Refused;
        }

        if (failed is { } result)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return result;
        }

        await audit();
        await transaction.CommitAsync(cancellationToken);
        return VersionedSaveResult.Saved;
    }

    /// <summary><see cref="Expect"/> then <see cref="SaveAsync(AppDbContext, Func{Task}, CancellationToken)"/>.</summary>
    public static Task<bool> SaveAsync(AppDbContext db, object entity, uint version, Func<Task> audit, CancellationToken cancellationToken)
    {
        Expect(db, entity, version);
        return SaveAsync(db, audit, cancellationToken);
    }
}

/// <summary>What <see cref="VersionedSave.TrySaveAsync"/> came to.</summary>
public enum VersionedSaveResult
{
    Saved,

    /// <summary>Someone else saved the record since the form read it.</summary>
    Conflict,

    /// <summary>The database refused the change for a reason the caller recognised.</summary>
    Refused,
}
