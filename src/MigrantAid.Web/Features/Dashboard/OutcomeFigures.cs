using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Web.Features.Dashboard;

/// <summary>The dashboard's outcome figures: court decisions and UN bodies' final decisions per quarter, forum and category.</summary>
public static class OutcomeFigures
{
    public static readonly DecisionOutcome[] CourtWins = [DecisionOutcome.Granted, DecisionOutcome.PartlyGranted];

    public static readonly SubmissionResult[] UnDecided =
        [SubmissionResult.Inadmissible, SubmissionResult.ViolationFound, SubmissionResult.NoViolation, SubmissionResult.Discontinued];

    public static readonly SubmissionResult[] UnWins = [SubmissionResult.ViolationFound];

    private sealed record OutcomeItem(Guid Id, DateOnly On, bool Won, string Forum);

    public static async Task<DashboardOutcomes> CourtAsync(DashboardScope scope, IReadOnlyList<ComplaintCategory> categories, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var decisions = CourtDecisionsIn(db, scope.Office, scope.Filter.From, scope.Filter.To);
        var items = await (from d in decisions
                           join p in db.CourtProceedings on d.ProceedingId equals p.Id
                           select new OutcomeItem(d.Id, d.DecidedOn, CourtWins.Contains(d.Outcome), p.Jurisdiction))
            .ToListAsync(cancellationToken);
        var pairs = await (from d in decisions
                           join cc in db.CaseCategories on d.CaseId equals cc.CaseId
                           select new { d.Id, cc.CategoryId })
            .ToListAsync(cancellationToken);
        return Outcomes(OutcomeKind.Court, scope, items, pairs.Select(p => (p.Id, p.CategoryId)).ToList(), categories,
            forum => CaseText.Country(scope.L, forum));
    }

    public static async Task<DashboardOutcomes> UnAsync(DashboardScope scope, IReadOnlyList<ComplaintCategory> categories, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var submissions = SubmissionsIn(db, scope.Office, scope.Filter.From, scope.Filter.To);
        var items = (await submissions.Select(s => new { s.Id, On = s.FinalDecisionOn!.Value, s.Result, s.Body }).ToListAsync(cancellationToken))
            .Select(s => new OutcomeItem(s.Id, s.On, UnWins.Contains(s.Result), s.Body.ToString()))
            .ToList();
        var pairs = await (from s in submissions
                           join cc in db.CaseCategories on s.CaseId equals cc.CaseId
                           select new { s.Id, cc.CategoryId })
            .ToListAsync(cancellationToken);
        return Outcomes(OutcomeKind.Un, scope, items, pairs.Select(p => (p.Id, p.CategoryId)).ToList(), categories,
            forum => CaseText.Enum<InternationalBody>(scope.L, forum));
    }

    /// <summary>Court decisions dated in the period, of the office's cases (all offices when none).</summary>
    public static IQueryable<CourtDecision> CourtDecisionsIn(AppDbContext db, Guid? office, DateOnly from, DateOnly to) =>
        db.CourtDecisions.AsNoTracking().Where(d => d.DecidedOn >= from && d.DecidedOn <= to
            && (office == null || db.Cases.Any(k => k.Id == d.CaseId && k.OfficeId == office)));

    /// <summary>Submissions with a final decision of the body (a result on the merits, inadmissible or discontinued) dated in the period.</summary>
    public static IQueryable<InternationalSubmission> SubmissionsIn(AppDbContext db, Guid? office, DateOnly from, DateOnly to) =>
        db.InternationalSubmissions.AsNoTracking().Where(s => s.FinalDecisionOn >= from && s.FinalDecisionOn <= to
            && UnDecided.Contains(s.Result)
            && (office == null || db.Cases.Any(k => k.Id == s.CaseId && k.OfficeId == office)));

    public static (DateOnly Start, DateOnly End) Quarter(DateOnly date)
    {
        var start = new DateOnly(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1);
        return (start, start.AddMonths(3).AddDays(-1));
    }

    private static DashboardOutcomes Outcomes(OutcomeKind kind, DashboardScope scope, List<OutcomeItem> items, List<(Guid Id, int CategoryId)> pairs,
        IReadOnlyList<ComplaintCategory> categories, Func<string, string> forumName)
    {
        var filter = scope.Filter;
        DashboardOutcomeRow Row(string key, string label, IReadOnlyCollection<OutcomeItem> counted, DateOnly from, DateOnly to, string? forum = null, int? category = null) =>
            new(key, label, counted.Count, DashboardLinks.Outcomes(kind, scope.OfficeText, from, to, forum, category),
                counted.Count(i => i.Won), DashboardLinks.Outcomes(kind, scope.OfficeText, from, to, forum, category, won: true));

        var byQuarter = new List<DashboardOutcomeRow>();
        for (var (start, end) = Quarter(filter.From); start <= filter.To; (start, end) = Quarter(end.AddDays(1)))
        {
            var from = start < filter.From ? filter.From : start;
            var to = end > filter.To ? filter.To : end;
            var label = string.Create(CultureInfo.InvariantCulture, $"{start.Year} Q{((start.Month - 1) / 3) + 1}");
            byQuarter.Add(Row(label, label, items.Where(i => i.On >= from && i.On <= to).ToList(), from, to));
        }

        var byForum = items.GroupBy(i => i.Forum)
            .Select(g => Row(g.Key, forumName(g.Key), g.ToList(), filter.From, filter.To, forum: g.Key))
            .OrderByDescending(r => r.Decided).ThenBy(r => r.Label, StringComparer.CurrentCulture)
            .ToList();
        var byId = items.ToDictionary(i => i.Id);
        var byCategory = categories
            .Select(c => (Category: c, Items: pairs.Where(p => p.CategoryId == c.Id && byId.ContainsKey(p.Id)).Select(p => byId[p.Id]).Distinct().ToList()))
            .Where(x => x.Items.Count > 0)
            .Select(x => Row(x.Category.Id.ToString(CultureInfo.InvariantCulture), x.Category.Name(scope.Language), x.Items, filter.From, filter.To, category: x.Category.Id))
            .ToList();
        return new DashboardOutcomes(byQuarter, byForum, byCategory, Row("total", scope.L["All"].Value, items, filter.From, filter.To));
    }
}
