using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Deadlines;

namespace MigrantAid.Tests.Features.Desk.Home;

/// <summary>Reads the home page's figures and recounts them: from the database, and by following each figure's link.</summary>
public sealed class HomeFigures(PortalFactory portal)
{
    /// <summary>Every figure of the home page by its name: the number shown and the list it links to.</summary>
    public static Dictionary<string, (int Value, string Href)> Figures(IHtmlDocument home) =>
        home.QuerySelectorAll("[data-testid=home-figure]").ToDictionary(
            a => a.GetAttribute("data-figure")!,
            a => (Number(a.QuerySelector("[data-testid=figure-value]")!.TextContent), a.GetAttribute("href")!));

    private static int Number(string text) => int.Parse(new string(text.Where(char.IsDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Rows a list shows for a link, across all of its pages (following its "next"/"more" links).</summary>
    public static async Task<int> RowsAsync(HttpClient client, string href)
    {
        var path = href.Split('#')[0];
        var (row, next) = path switch
        {
            _ when path.StartsWith("/cases", StringComparison.Ordinal) => ("[data-testid=case-row]", "[data-testid=next-page]"),
            _ when path.StartsWith("/desk", StringComparison.Ordinal) => ("[data-testid=deadline-row]", "[data-testid=more-deadlines]"),
            _ when path.StartsWith("/notifications", StringComparison.Ordinal) => ("[data-testid=notification][data-read=false]", "a[href^='/notifications?before=']"),
            _ when path.StartsWith("/intakes", StringComparison.Ordinal) => ("[data-testid=queue-row] [data-testid=queue-urgent]", "[data-testid=next-page]"),
            _ => throw new InvalidOperationException("No list known for " + href),
        };

        var total = 0;
        string? url = path;
        for (var pages = 0; url is not null; pages++)
        {
            pages.Should().BeLessThan(50, "the list should end");
            var response = await client.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.OK, "{0} should open", url);
            var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
            total += page.QuerySelectorAll(row).Length;
            url = page.QuerySelector(next)?.GetAttribute("href");
        }

        return total;
    }

    /// <summary>The cases a person works on, counted here from the stored assignments.</summary>
    public Task<List<Case>> AssignedCasesAsync(Guid userId) =>
        portal.WithDbAsync(async db =>
        {
            var further = await db.CaseLawyers.Where(l => l.UserId == userId).Select(l => l.CaseId).ToListAsync();
            return await db.Cases.AsNoTracking()
                .Where(c => c.CaseworkerId == userId || c.LeadLawyerId == userId || further.Contains(c.Id))
                .ToListAsync();
        });

    /// <summary>Open deadlines of the person's cases, and tasks assigned to them on the cases in <paramref name="visibleCases"/>.</summary>
    public Task<List<CaseDeadline>> OpenDeadlinesAsync(Guid userId, IReadOnlyCollection<Guid> assignedCases, IReadOnlyCollection<Guid> visibleCases) =>
        portal.WithDbAsync(async db =>
        {
            var all = await db.CaseDeadlines.AsNoTracking().Where(d => d.Status == DeadlineStatus.Open).ToListAsync();
            return all.Where(d => assignedCases.Contains(d.CaseId) || (d.AssigneeId == userId && visibleCases.Contains(d.CaseId))).ToList();
        });

    public Task<int> UnreadAsync(Guid userId) => portal.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null));
}
