using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.International.Recommendations;

public sealed record AssessmentRow(DateOnly AssessedOn, ImplementationStatus Status, string? Note, string AssessedBy, DateTime RecordedAt);

public sealed record LinkedCaseRow(Guid CaseId, string Reference, string Title, string? Note, DateTime LinkedAt);

public sealed class AssessInput
{
    [Required(ErrorMessage = "Enter the date of the assessment.")]
    [Display(Name = "Assessed on")]
    public DateOnly? AssessedOn { get; set; }

    [Required(ErrorMessage = "Choose what the assessment found.")]
    [Display(Name = "Implementation status")]
    public ImplementationStatus? Status { get; set; }

    [StringLength(RecommendationAssessment.NoteMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Note")]
    public string? Note { get; set; }
}

public sealed class LinkCaseInput
{
    [Required(ErrorMessage = "Enter the case's reference number.")]
    [StringLength(40, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Case reference number")]
    public string? CaseReference { get; set; }

    [StringLength(CaseRecommendation.NoteMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Note")]
    public string? Note { get; set; }
}

public sealed class RecommendationPage
{
    public required Recommendation Recommendation { get; init; }

    public IReadOnlyList<RecommendationTheme> Themes { get; init; } = [];

    public IReadOnlyList<AssessmentRow> Assessments { get; init; } = [];

    /// <summary>Only the linked cases this viewer may see; others are not counted or hinted at.</summary>
    public IReadOnlyList<LinkedCaseRow> Cases { get; init; } = [];

    /// <summary>The keyset of the next page of linked cases.</summary>
    public string? NextCases { get; init; }

    public string? CasesAfter { get; init; }

    public bool CanEdit { get; init; }

    public bool CanLink { get; init; }

    public DateOnly Today { get; init; }

    public AssessInput Assess { get; set; } = new();

    public LinkCaseInput Link { get; set; } = new();
}

/// <summary>One recommendation: its texts, its assessments (newest first), and the linked cases the viewer may see.</summary>
public sealed class ViewRecommendationHandler(AppDbContext db, IAuthorizationService authorization, TimeProvider clock)
{
    public const int CasesPageSize = 25;
    public const int MaxAssessments = 200;

    public async Task<RecommendationPage?> HandleAsync(int id, string? casesAfter, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var r = await db.Recommendations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (r is null)
        {
            return null;
        }

        var time = viewer.OfficeId is { } office ? await OfficeTime.OfOfficeAsync(db, office, cancellationToken) : OfficeTime.Utc;
        var themes = await db.RecommendationThemes.AsNoTracking().Where(t => t.RecommendationId == id).Select(t => t.Theme).OrderBy(t => t).ToListAsync(cancellationToken);
        var assessments = await db.RecommendationAssessments.AsNoTracking()
            .Where(a => a.RecommendationId == id)
            .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt)
            .TakeFixed(MaxAssessments)
            .ToListAsync(cancellationToken);

        var visible = db.Cases.Where(CaseAccess.VisibleCases(viewer, db));
        var links = db.CaseRecommendations.AsNoTracking().Where(l => l.RecommendationId == id);
        if (ParseKey(casesAfter) is { } after)
        {
            links = links.Where(l => EF.Functions.LessThan(ValueTuple.Create(l.LinkedAt, l.CaseId), ValueTuple.Create(after.At, after.CaseId)));
        }

        var cases = await links
            .Join(visible, l => l.CaseId, c => c.Id, (l, c) => new { l.CaseId, c.Reference, c.Title, l.Note, l.LinkedAt })
            .OrderByDescending(x => x.LinkedAt).ThenByDescending(x => x.CaseId)
            .TakeFixed(CasesPageSize + 1)
            .ToListAsync(cancellationToken);
        string? next = null;
        if (cases.Count > CasesPageSize)
        {
            cases.RemoveAt(CasesPageSize);
            next = cases[^1].LinkedAt.UtcTicks.ToString(CultureInfo.InvariantCulture) + "_" + cases[^1].CaseId.ToString("N");
        }

        var names = await StaffDirectory.NamesAsync(db, assessments.Select(a => a.AssessedBy), cancellationToken);
        return new RecommendationPage
        {
            Recommendation = r,
            Themes = themes,
            Assessments = assessments.Select(a => new AssessmentRow(a.AssessedOn, a.Status, a.Note, names.GetValueOrDefault(a.AssessedBy, "?"), time.Local(a.RecordedAt))).ToList(),
            Cases = cases.Select(c => new LinkedCaseRow(c.CaseId, c.Reference, c.Title, c.Note, time.Local(c.LinkedAt))).ToList(),
            NextCases = next,
            CasesAfter = casesAfter,
            CanEdit = await authorization.CanEditAsync(viewer),
            CanLink = viewer.DoesCaseWork,
            Today = time.Today(clock.GetUtcNow()),
            Assess = new AssessInput { AssessedOn = time.Today(clock.GetUtcNow()) },
        };
    }

    private static (DateTimeOffset At, Guid CaseId)? ParseKey(string? key)
    {
        var parts = key?.Split('_');
        return parts is [var ticks, var caseId]
            && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t is > 0 and < 3155378975999999999
            && Guid.TryParseExact(caseId, "N", out var g)
            ? (new DateTimeOffset(t, TimeSpan.Zero), g)
            : null;
    }
}
