using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Deadlines;

namespace MigrantAid.Web.Features.Desk;

/// <summary>A task "enter the date" for a rule that waits for it: the decision, its case and the form where the date is entered.</summary>
public sealed record DateToEnter(
    Guid CaseId, string Reference, Guid ProceedingId, Guid DecisionId, DateOnly DecidedOn, string Court, TriggerEvent Awaits,
    int RuleId, string RuleName, string? RuleNameRu, int Period, PeriodUnit Unit);

public sealed record DatesToEnterModel(IReadOnlyList<DateToEnter> Rows, bool More);

/// <summary>
/// The desk's tasks "enter the date the decision was made in final form" (or "the date the copy was received") for a
/// rule that matches a decision but waits for that date (<see cref="DecisionClocks.Waiting"/>, here as one query).
/// Computed from the records, not stored: a task is there while the date is missing and gone once it is entered, and a
/// rule added later applies to the decisions already recorded. Same people as the desk's deadlines
/// (<see cref="DeskScope.Cases"/>), open cases only. The decisions with a missing date are few and have their own
/// partial index in the order listed (migration 0022); a person's cases are probed one by one through the cases' indexes.
/// </summary>
public sealed class DatesToEnterHandler(AppDbContext db)
{
    public const int PageSize = 25;

    public async Task<DatesToEnterModel> HandleAsync(DeskScope scope, CancellationToken cancellationToken = default)
    {
        var cases = scope.Cases(db).Where(c => c.Status != CaseStatus.Closed);
        var rows = await (
                from d in db.CourtDecisions.AsNoTracking()
                where d.FinalFormOn == null || d.ReceivedOn == null
                join c in cases on d.CaseId equals c.Id
                join p in db.CourtProceedings.AsNoTracking() on d.ProceedingId equals p.Id
                from r in db.DeadlineRules.AsNoTracking()
                where r.IsActive && r.Forum == p.Jurisdiction
                    && ((r.Trigger == TriggerEvent.DecisionInFinalForm && d.FinalFormOn == null) || (r.Trigger == TriggerEvent.DecisionReceived && d.ReceivedOn == null))
                    && (r.ProceedingType == null || r.ProceedingType == p.Type)
                    && (r.Instance == null || r.Instance == p.Instance)
                orderby d.DecidedOn, d.Id, r.Id
                select new DateToEnter(c.Id, c.Reference, p.Id, d.Id, d.DecidedOn, p.Court, r.Trigger, r.Id, r.Name, r.NameRu, r.Period, r.Unit))
            .TakeFixed(PageSize + 1)
            .ToListAsync(cancellationToken);
        return new DatesToEnterModel(rows.Take(PageSize).ToList(), rows.Count > PageSize);
    }
}

/// <summary>The desk's section of dates to enter (rendered where the desk invokes "DatesToEnter").</summary>
public sealed class DatesToEnterViewComponent(DatesToEnterHandler handler) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(DeskScope scope) =>
        View("/Features/Desk/_DatesToEnter.cshtml", await handler.HandleAsync(scope, HttpContext.RequestAborted));
}
