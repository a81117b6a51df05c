using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases.Deadlines;

public sealed class RecordEventInput : DeadlineFormInput
{
    [Required(ErrorMessage = "Choose the event.")]
    [Display(Name = "Event")]
    public TriggerEvent? Trigger { get; set; }

    [Required(ErrorMessage = "Choose the country or the international body.")]
    [Display(Name = "Country or international body")]
    public string? Forum { get; set; }

    [Required(ErrorMessage = "Enter the date of the event.")]
    [Display(Name = "Date of the event")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Kind of procedure")]
    public ProceedingType? ProceedingType { get; set; }

    [Display(Name = "Instance of the decision")]
    public CourtInstance? Instance { get; set; }

    /// <summary>The active rules, so the user sees which events produce which deadlines.</summary>
    [BindNever]
    [ValidateNever]
    public IReadOnlyList<RuleSummary> Rules { get; set; } = [];
}

public sealed record RuleSummary(string Name, string Forum, TriggerEvent Trigger, ProceedingType? ProceedingType, CourtInstance? Instance, int Period, PeriodUnit Unit, bool NeedsVerification);

/// <summary>
/// Records a trigger event that is not a court decision (e.g. "domestic remedies exhausted" for a UN
/// committee, or "the person learned of the decision" for a challenge to a state body) and creates the
/// deadlines of the matching rules through <see cref="IDeadlineTriggers"/>. Each recording is its own
/// source: the page it leads to shows the deadlines it created.
/// </summary>
public sealed class RecordEventHandler(AppDbContext db, IAuthorizationService authorization, IAuditLog audit,
    IDeadlineTriggers triggers, ListCaseDeadlinesHandler deadlines, IStringLocalizer<SharedResource> l)
{
    public const string SourceType = "event";

    /// <summary>Active rules shown beside the form: a reference list of a few dozen rows.</summary>
    private const int MaxRulesShown = 200;

    public async Task<RecordEventInput?> NewAsync(Guid caseId, Viewer viewer, CancellationToken ct = default)
    {
        var c = await DeadlineGate.CaseAsync(db, authorization, viewer, caseId, ct);
        if (c is null)
        {
            return null;
        }

        var input = new RecordEventInput { Date = await deadlines.TodayAsync(viewer, ct), Rules = await RulesAsync(ct) };
        input.Describe(c);
        return input;
    }

    /// <returns>Saved with the id of the recorded event (its deadlines' source).</returns>
    public async Task<FormOutcome> HandleAsync(Guid caseId, RecordEventInput input, Viewer viewer,
        FormErrors errors, CancellationToken ct = default)
    {
        var c = await DeadlineGate.CaseAsync(db, authorization, viewer, caseId, ct);
        if (c is null)
        {
            return FormOutcome.NotFound;
        }

        input.Describe(c);
        input.Rules = await RulesAsync(ct);
        if (input.Forum is not null && !Forums.IsKnown(input.Forum))
        {
            errors.Add(nameof(input.Forum), l["Choose the country or the international body."]);
        }

        if (input.Date is { } date && date > await deadlines.TodayAsync(viewer, ct))
        {
            errors.Add(nameof(input.Date), l["The event cannot be dated in the future."]);
        }

        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        var eventId = Guid.NewGuid();
        var trigger = new DeadlineTrigger(caseId, input.Trigger!.Value, input.Forum!, input.Date!.Value, SourceType, eventId, input.ProceedingType, input.Instance);
        var created = await triggers.RecordAsync(trigger, viewer.UserId, ct);
        if (created.Count == 0)
        {
            errors.Add("", l["No active deadline rule applies to this event in this country or body, so no deadline was computed. Check the event and the procedure, add a manual deadline, or ask an administrator for a rule."]);
            return FormOutcome.Invalid;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(DeadlineAuditActions.EventRecorded, "case", caseId.ToString(), new
        {
            eventId,
            trigger = trigger.Event.ToString(),
            forum = trigger.Forum,
            date = trigger.Date,
            proceedingType = trigger.ProceedingType?.ToString(),
            instance = trigger.Instance?.ToString(),
            deadlines = created.Select(d => new { deadlineId = d.Id, ruleId = d.RuleId, dueOn = d.DueOn }).ToList(),
        }, cancellationToken: ct);
        await transaction.CommitAsync(ct);
        return FormOutcome.Saved(eventId);
    }

    public async Task<EventDeadlinesModel?> ShowAsync(Guid caseId, Guid eventId, Viewer viewer, CancellationToken ct = default)
    {
        var c = await DeadlineGate.CaseAsync(db, authorization, viewer, caseId, ct);
        if (c is null)
        {
            return null;
        }

        var list = await deadlines.OfSourceAsync(caseId, SourceType, eventId, viewer, ct);
        return list.Items.Count == 0 ? null : new EventDeadlinesModel(caseId, c.Reference, c.Title, list);
    }

    private async Task<IReadOnlyList<RuleSummary>> RulesAsync(CancellationToken ct) =>
        await db.DeadlineRules.AsNoTracking()
            .Where(r => r.IsActive)
            .OrderBy(r => r.Forum).ThenBy(r => r.Trigger).ThenBy(r => r.Id)
            .TakeFixed(MaxRulesShown)
            .Select(r => new RuleSummary(r.Name, r.Forum, r.Trigger, r.ProceedingType, r.Instance, r.Period, r.Unit, r.NeedsVerification))
            .ToListAsync(ct);
}

public sealed record EventDeadlinesModel(Guid CaseId, string Reference, string CaseTitle, DeadlineList Deadlines);
