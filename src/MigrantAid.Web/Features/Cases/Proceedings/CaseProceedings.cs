using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Cases.Proceedings;

/// <summary>A hearing as the case page shows it: the time in the case office's zone.</summary>
public sealed record HearingRow(Guid Id, DateTime Local, string? Place, string? Result, bool IsHeld, bool IsUpcoming, bool IsNext);

public sealed record DecisionRow(
    Guid Id, DateOnly DecidedOn, DateOnly? FinalFormOn, DateOnly? ReceivedOn, DecisionOutcome Outcome, string? Summary, Guid? DocumentId, string? DocumentName)
{
    /// <summary>Rules waiting for a date of this decision, and the restoration deadline a late copy started.</summary>
    public DecisionClockNotes Clocks { get; init; } = DecisionClockNotes.None;
}

/// <summary>A proceeding in its chain: <see cref="Level"/> 0 opens the chain, 1 challenges it, and so on.</summary>
public sealed record ProceedingRow(
    Guid Id, int Level, string Jurisdiction, string Court, CourtInstance Instance, ProceedingType Type, string? CourtCaseNumber, string? Judge,
    string Subject, ProceedingClientRole ClientRole, DateOnly OpenedOn, DateOnly? ClosedOn, Guid? ChallengesId,
    IReadOnlyList<HearingRow> Hearings, IReadOnlyList<DecisionRow> Decisions);

public sealed record NextHearing(DateTime Local, string Court, string? Place);

public sealed class CaseProceedingsModel
{
    public Guid CaseId { get; init; }

    public string TimeZoneId { get; init; } = "";

    /// <summary>Each chain reads in order: first instance, then what challenges it (appeal, cassation...).</summary>
    public IReadOnlyList<IReadOnlyList<ProceedingRow>> Chains { get; init; } = [];

    public NextHearing? Next { get; init; }

    /// <summary>Deadlines the last save created or updated (null: that save recorded no trigger event).</summary>
    public int? DeadlinesRecorded { get; set; }
}

/// <summary>
/// Reads a case's proceedings, hearings and decisions for the case page. The case page has already checked that
/// the user may see the case and audited the view; this only reads.
/// </summary>
public sealed class ReadCaseProceedingsHandler(AppDbContext db, TimeProvider clock)
{
    /// <summary>Caps per case: far above real work, they keep one page's queries bounded.</summary>
    public const int MaxProceedings = 200;

    public const int MaxHearings = 1000;

    public const int MaxDecisions = 500;

    public async Task<CaseProceedingsModel> HandleAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        var time = await OfficeTime.OfCaseAsync(db, caseId, cancellationToken);
        var (proceedings, hearings, decisions, documents) = await ReadAsync(caseId, cancellationToken);
        if (proceedings.Count == 0)
        {
            return new CaseProceedingsModel { CaseId = caseId, TimeZoneId = time.ZoneId };
        }

        var clocks = await DecisionClockReader.ReadAsync(db, caseId, proceedings, decisions, cancellationToken);

        var now = clock.GetUtcNow();
        var next = hearings.Where(h => !h.IsHeld && h.StartsAt >= now).OrderBy(h => h.StartsAt).FirstOrDefault();
        var hearingsOf = hearings.ToLookup(h => h.ProceedingId, h => new HearingRow(
            h.Id, time.Local(h.StartsAt), h.Place, h.Result, h.IsHeld, !h.IsHeld && h.StartsAt >= now, h.Id == next?.Id));
        var decisionsOf = decisions.ToLookup(d => d.ProceedingId, d => new DecisionRow(
            d.Id, d.DecidedOn, d.FinalFormOn, d.ReceivedOn, d.Outcome, d.Summary, d.DocumentId,
            documents.GetValueOrDefault(d.Id))
        {
            Clocks = clocks.GetValueOrDefault(d.Id) ?? DecisionClockNotes.None,
        });

        var chains = ProceedingRules.Chains(proceedings, p => new ProceedingLink(p.Id, p.ChallengesId, p.Instance, p.Jurisdiction, p.OpenedOn))
            .Select(chain => (IReadOnlyList<ProceedingRow>)chain.Select(x => new ProceedingRow(
                x.Item.Id, x.Level, x.Item.Jurisdiction, x.Item.Court, x.Item.Instance, x.Item.Type, x.Item.CourtCaseNumber, x.Item.Judge,
                x.Item.Subject, x.Item.ClientRole, x.Item.OpenedOn, x.Item.ClosedOn, x.Item.ChallengesId,
                hearingsOf[x.Item.Id].ToList(), decisionsOf[x.Item.Id].ToList())).ToList())
            .ToList();

        return new CaseProceedingsModel
        {
            CaseId = caseId,
            TimeZoneId = time.ZoneId,
            Chains = chains,
            Next = next is null ? null : new NextHearing(time.Local(next.StartsAt), proceedings.FirstOrDefault(p => p.Id == next.ProceedingId)?.Court ?? "", next.Place),
        };
    }

    /// <summary>
    /// The proceedings, each with its hearings and its decisions (with the decision document's file name), in one
    /// statement (issue 14): a proceeding has a few hearings and one or two decisions, so their product per proceeding is
    /// small. The caps apply per proceeding.
    /// </summary>
    private async Task<(List<CourtProceeding> Proceedings, List<Hearing> Hearings, List<CourtDecision> Decisions, Dictionary<Guid, string> Documents)> ReadAsync(
        Guid caseId, CancellationToken cancellationToken)
    {
        var rows = await db.CourtProceedings.AsNoTracking().Where(p => p.CaseId == caseId)
            .OrderBy(p => p.OpenedOn).ThenBy(p => p.Id).TakeFixed(MaxProceedings)
            .Select(p => new
            {
                Proceeding = p,
                Hearings = db.Hearings.Where(h => h.CaseId == caseId && h.ProceedingId == p.Id)
                    .OrderBy(h => h.StartsAt).ThenBy(h => h.Id).Take(MaxHearings).ToList(),
                Decisions = db.CourtDecisions.Where(d => d.CaseId == caseId && d.ProceedingId == p.Id)
                    .OrderBy(d => d.DecidedOn).ThenBy(d => d.CreatedAt).Take(MaxDecisions)
                    .Select(d => new { Decision = d, DocumentName = db.CaseDocuments.Where(x => x.CaseId == caseId && x.Id == d.DocumentId).Select(x => x.FileName).FirstOrDefault() })
                    .ToList(),
            })
            .AsSingleQuery()
            .ToListAsync(cancellationToken);
        var decided = rows.SelectMany(r => r.Decisions).OrderBy(x => x.Decision.DecidedOn).ThenBy(x => x.Decision.CreatedAt).ToList();
        return (
            rows.Select(r => r.Proceeding).ToList(),
            rows.SelectMany(r => r.Hearings).OrderBy(h => h.StartsAt).ThenBy(h => h.Id).ToList(),
            decided.Select(x => x.Decision).ToList(),
            decided.Where(x => x.DocumentName is not null).ToDictionary(x => x.Decision.Id, x => x.DocumentName!));
    }
}

/// <summary>The case page's section of court proceedings, given the case the page authorized.</summary>
public sealed class CaseProceedingsViewComponent(ReadCaseProceedingsHandler handler) : ViewComponent
{
    /// <summary>TempData key: how many deadlines the last save created or updated.</summary>
    public const string DeadlinesKey = "ProceedingDeadlines";

    public async Task<IViewComponentResult> InvokeAsync(AuthorizedCase @case)
    {
        var model = await handler.HandleAsync(@case.Id, HttpContext.RequestAborted);
        model.DeadlinesRecorded = TempData[DeadlinesKey] is int count ? count : null;
        return View("/Features/Cases/Proceedings/CaseProceedings.cshtml", model);
    }
}
