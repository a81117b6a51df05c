using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Tests.Features.Cases.CaseList;

/// <summary>A portal whose lists count exactly only up to 5, so the "more than" rule is reached with a handful of rows.</summary>
public sealed class SmallCountCapPortal : PortalFactory
{
    public const int Cap = 5;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Lists:CountCap"] = Cap.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}

/// <summary>Issue 12, point 11: every list shows its total (exact up to the cap) and pages both ways by keyset.</summary>
public class ListPagingTests(SmallCountCapPortal portal) : IClassFixture<SmallCountCapPortal>
{
    [Fact]
    public async Task Case_list_shows_the_exact_total_up_to_the_cap_and_more_than_the_cap_above_it()
    {
        await portal.CreateUserAsync("totals-coord@test.local", Roles.Coordinator);
        var small = await portal.Office().SaveAsync();
        var large = await portal.Office().SaveAsync();
        await new CaseBuilder(portal, small).WithClient("Total small").SaveManyAsync(3);
        await new CaseBuilder(portal, large).WithClient("Total large").SaveManyAsync(SmallCountCapPortal.Cap + 2);
        var coordinator = await portal.SignedInClientAsync("totals-coord@test.local");

        var exact = (await coordinator.GetDocumentAsync("/cases?scope=all&office=" + small.Id)).QuerySelector("[data-testid=list-total]")!;
        exact.GetAttribute("data-total").Should().Be("3");
        exact.GetAttribute("data-over-cap").Should().Be("false");
        exact.TextContent.Trim().Should().Be("3 cases");

        var capped = (await coordinator.GetDocumentAsync("/cases?scope=all&office=" + large.Id)).QuerySelector("[data-testid=list-total]")!;
        capped.GetAttribute("data-over-cap").Should().Be("true");
        capped.TextContent.Trim().Should().Be("more than 5 cases");

        var atCapOffice = await portal.Office().SaveAsync();
        await new CaseBuilder(portal, atCapOffice).WithClient("Total at cap").SaveManyAsync(SmallCountCapPortal.Cap);
        var atCap = (await coordinator.GetDocumentAsync("/cases?scope=all&office=" + atCapOffice.Id)).QuerySelector("[data-testid=list-total]")!;
        atCap.GetAttribute("data-over-cap").Should().Be("false", "the cap itself is still counted exactly");
        atCap.TextContent.Trim().Should().Be("5 cases");
    }

    [Fact]
    public async Task Case_list_previous_and_next_walk_both_ways_through_the_same_pages_in_every_sort()
    {
        await portal.CreateUserAsync("walk-coord@test.local", Roles.Coordinator);
        var office = await portal.Office().SaveAsync();
        var start = new DateOnly(2025, 6, 1);
        await new CaseBuilder(portal, office).WithClient("Walk client").SaveManyAsync(55, i => start.AddDays(i % 6));
        await new CaseBuilder(portal, office).WithClient("Walk urgent").Urgent().SaveManyAsync(8, i => start.AddDays(i % 3));
        var coordinator = await portal.SignedInClientAsync("walk-coord@test.local");

        foreach (var sort in new[] { "newest", "oldest", "reference", "priority" })
        {
            var forward = await WalkAsync(coordinator, $"/cases?scope=all&office={office.Id}&sort={sort}", "next-page", "case-row", "data-case-id");
            forward.Pages.Should().HaveCount(3, "63 cases make three pages ({0})", sort);
            forward.FirstHasPrevious.Should().BeFalse("the first page has no previous page");
            var backward = await WalkAsync(coordinator, forward.LastUrl, "previous-page", "case-row", "data-case-id");
            backward.Pages.Reverse();
            backward.Pages.Should().BeEquivalentTo(forward.Pages, o => o.WithStrictOrdering(), "going back shows the same pages with the same rows ({0})", sort);
            backward.LastUrl.Should().Contain("before=", "the previous-page links are shareable keyset positions");
        }
    }

    [Fact]
    public async Task Client_user_and_audit_lists_show_totals_and_page_back_to_the_same_rows()
    {
        await portal.CreateUserAsync("walk-admin@test.local", Roles.Admin, Roles.Coordinator);
        for (var i = 0; i < 30; i++)
        {
            await portal.CreateUserAsync($"walk-user-{i:00}@test.local", Roles.Lawyer);
        }

        await new CaseBuilder(portal, await portal.Office().SaveAsync()).WithClient("Walk clients").SaveManyAsync(30);
        var admin = await portal.SignedInClientAsync("walk-admin@test.local");

        foreach (var (url, row, id) in new[] { ("/clients", "client-row", "data-client-id"), ("/users", "user-row", "data-user-id") })
        {
            var first = await admin.GetDocumentAsync(url);
            first.QuerySelector("[data-testid=list-total]")!.GetAttribute("data-over-cap").Should().Be("true", "{0} has more rows than the cap of 5", url);
            var forward = await WalkAsync(admin, url, "next-page", row, id, maxPages: 2);
            var backward = await WalkAsync(admin, forward.LastUrl, "previous-page", row, id);
            backward.Pages.Reverse();
            backward.Pages.Should().BeEquivalentTo(forward.Pages, o => o.WithStrictOrdering(), "{0} pages back to the same rows", url);
        }

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<IAuditLog>();
            for (var i = 0; i < 60; i++)
            {
                await log.RecordAsync(AuditActions.AuditViewed, details: new { walk = i });
            }
        }

        var audit = await admin.GetDocumentAsync("/audit");
        audit.QuerySelector("[data-testid=list-total]")!.TextContent.Should().MatchRegex(@"\d", "the audit log says how many entries it holds");
        var older = audit.QuerySelector("[data-testid=older-page]")!.GetAttribute("href")!;
        var olderPage = await admin.GetDocumentAsync(older);
        var newer = olderPage.QuerySelector("[data-testid=previous-page]")!.GetAttribute("href")!;
        var firstIds = audit.QuerySelectorAll("[data-testid=audit-row]").Select(r => r.GetAttribute("data-event-id")).ToList();
        var backIds = (await admin.GetDocumentAsync(newer)).QuerySelectorAll("[data-testid=audit-row]").Select(r => r.GetAttribute("data-event-id")).ToList();
        backIds.Should().Equal(firstIds, "the page above the older one is the first page again (events added since are above it)");
    }

    private sealed record Walk(List<List<string>> Pages, string LastUrl, bool FirstHasPrevious);

    /// <summary>Follows one kind of link from page to page, collecting each page's row ids.</summary>
    private static async Task<Walk> WalkAsync(HttpClient client, string url, string link, string row, string idAttribute, int maxPages = 10)
    {
        var pages = new List<List<string>>();
        var last = url;
        bool? firstHasPrevious = null;
        string? next = url;
        while (next is not null && pages.Count < maxPages)
        {
            last = next;
            IHtmlDocument page = await client.GetDocumentAsync(next);
            firstHasPrevious ??= page.QuerySelector("[data-testid=previous-page]") is not null;
            pages.Add(page.QuerySelectorAll($"[data-testid={row}]").Select(r => r.GetAttribute(idAttribute)!).ToList());
            next = page.QuerySelector($"[data-testid={link}]")?.GetAttribute("href");
        }

        return new Walk(pages, last, firstHasPrevious ?? false);
    }
}
