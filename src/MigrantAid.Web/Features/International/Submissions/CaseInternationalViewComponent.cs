using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.International.Submissions;

public sealed record CaseSubmissionRow(
    Guid Id, InternationalBody Body, SubmissionKind Kind, string StateConcerned, DateOnly SubmittedOn, DateOnly? RegisteredOn,
    DateOnly? CommentsDueOn, string? BodyReference, SubmissionResult Result);

public sealed record CaseRecommendationRow(int Id, InternationalBody Body, string State, int Year, string? Paragraph, string? TextEn, string? TextRu, string? Note);

public sealed class CaseInternationalModel
{
    public Guid CaseId { get; init; }

    public IReadOnlyList<CaseSubmissionRow> Submissions { get; init; } = [];

    public IReadOnlyList<CaseRecommendationRow> Recommendations { get; init; } = [];
}

/// <summary>
/// The case page's section on international work: the case's submissions and the recommendations it is
/// linked to. Given the case the page authorized (and audited as a case view), so it can never show
/// another case's rows on its own.
/// </summary>
public sealed class CaseInternationalViewComponent(AppDbContext db) : ViewComponent
{
    /// <summary>A case has a handful of submissions and links; the cap keeps a pathological case's page bounded.</summary>
    public const int MaxRows = 200;

    public async Task<IViewComponentResult> InvokeAsync(AuthorizedCase @case)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var caseId = @case.Id;
        // One statement for both lists (issue 14): a case has a handful of each, so their product is small.
        var rows = await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new
            {
                Submissions = db.InternationalSubmissions.Where(s => s.CaseId == caseId)
                    .OrderByDescending(s => s.SubmittedOn).ThenBy(s => s.Id)
                    .Take(MaxRows)
                    .Select(s => new CaseSubmissionRow(s.Id, s.Body, s.Kind, s.StateConcerned, s.SubmittedOn, s.RegisteredOn, s.CommentsDueOn, s.BodyReference, s.Result))
                    .ToList(),
                Recommendations = db.CaseRecommendations.Where(l => l.CaseId == caseId)
                    .Join(db.Recommendations, l => l.RecommendationId, r => r.Id, (l, r) => new { l, r })
                    .OrderByDescending(x => x.r.Year).ThenBy(x => x.r.Id)
                    .Take(MaxRows)
                    .Select(x => new CaseRecommendationRow(x.r.Id, x.r.Body, x.r.State, x.r.Year, x.r.Paragraph, x.r.TextEn, x.r.TextRu, x.l.Note))
                    .ToList(),
            })
            .AsSingleQuery()
            .FirstOrDefaultAsync(cancellationToken);
        return View("/Features/International/Submissions/CaseInternational.cshtml", new CaseInternationalModel
        {
            CaseId = caseId,
            Submissions = rows?.Submissions ?? [],
            Recommendations = rows?.Recommendations ?? [],
        });
    }
}
