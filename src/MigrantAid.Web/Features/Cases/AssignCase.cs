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

namespace MigrantAid.Web.Features.Cases;

public sealed class AssignCaseInput : CaseFormInput
{
    [Display(Name = "Caseworker")]
    public Guid? CaseworkerId { get; set; }

    [Display(Name = "Lead lawyer")]
    public Guid? LeadLawyerId { get; set; }

    [Display(Name = "Further lawyers")]
    public List<Guid> LawyerIds { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<StaffOption> Caseworkers { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<StaffOption> Lawyers { get; set; } = [];
}

/// <summary>
/// Sets the caseworker, the lead lawyer and further lawyers (coordinators, or the case's caseworker).
/// The choices are active users with the role; someone already on the case stays choosable.
/// The entity writes the assignment history to the timeline.
/// </summary>
public sealed class AssignCaseHandler(AppDbContext db, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<(AssignCaseInput? Input, CaseGateResult Result)> LoadAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (c, result) = await authorization.LoadCaseAsync(db, viewer, id, CaseOperations.Assign, track: false, cancellationToken);
        if (c is null)
        {
            return (null, result);
        }

        var input = new AssignCaseInput
        {
            Version = c.Version,
            CaseworkerId = c.CaseworkerId,
            LeadLawyerId = c.LeadLawyerId,
            LawyerIds = c.Lawyers.Select(x => x.UserId).ToList(),
        };
        input.Describe(c);
        await FillAsync(input, c, cancellationToken);
        return (input, result);
    }

    public async Task<FormOutcome> HandleAsync(Guid id, AssignCaseInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var (c, result) = await authorization.LoadCaseAsync(db, viewer, id, CaseOperations.Assign, track: true, cancellationToken);
        if (c is null)
        {
            return FormOutcome.Refused(result);
        }

        input.Describe(c);
        input.LawyerIds = (input.LawyerIds ?? []).Where(x => x != Guid.Empty).Distinct().ToList();
        await FillAsync(input, c, cancellationToken);
        CheckChoices(input, errors);
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        if (c.Version != input.Version)
        {
            return await CaseSnapshot.ConflictAsync(db, id, input,
            l["Someone else changed this case while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead."], cancellationToken);
        }

        var before = (Caseworker: c.CaseworkerId, Lead: c.LeadLawyerId, Lawyers: c.Lawyers.Select(x => x.UserId).Order().ToList(), c.Status);
        c.Assign(input.CaseworkerId, input.LeadLawyerId, input.LawyerIds, viewer.UserId, clock.GetUtcNow());
        var after = (Caseworker: c.CaseworkerId, Lead: c.LeadLawyerId, Lawyers: c.Lawyers.Select(x => x.UserId).Order().ToList(), c.Status);
        if (before.Caseworker == after.Caseworker && before.Lead == after.Lead && before.Lawyers.SequenceEqual(after.Lawyers))
        {
            return FormOutcome.Unchanged;
        }

        var changes = new List<object>();
        if (before.Caseworker != after.Caseworker)
        {
            changes.Add(new { field = "Caseworker", old = before.Caseworker, @new = after.Caseworker });
        }

        if (before.Lead != after.Lead)
        {
            changes.Add(new { field = "LeadLawyer", old = before.Lead, @new = after.Lead });
        }

        if (!before.Lawyers.SequenceEqual(after.Lawyers))
        {
            changes.Add(new { field = "Lawyers", old = before.Lawyers, @new = after.Lawyers });
        }

        if (before.Status != after.Status)
        {
            changes.Add(new { field = "Status", old = before.Status.ToString(), @new = after.Status.ToString() });
        }

        var saved = await VersionedSave.SaveAsync(db, c, input.Version,
            () => audit.RecordAsync(CaseAuditActions.CaseAssigned, "case", id.ToString(), new { changes }, cancellationToken: cancellationToken),
            cancellationToken);
        return saved ? FormOutcome.Saved() : await CaseSnapshot.ConflictAsync(db, id, input,
            l["Someone else changed this case while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead."], cancellationToken);
    }

    /// <summary>Every person chosen must be one the form offered (staff of the case's office in the right role).</summary>
    private void CheckChoices(AssignCaseInput input, FormErrors errors)
    {
        if (input.CaseworkerId is { } caseworker && input.Caseworkers.All(o => o.Id != caseworker))
        {
            errors.Add(nameof(input.CaseworkerId), l["Choose a caseworker from the list."]);
        }

        if (input.LeadLawyerId is { } lead && input.Lawyers.All(o => o.Id != lead))
        {
            errors.Add(nameof(input.LeadLawyerId), l["Choose a lawyer from the list."]);
        }

        if ((input.LawyerIds ?? []).Any(x => input.Lawyers.All(o => o.Id != x)))
        {
            errors.Add(nameof(input.LawyerIds), l["Choose lawyers from the list."]);
        }
    }

    private async Task FillAsync(AssignCaseInput input, Case c, CancellationToken cancellationToken)
    {
        var current = new List<Guid?> { c.CaseworkerId, c.LeadLawyerId }.Concat(c.Lawyers.Select(x => (Guid?)x.UserId)).OfType<Guid>().ToList();
        var names = await StaffDirectory.NamesAsync(db, current, cancellationToken);
        input.Caseworkers = WithCurrent(await StaffDirectory.ActiveAsync(db, Roles.Caseworker, cancellationToken), [c.CaseworkerId], names);
        input.Lawyers = WithCurrent(await StaffDirectory.ActiveAsync(db, Roles.Lawyer, cancellationToken),
            [c.LeadLawyerId, .. c.Lawyers.Select(x => (Guid?)x.UserId)], names);
    }

    /// <summary>People already on the case stay in the list (e.g. a lawyer since disabled), so a save does not drop them unasked.</summary>
    private static List<StaffOption> WithCurrent(IReadOnlyList<StaffOption> options, IEnumerable<Guid?> current, IReadOnlyDictionary<Guid, string> names)
    {
        var list = options.ToList();
        foreach (var id in current.OfType<Guid>().Where(id => list.All(o => o.Id != id)))
        {
            list.Add(new StaffOption(id, names.GetValueOrDefault(id, "?"), null));
        }

        return list;
    }
}
