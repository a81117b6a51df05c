using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Cases.Deadlines;

/// <summary>One deadline as the case page shows it.</summary>
public sealed record DeadlineItem(
    Guid Id,
    DeadlineKind Kind,
    string Title,
    DateOnly DueOn,
    DateOnly? ComputedOn,
    DeadlineStatus Status,
    string? RuleName,
    bool RuleNeedsVerification,
    string? Forum,
    string? LegalBasis,
    TriggerEvent? Trigger,
    DateOnly? TriggerDate,
    DeadlineArithmetic? Arithmetic,
    string? Assignee,
    string? OverrideReason,
    string? ClosingNote,
    string? ClosedBy,
    DateTime? ClosedAt)
{
    public bool IsOpen => Status == DeadlineStatus.Open;

    public bool IsMoved => Kind == DeadlineKind.Computed && ComputedOn is { } computed && computed != DueOn;
}

/// <summary>A list of deadlines with the date that decides what is overdue.</summary>
public sealed record DeadlineList(Guid CaseId, DateOnly Today, IReadOnlyList<DeadlineItem> Items);

/// <summary>The case page's deadline section: open deadlines by date, then the latest done and dismissed ones.</summary>
public sealed record CaseDeadlinesModel(Guid CaseId, DateOnly Today, DeadlineList Open, DeadlineList Closed, int ClosedTotal);

/// <summary>
/// Reads a case's deadlines for display. The caller has already decided that the user sees the case
/// (the case page through its handler, deadline pages through <see cref="DeadlineGate"/>).
/// </summary>
public sealed class ListCaseDeadlinesHandler(AppDbContext db, TimeProvider clock)
{
    /// <summary>Closed deadlines stay on the case for the record; the page shows the latest of them.</summary>
    public const int ClosedShown = 20;

    /// <summary>
    /// The open deadlines, the latest closed ones and how many are closed, in one statement (issue 14): the count rides
    /// on every row as an uncorrelated subquery (evaluated once), and no row means none is closed either.
    /// </summary>
    public async Task<CaseDeadlinesModel> HandleAsync(Guid caseId, Viewer viewer, CancellationToken ct = default)
    {
        var today = await TodayAsync(viewer, ct);
        var closedQuery = db.CaseDeadlines.Where(d => d.CaseId == caseId && d.Status != DeadlineStatus.Open);
        var latestClosed = closedQuery.OrderByDescending(d => d.ClosedAt).ThenByDescending(d => d.Id).TakeFixed(ClosedShown).Select(d => d.Id);
        var rows = await RowsAsync(db.CaseDeadlines.AsNoTracking()
            .Where(d => d.CaseId == caseId && (d.Status == DeadlineStatus.Open || latestClosed.Contains(d.Id))), closedQuery, ct);
        var items = await ItemsAsync(caseId, rows, ct);
        var open = items.Where(x => x.Row.Deadline.Status == DeadlineStatus.Open)
            .OrderBy(x => x.Row.Deadline.DueOn).ThenBy(x => x.Row.Deadline.CreatedAt).Select(x => x.Item).ToList();
        var closed = items.Where(x => x.Row.Deadline.Status != DeadlineStatus.Open)
            .OrderByDescending(x => x.Row.Deadline.ClosedAt).ThenByDescending(x => x.Row.Deadline.Id).Select(x => x.Item).ToList();
        var closedTotal = rows.Count == 0 ? 0 : rows[0].ClosedTotal;
        return new CaseDeadlinesModel(caseId, today, new DeadlineList(caseId, today, open), new DeadlineList(caseId, today, closed), closedTotal);
    }

    /// <summary>The deadlines one recorded event produced.</summary>
    public async Task<DeadlineList> OfSourceAsync(Guid caseId, string sourceType, Guid sourceId, Viewer viewer, CancellationToken ct = default) =>
        new(caseId, await TodayAsync(viewer, ct), await ItemsAsync(caseId,
            d => d.CaseId == caseId && d.SourceType == sourceType && d.SourceId == sourceId,
            q => q.OrderBy(d => d.DueOn).ThenBy(d => d.Id), int.MaxValue, ct));

    public async Task<DeadlineItem?> OneAsync(Guid caseId, Guid deadlineId, CancellationToken ct = default) =>
        (await ItemsAsync(caseId, d => d.CaseId == caseId && d.Id == deadlineId, q => q.OrderBy(d => d.Id), 1, ct)).FirstOrDefault();

    /// <summary>"Today" for the user: the date in their office's time zone, UTC without an office.</summary>
    public async Task<DateOnly> TodayAsync(Viewer viewer, CancellationToken ct = default)
    {
        var time = viewer.OfficeId is { } id ? await OfficeTime.OfOfficeAsync(db, id, ct) : OfficeTime.Utc;
        return time.Today(clock.GetUtcNow());
    }

    private async Task<IReadOnlyList<DeadlineItem>> ItemsAsync(Guid caseId, Expression<Func<CaseDeadline, bool>> filter,
        Func<IQueryable<CaseDeadline>, IOrderedQueryable<CaseDeadline>> order, int take, CancellationToken ct)
    {
        var query = db.CaseDeadlines.AsNoTracking().Where(filter);
        var rows = await RowsAsync(order(query).Take(take), query, ct);
        return (await ItemsAsync(caseId, rows, ct)).Select(x => x.Item).ToList();
    }

    /// <summary>The deadlines with their rules' facts, and the size of <paramref name="counted"/> on each row.</summary>
    private Task<List<DeadlineRow>> RowsAsync(IQueryable<CaseDeadline> query, IQueryable<CaseDeadline> counted, CancellationToken ct) =>
        query.Select(d => new DeadlineRow(
                d,
                db.DeadlineRules.Where(r => r.Id == d.RuleId).Select(r => new RuleFacts(r.Name, r.NameRu, r.NeedsVerification, r.Forum, r.LegalBasis, r.LegalBasisRu)).FirstOrDefault(),
                counted.Count()))
            .ToListAsync(ct);

    private async Task<List<(DeadlineRow Row, DeadlineItem Item)>> ItemsAsync(Guid caseId, List<DeadlineRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var people = rows.SelectMany(r => new[] { r.Deadline.AssigneeId, r.Deadline.ClosedBy }).Where(x => x is not null).Select(x => x!.Value);
        var names = await StaffDirectory.NamesAsync(db, people, ct);
        var time = await OfficeTime.OfCaseAsync(db, caseId, ct);
        string? Name(Guid? id) => id is { } g ? names.GetValueOrDefault(g, "?") : null;
        var russian = SupportedLanguages.CurrentIsRussian;
        return rows.Select(r => (r, new DeadlineItem(
            r.Deadline.Id, r.Deadline.Kind, CaseDeadline.TitleIn(r.Deadline.Title, r.Deadline.TitleRu, russian), r.Deadline.DueOn, r.Deadline.ComputedOn, r.Deadline.Status,
            r.Rule is null ? null : CaseDeadline.TitleIn(r.Rule.Name, r.Rule.NameRu, russian), r.Rule?.NeedsVerification ?? false, r.Rule?.Forum, DeadlineRule.LegalBasisIn(r.Rule?.LegalBasis, r.Rule?.LegalBasisRu, russian),
            r.Deadline.Trigger, r.Deadline.TriggerDate, DeadlineArithmetic.FromJson(r.Deadline.Arithmetic),
            Name(r.Deadline.AssigneeId), r.Deadline.OverrideReason, r.Deadline.ClosingNote, Name(r.Deadline.ClosedBy),
            r.Deadline.ClosedAt is { } at ? time.Local(at) : null))).ToList();
    }

    private sealed record RuleFacts(string Name, string? NameRu, bool NeedsVerification, string? Forum, string? LegalBasis, string? LegalBasisRu);

    private sealed record DeadlineRow(CaseDeadline Deadline, RuleFacts? Rule, int ClosedTotal);
}

/// <summary>The case page's deadline section (issue 4): invoked from Features/Cases/Show.cshtml with the case it authorized.</summary>
public sealed class CaseDeadlinesViewComponent(ListCaseDeadlinesHandler handler) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(AuthorizedCase @case) =>
        View("/Features/Cases/Deadlines/_CaseDeadlines.cshtml", await handler.HandleAsync(@case.Id, Viewer.From(HttpContext.User), HttpContext.RequestAborted));
}
