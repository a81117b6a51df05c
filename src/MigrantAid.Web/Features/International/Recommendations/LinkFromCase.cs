using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.International.Recommendations;

public sealed class LinkRecommendationInput
{
    [Required(ErrorMessage = "Choose a recommendation.")]
    public int? RecommendationId { get; set; }

    [StringLength(CaseRecommendation.NoteMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Note")]
    public string? Note { get; set; }
}

public sealed class LinkFromCaseModel
{
    public required Guid CaseId { get; init; }

    public required string Reference { get; init; }

    public required string CaseTitle { get; init; }

    public required RecommendationQuery Query { get; init; }

    public IReadOnlyList<RecommendationRow> Rows { get; init; } = [];

    public (int Year, int Id)? Next { get; init; }

    public IReadOnlySet<int> Linked { get; init; } = new HashSet<int>();

    /// <summary>The link that was refused, with what was typed.</summary>
    public LinkRecommendationInput? Refused { get; set; }
}

/// <summary>From a case: search the register (same search and filters as the register) and link a recommendation.</summary>
public sealed class LinkFromCaseHandler(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l)
{
    /// <param name="errors">Receives a message for each filter that could not be read.</param>
    public async Task<(LinkFromCaseModel? Model, CaseGateResult Result)> HandleAsync(Guid caseId, RecommendationQuery query, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var (c, result) = await authorization.LoadCaseAsync(db, viewer, caseId, CaseOperations.Edit, track: false, cancellationToken);
        if (c is null)
        {
            return (null, result);
        }

        var filter = query.Parse();
        ListRecommendationsHandler.AddProblems(filter, errors, l);
        var (rows, next) = await RecommendationSearch.PageAsync(db, filter, cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var linked = await db.CaseRecommendations.AsNoTracking()
            .Where(x => x.CaseId == caseId && ids.Contains(x.RecommendationId))
            .Select(x => x.RecommendationId)
            .ToListAsync(cancellationToken);
        return (new LinkFromCaseModel
        {
            CaseId = caseId,
            Reference = c.Reference,
            CaseTitle = c.Title,
            Query = query,
            Rows = rows,
            Next = next,
            Linked = linked.ToHashSet(),
        }, CaseGateResult.Allowed);
    }
}
