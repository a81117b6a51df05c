using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases.CaseList;

/// <summary>The case list's reassignment form: the ticked cases, the person they go to (as lead lawyer or caseworker), and why.</summary>
public sealed class ReassignCasesInput
{
    public const int MaxReasonLength = 500;

    /// <summary>At most a few pages' worth; the list shows 25 at a time.</summary>
    public const int MaxCases = 100;

    public List<Guid> Ids { get; set; } = [];

    /// <summary>"lead_{id}" or "caseworker_{id}": one choice says both the person and the part they take.</summary>
    public string? To { get; set; }

    public string? Reason { get; set; }
}

/// <summary>A person offered by the reassignment form.</summary>
public sealed record ReassignChoice(string Value, string Name, string? Office);

public sealed record ReassignChoices(IReadOnlyList<ReassignChoice> Lawyers, IReadOnlyList<ReassignChoice> Caseworkers);

public enum ReassignProblem
{
    NoCases,
    TooManyCases,
    NoPerson,
    ReasonRequired,
    ReasonTooLong,
    Conflict,
}

/// <summary>Why one ticked case was left as it was.</summary>
public enum ReassignRefusal
{
    OutOfReach,
    OtherOffice,
}

public sealed record ReassignResult(
    IReadOnlyList<ReassignProblem> Problems, int Reassigned, int Unchanged, IReadOnlyList<(string Case, ReassignRefusal Why)> Refused);

/// <summary>
/// Reassigns many cases at once (a lawyer leaves): each case's lead lawyer or caseworker becomes the chosen
/// person, in one transaction, with one audit event per case carrying the reason. Access is checked per case
/// on the case as stored (<see cref="CaseAccess.CanAssign"/>); a case out of reach, or of an office the person
/// does not work in, is left as it was and reported. The people offered are active users holding the role,
/// of the office filtered on (or of no office: they work for every office).
/// </summary>
public sealed class ReassignCasesHandler(AppDbContext db, ILookupNormalizer normalizer, IAuditLog audit, TimeProvider clock)
{
    public const string Lead = "lead";
    public const string Caseworker = "caseworker";

    /// <summary>
    /// The people of <paramref name="offices"/> (and those of no office): the office filtered on, else the viewer's,
    /// else those of the cases listed. Never every member of staff, which made the list page 133 KB at 792 of them.
    /// </summary>
    public async Task<ReassignChoices> ChoicesAsync(IReadOnlyCollection<Guid> offices, CancellationToken cancellationToken = default) =>
        new(await PeopleAsync(Roles.Lawyer, Lead, offices, cancellationToken), await PeopleAsync(Roles.Caseworker, Caseworker, offices, cancellationToken));

    public async Task<ReassignResult> HandleAsync(ReassignCasesInput input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var ids = input.Ids.Where(id => id != Guid.Empty).Distinct().ToList();
        var reason = input.Reason?.Trim() ?? "";
        var problems = new List<ReassignProblem>();
        if (ids.Count == 0)
        {
            problems.Add(ReassignProblem.NoCases);
        }
        else if (ids.Count > ReassignCasesInput.MaxCases)
        {
            problems.Add(ReassignProblem.TooManyCases);
        }

        var target = await TargetAsync(input.To, cancellationToken);
        if (target is null)
        {
            problems.Add(ReassignProblem.NoPerson);
        }

        if (reason.Length == 0)
        {
            problems.Add(ReassignProblem.ReasonRequired);
        }
        else if (reason.Length > ReassignCasesInput.MaxReasonLength)
        {
            problems.Add(ReassignProblem.ReasonTooLong);
        }

        if (problems.Count > 0 || !viewer.IsCoordinator)
        {
            return new ReassignResult(problems, 0, 0, []);
        }

        return await ApplyAsync(ids, target!.Value, reason, viewer, cancellationToken);
    }

    private async Task<ReassignResult> ApplyAsync(List<Guid> ids, (string Part, Guid Id, Guid? OfficeId) target, string reason, Viewer viewer, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cases = await db.Cases.Include(c => c.Lawyers).Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        var refused = ids.Where(id => cases.All(c => c.Id != id)).Select(id => (id.ToString(), ReassignRefusal.OutOfReach)).ToList();
        var changed = new List<(Case Case, Guid? Old)>();
        var unchanged = 0;
        var now = clock.GetUtcNow();
        foreach (var c in cases.OrderBy(c => c.Reference, StringComparer.Ordinal))
        {
            if (!CaseAccess.CanView(c, viewer) || !CaseAccess.CanAssign(c, viewer))
            {
                refused.Add((c.Reference, ReassignRefusal.OutOfReach));
                continue;
            }

            if (target.OfficeId is { } office && office != c.OfficeId)
            {
                refused.Add((c.Reference, ReassignRefusal.OtherOffice));
                continue;
            }

            var old = target.Part == Lead ? c.LeadLawyerId : c.CaseworkerId;
            if (old == target.Id)
            {
                unchanged++;
                continue;
            }

            var further = c.Lawyers.Select(l => l.UserId).Where(id => id != target.Id).ToList();
            if (target.Part == Lead)
            {
                c.Assign(c.CaseworkerId, target.Id, further, viewer.UserId, now);
            }
            else
            {
                c.Assign(target.Id, c.LeadLawyerId, further, viewer.UserId, now);
            }

            changed.Add((c, old));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (c, old) in changed)
            {
                await audit.RecordAsync(CaseListAuditActions.Reassigned, "case", c.Id.ToString(),
                    new { reason, field = target.Part == Lead ? "LeadLawyer" : "Caseworker", old, @new = target.Id }, cancellationToken: cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed one of the cases meanwhile: nothing is written, the user tries again.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new ReassignResult([ReassignProblem.Conflict], 0, 0, []);
        }

        return new ReassignResult([], changed.Count, unchanged, refused);
    }

    /// <summary>The chosen person, if it is an active user holding the role the choice names.</summary>
    private async Task<(string Part, Guid Id, Guid? OfficeId)?> TargetAsync(string? to, CancellationToken cancellationToken)
    {
        var parts = to?.Trim().Split('_');
        if (parts is not { Length: 2 } || parts[0] is not (Lead or Caseworker) || !Guid.TryParse(parts[1], out var id))
        {
            return null;
        }

        var role = normalizer.NormalizeName(parts[0] == Lead ? Roles.Lawyer : Roles.Caseworker);
        var person = await db.Users.AsNoTracking()
            .Where(u => u.Id == id && u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == role)))
            .Select(u => new { u.Id, u.OfficeId })
            .FirstOrDefaultAsync(cancellationToken);
        return person is null ? null : (parts[0], person.Id, person.OfficeId);
    }

    private async Task<IReadOnlyList<ReassignChoice>> PeopleAsync(string role, string part, IReadOnlyCollection<Guid> offices, CancellationToken cancellationToken)
    {
        var normalized = normalizer.NormalizeName(role);
        var people = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && (u.OfficeId == null || offices.Contains(u.OfficeId.Value))
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalized)))
            .OrderBy(u => u.FullName).ThenBy(u => u.Id)
            .TakeFixed(500)
            .Select(u => new { u.Id, u.FullName, Office = u.Office == null ? null : u.Office.Name })
            .ToListAsync(cancellationToken);
        return people.Select(p => new ReassignChoice(part + "_" + p.Id.ToString("D", CultureInfo.InvariantCulture), p.FullName, p.Office)).ToList();
    }
}
