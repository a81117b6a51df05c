using AngleSharp.Html.Dom;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Features.Desk;

/// <summary>
/// "Previous deadlines/hearings in this group": walking back from a group's last page gives exactly the pages
/// "more" gave forwards, and a group's first page has no previous link. Both reads are walked: a lawyer's own
/// dates (read whole) and a coordinator's office (read a page per group).
/// </summary>
public class DeskPreviousPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Moscow = "Europe/Moscow";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Previous_deadlines_walk_back_the_pages_more_walked_forwards(bool coordinator)
    {
        var (client, start, caseId) = await DeskAsync("desk-prev-deadlines", coordinator);
        var today = portal.Today(Moscow);
        var ids = new List<Guid>();
        for (var i = 0; i < 60; i++)
        {
            // Three a day, so the walk also turns on the id within a date.
            ids.Add(await portal.Deadline(caseId).Titled($"Overdue paging {i:00}").DueOn(today.AddDays(-30 + (i / 3))).SaveAsync());
        }

        await WalkAsync(client, start, new Kind("overdue", "deadline", "more-deadlines", "previous-deadlines"), ids, coordinator);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Previous_hearings_walk_back_the_pages_more_walked_forwards(bool coordinator)
    {
        var (client, start, caseId) = await DeskAsync("desk-prev-hearings", coordinator);
        var today = portal.Today(Moscow);
        var ids = new List<Guid>();
        for (var i = 0; i < 60; i++)
        {
            // Days 8 to 22 from today (the 30-day group), four hearings a day, two of them at the same time.
            var at = DeskTests.Instant(today.AddDays(8 + (i / 4)), 9 + (i % 4 / 2), 0, Moscow);
            ids.Add((await portal.Proceeding(caseId).WithHearing(at).SaveAsync()).HearingId);
        }

        await WalkAsync(client, start, new Kind("month", "hearing", "more-hearings", "previous-hearings"), ids, coordinator);
    }

    [Fact]
    public async Task A_bad_previous_position_is_reported_and_the_first_page_shown()
    {
        var (client, _, caseId) = await DeskAsync("desk-prev-bad", coordinator: false);
        var id = await portal.Deadline(caseId).Titled("Overdue bad link").DueOn(portal.Today(Moscow).AddDays(-3)).SaveAsync();
        var message = portal.English("The page link is not valid, so the first page is shown.");

        foreach (var link in new[] { "/desk?bucket=overdue&before=garbage", "/desk?bucket=month&hearingsBefore=12_nothex" })
        {
            var page = await client.GetDocumentAsync(link);
            page.QuerySelector("[data-testid=form-errors]")!.TextContent.Should().Be(message, link);
            page.QuerySelector("[data-testid=previous-deadlines]").Should().BeNull();
        }

        Rows(await client.GetDocumentAsync("/desk?bucket=overdue&before=garbage"), "overdue", "deadline").Should().Equal(id);
    }

    /// <summary>
    /// First page, "more" twice to the last page, then "previous" twice: the same rows as forwards, the links
    /// keep the filters, the first page reached backwards has no previous link and goes forwards again.
    /// </summary>
    private static async Task WalkAsync(HttpClient client, string start, Kind kind, List<Guid> ids, bool keepsOffice)
    {
        var first = await client.GetDocumentAsync(start);
        Link(first, kind, kind.Previous).Should().BeNull("the first page has nothing before it");
        var second = await client.GetDocumentAsync(Link(first, kind, kind.More)!);
        var third = await client.GetDocumentAsync(Link(second, kind, kind.More)!);
        Link(third, kind, kind.More).Should().BeNull("the third page is the last");
        var forwards = new[] { first, second, third }.Select(p => Rows(p, kind.Group, kind.Row)).ToList();
        forwards.Select(p => p.Count).Should().Equal(25, 25, 10);
        forwards.SelectMany(p => p).Should().BeEquivalentTo(ids, "the pages together hold every row once");

        var previous = Link(third, kind, kind.Previous)!;
        if (keepsOffice)
        {
            previous.Should().Contain("office=", "the previous link keeps the filters");
        }

        var backSecond = await client.GetDocumentAsync(previous);
        Rows(backSecond, kind.Group, kind.Row).Should().Equal(forwards[1]);
        Link(backSecond, kind, kind.More).Should().Be(Link(second, kind, kind.More), "the second page reached backwards goes on to the same third page");
        var backFirst = await client.GetDocumentAsync(Link(backSecond, kind, kind.Previous)!);
        Rows(backFirst, kind.Group, kind.Row).Should().Equal(forwards[0]);
        Link(backFirst, kind, kind.Previous).Should().BeNull("walking back stops at the group's first page");
        var again = await client.GetDocumentAsync(Link(backFirst, kind, kind.More)!);
        Rows(again, kind.Group, kind.Row).Should().Equal(forwards[1]);
    }

    /// <summary>A lawyer (their own desk) or a coordinator (their office's desk), and a case of the lawyer's.</summary>
    private async Task<(HttpClient Client, string Start, Guid CaseId)> DeskAsync(string name, bool coordinator)
    {
        var office = await portal.Office().InTimeZone(Moscow).SaveAsync();
        var suffix = coordinator ? "coordinator" : "lawyer";
        var lawyer = await portal.Staff($"{name}-lawyer-of-{suffix}@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var built = await portal.Case(office).AssignedTo(lead: lawyer.Id).SaveAsync();
        if (!coordinator)
        {
            return (await portal.SignedInClientAsync(lawyer.Email!), "/desk", built.Id);
        }

        var boss = await portal.Staff($"{name}-coordinator@test.local").InOffice(office).WithRoles(Roles.Coordinator).SaveAsync();
        return (await portal.SignedInClientAsync(boss.Email!), $"/desk?office={office.Id}", built.Id);
    }

    private static List<Guid> Rows(IHtmlDocument page, string group, string row) =>
        page.QuerySelectorAll($"[data-testid=group-{group}] [data-testid={row}-row]").Select(r => Guid.Parse(r.GetAttribute($"data-{row}-id")!)).ToList();

    private static string? Link(IHtmlDocument page, Kind kind, string testId) =>
        page.QuerySelector($"[data-testid=group-{kind.Group}] [data-testid={testId}]")?.GetAttribute("href");

    private sealed record Kind(string Group, string Row, string More, string Previous);
}
