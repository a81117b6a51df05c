using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.International.Recommendations;

public sealed class RecommendationListModel
{
    public required RecommendationQuery Query { get; init; }

    public required RecommendationFilter Filter { get; init; }

    public IReadOnlyList<RecommendationRow> Rows { get; init; } = [];

    public (int Year, int Id)? Next { get; init; }

    public bool CanEdit { get; init; }
}

/// <summary>The register: one search box over both languages and the paragraph, filters, keyset pages.</summary>
public sealed class ListRecommendationsHandler(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l)
{
    /// <param name="errors">Receives a message for each filter that could not be read (the list is shown without it).</param>
    public async Task<RecommendationListModel> HandleAsync(RecommendationQuery query, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var filter = query.Parse();
        AddProblems(filter, errors, l);
        var (rows, next) = await RecommendationSearch.PageAsync(db, filter, cancellationToken);
        return new RecommendationListModel { Query = query, Filter = filter, Rows = rows, Next = next, CanEdit = await authorization.CanEditAsync(viewer) };
    }

    public static void AddProblems(RecommendationFilter filter, FormErrors errors, IStringLocalizer l)
    {
        foreach (var field in filter.Problems)
        {
            errors.Add(field, field switch
            {
                "body" => l["Choose a body from the list."],
                "state" => l["Choose a state from the list."],
                "year" => l["Enter a year, for example {0}.", "2019"],
                "theme" => l["Choose a theme from the list."],
                "response" => l["Choose a response from the list."],
                _ => l["Choose a status from the list."],
            });
        }
    }
}
