using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases.Sealing;

/// <summary>A person the sealing form offers: any active coordinator, lawyer or caseworker, and whoever is named already.</summary>
public sealed record SealOption(Guid Id, string Name, string? Office, bool IsCoordinator);

public sealed class SealCaseInput : CaseFormInput
{
    [Display(Name = "People named")]
    public List<Guid> PersonIds { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public bool IsSealed { get; set; }

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SealOption> People { get; set; } = [];
}

/// <summary>
/// Seals a case, changes who is named on it, or lifts the seal (coordinators who may see the case, issue 15). Sealing
/// proposes the case's assigned people and the sealing coordinator; at least one coordinator must be named, or no
/// one could change or lift the seal. Audited: <c>case.sealed</c>, <c>case.unsealed</c>, and the people named or removed.
/// </summary>
public sealed class SealCaseHandler(AppDbContext db, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private const string ConflictMessage =
        "Someone else changed this case while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead.";

    public async Task<(SealCaseInput? Input, CaseGateResult Result)> LoadAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (c, result) = await LoadCaseAsync(id, viewer, track: false, cancellationToken);
        if (c is null)
        {
            return (null, result);
        }

        var input = new SealCaseInput
        {
            Version = c.Version,
            PersonIds = c.IsSealed
                ? c.SealedPeople.Select(p => p.UserId).ToList()
                : new[] { c.CaseworkerId, c.LeadLawyerId, viewer.UserId }.OfType<Guid>().Concat(c.Lawyers.Select(x => x.UserId)).Distinct().ToList(),
        };
        await FillAsync(input, c, cancellationToken);
        return (input, result);
    }

    public async Task<FormOutcome> SealAsync(Guid id, SealCaseInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var (c, result) = await LoadCaseAsync(id, viewer, track: true, cancellationToken);
        if (c is null)
        {
            return FormOutcome.Refused(result);
        }

        input.PersonIds = (input.PersonIds ?? []).Where(x => x != Guid.Empty).Distinct().ToList();
        await FillAsync(input, c, cancellationToken);
        Check(input, errors);
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        if (c.Version != input.Version)
        {
            return await CaseSnapshot.ConflictAsync(db, id, input, l[ConflictMessage], cancellationToken);
        }

        var sealing = !c.IsSealed;
        var (named, removed) = c.Seal(input.PersonIds, viewer.UserId, clock.GetUtcNow());
        if (named.Count == 0 && removed.Count == 0)
        {
            return FormOutcome.Unchanged;
        }

        var saved = await VersionedSave.SaveAsync(db, c, input.Version, async () =>
        {
            if (sealing)
            {
                await audit.RecordAsync(SealingAuditActions.Sealed, "case", id.ToString(), new { reference = c.Reference }, cancellationToken: cancellationToken);
            }

            if (named.Count > 0)
            {
                await audit.RecordAsync(SealingAuditActions.PeopleNamed, "case", id.ToString(), new { people = named }, cancellationToken: cancellationToken);
            }

            if (removed.Count > 0)
            {
                await audit.RecordAsync(SealingAuditActions.PeopleRemoved, "case", id.ToString(), new { people = removed }, cancellationToken: cancellationToken);
            }
        }, cancellationToken);
        return saved ? FormOutcome.Saved() : await CaseSnapshot.ConflictAsync(db, id, input, l[ConflictMessage], cancellationToken);
    }

    /// <summary>Lifts the seal: the case follows the usual rule again; who had been named is in the audit event.</summary>
    public async Task<FormOutcome> UnsealAsync(Guid id, uint version, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (c, result) = await LoadCaseAsync(id, viewer, track: true, cancellationToken);
        if (c is null)
        {
            return FormOutcome.Refused(result);
        }

        if (!c.IsSealed)
        {
            return FormOutcome.Unchanged;
        }

        var removed = c.Unseal(viewer.UserId, clock.GetUtcNow());
        var saved = await VersionedSave.SaveAsync(db, c, version,
            () => audit.RecordAsync(SealingAuditActions.Unsealed, "case", id.ToString(), new { reference = c.Reference, people = removed }, cancellationToken: cancellationToken),
            cancellationToken);
        return saved ? FormOutcome.Saved() : FormOutcome.Conflict(l[ConflictMessage]);
    }

    /// <summary>The case for a coordinator who may see it: 404 when hidden (a sealed case they are not named on), 403 for anyone else who sees it.</summary>
    private async Task<(Case? Case, CaseGateResult Result)> LoadCaseAsync(Guid id, Viewer viewer, bool track, CancellationToken cancellationToken)
    {
        var (c, result) = await authorization.LoadCaseAsync(db, viewer, id, CaseOperations.View, track, cancellationToken);
        return c is null ? (null, result) : CaseAccess.CanSeal(c, viewer) ? (c, result) : (null, CaseGateResult.Forbidden);
    }

    private void Check(SealCaseInput input, FormErrors errors)
    {
        if (input.PersonIds.Any(x => input.People.All(o => o.Id != x)))
        {
            errors.Add(nameof(input.PersonIds), l["Choose people from the list."]);
        }
        else if (input.PersonIds.Count == 0)
        {
            errors.Add(nameof(input.PersonIds), l["Name at least one person who may open the sealed case."]);
        }
        else if (!input.People.Any(o => o.IsCoordinator && input.PersonIds.Contains(o.Id)))
        {
            errors.Add(nameof(input.PersonIds), l["Name at least one coordinator: only a named coordinator can change or lift the seal."]);
        }
    }

    /// <summary>Every active coordinator, lawyer and caseworker, and whoever is named already (e.g. since disabled); those proposed first.</summary>
    private async Task FillAsync(SealCaseInput input, Case c, CancellationToken cancellationToken)
    {
        input.Describe(c);
        input.IsSealed = c.IsSealed;
        var coordinators = await StaffDirectory.ActiveAsync(db, Roles.Coordinator, cancellationToken);
        var others = (await StaffDirectory.ActiveAsync(db, Roles.Lawyer, cancellationToken))
            .Concat(await StaffDirectory.ActiveAsync(db, Roles.Caseworker, cancellationToken));
        var people = coordinators.Select(o => new SealOption(o.Id, o.Name, o.Office, true))
            .Concat(others.Select(o => new SealOption(o.Id, o.Name, o.Office, false)))
            .DistinctBy(o => o.Id)
            .ToList();
        var missing = c.SealedPeople.Select(p => p.UserId).Where(u => people.All(o => o.Id != u)).ToList();
        var names = await StaffDirectory.NamesAsync(db, missing, cancellationToken);
        people.AddRange(missing.Select(u => new SealOption(u, names.GetValueOrDefault(u, "?"), null, false)));
        var proposed = input.PersonIds;
        input.People = people.OrderBy(o => !proposed.Contains(o.Id)).ThenBy(o => o.Name, StringComparer.CurrentCulture).ToList();
    }
}
