using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;

namespace MigrantAid.Web.Features.Cases;

/// <summary>What a change to a case came to.</summary>
public enum CaseChangeOutcome
{
    Saved,
    Unchanged,
    Invalid,
    Conflict,
    NotFound,
    Forbidden,
}

/// <summary>A case as stored now: shown when someone else saved in between, so nothing is overwritten unseen.</summary>
public sealed record CaseSnapshot(
    string Title, CasePriority Priority, bool IsConfidential, CaseStatus Status, CaseOutcome? Outcome, DateOnly? ClosedOn,
    string? Caseworker, string? LeadLawyer, IReadOnlyList<string> Lawyers, uint Version)
{
    public static async Task<CaseSnapshot?> ReadAsync(AppDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.Lawyers).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var ids = c.Lawyers.Select(l => l.UserId).Concat(new[] { c.CaseworkerId, c.LeadLawyerId }.Where(x => x is not null).Select(x => x!.Value));
        var names = await StaffDirectory.NamesAsync(db, ids, cancellationToken);
        string? Name(Guid? u) => u is { } g ? names.GetValueOrDefault(g, "?") : null;
        return new CaseSnapshot(c.Title, c.Priority, c.IsConfidential, c.Status, c.Outcome, c.ClosedOn,
            Name(c.CaseworkerId), Name(c.LeadLawyerId), c.Lawyers.Select(l => Name(l.UserId)!).Order(StringComparer.CurrentCulture).ToList(), c.Version);
    }
}

/// <summary>The part every case form shares: the row version it was read at, and the case it is about.</summary>
public abstract class CaseFormInput
{
    /// <summary>The row version (xmin) the form was read at; a save against a newer row is refused.</summary>
    public uint Version { get; set; }

    [BindNever]
    [ValidateNever]
    public Guid CaseId { get; set; }

    [BindNever]
    [ValidateNever]
    public string Reference { get; set; } = "";

    [BindNever]
    [ValidateNever]
    public string CaseTitle { get; set; } = "";

    [BindNever]
    [ValidateNever]
    public CaseStatus Status { get; set; }

    [BindNever]
    [ValidateNever]
    public DateOnly OpenedOn { get; set; }

    /// <summary>Set when someone else saved in between: what is stored now.</summary>
    [BindNever]
    [ValidateNever]
    public CaseSnapshot? Current { get; set; }

    public void Describe(Case c)
    {
        CaseId = c.Id;
        Reference = c.Reference;
        CaseTitle = c.Title;
        Status = c.Status;
        OpenedOn = c.OpenedOn;
    }

    /// <summary>Someone else saved: show their values and take the stored version, so saving again is a deliberate choice.</summary>
    public void ShowConflict(CaseSnapshot current, ModelStateDictionary modelState, string message)
    {
        Current = current;
        Version = current.Version;
        Status = current.Status;
        CaseTitle = current.Title;
        modelState.Remove(nameof(Version));
        modelState.AddModelError("", message);
    }
}

/// <summary>Saves a change to a case under optimistic concurrency, with its audit events in the same transaction.</summary>
internal static class CaseSaving
{
    /// <returns>False when someone else saved the case since <paramref name="version"/> was read (nothing is saved then).</returns>
    public static async Task<bool> SaveAsync(AppDbContext db, Case c, uint version, Func<Task> audit, CancellationToken cancellationToken)
    {
        // The UPDATE carries "WHERE xmin = <version read by the form>": a save in between makes it match no row.
        db.Entry(c).Property(x => x.Version).OriginalValue = version;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return false;
        }

        await audit();
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
