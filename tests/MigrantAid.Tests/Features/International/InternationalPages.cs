using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain.International;

namespace MigrantAid.Tests.Features.International;

/// <summary>Small helpers of the international tests: the register's seeded rows, the rows a page lists, stored submissions.</summary>
public static class InternationalPages
{
    /// <summary>The seeded 2019 UPR recommendation to Kazakhstan about the quota system (migration 0009).</summary>
    public const int QuotaRecommendation = 7;

    /// <summary>The seeded one about children's schooling without a residence permit.</summary>
    public const int SchoolRecommendation = 8;

    public static IReadOnlyList<int> RowIds(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=recommendation-row]").Select(r => int.Parse(r.GetAttribute("data-recommendation-id")!, CultureInfo.InvariantCulture)).ToList();

    public static Task<List<InternationalSubmission>> SubmissionsAsync(PortalFactory portal, Guid caseId) =>
        portal.WithDbAsync(db => db.InternationalSubmissions.AsNoTracking().Where(s => s.CaseId == caseId).ToListAsync());
}
