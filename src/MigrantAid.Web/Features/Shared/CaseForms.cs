using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared.Forms;

namespace MigrantAid.Web.Features.Shared;

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

    /// <summary>Someone else saved the case: <paramref name="input"/> shows what is stored now; 404 when the case is gone.</summary>
    public static async Task<FormOutcome> ConflictAsync(AppDbContext db, Guid id, CaseFormInput input, string message, CancellationToken cancellationToken = default) =>
        await ReadAsync(db, id, cancellationToken) is { } current ? input.ShowConflict(current, message) : FormOutcome.NotFound;
}

/// <summary>The part every case form shares: the row version it was read at, and the case it is about.</summary>
public abstract class CaseFormInput : CaseFormHeading
{
    /// <summary>The row version (xmin) the form was read at; a save against a newer row is refused.</summary>
    public uint Version { get; set; }

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
        DescribeCase(c);
        Status = c.Status;
        OpenedOn = c.OpenedOn;
    }

    /// <summary>Someone else saved: show their values and take the stored version, so saving again is a deliberate choice.</summary>
    public FormOutcome ShowConflict(CaseSnapshot current, string message)
    {
        Current = current;
        Version = current.Version;
        Status = current.Status;
        CaseTitle = current.Title;
        return FormOutcome.Conflict(message, nameof(Version));
    }
}
