using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Features.Dashboard;

/// <summary>The dashboard's "Now" row counts urgent intakes waiting for a decision while their clock runs, and links to exactly them.</summary>
public class UrgentClockTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Urgent_intakes_waiting_are_counted_with_the_time_left_and_link_to_exactly_them()
    {
        var office = await portal.Office().SaveAsync();
        var other = await portal.Office().SaveAsync();
        await portal.CreateUserAsync("clock-coord@test.local", Roles.Coordinator);
        var coordinator = await portal.SignedInClientAsync("clock-coord@test.local");
        var start = portal.Clock.GetUtcNow();
        var fresh = (await portal.Intake(office.Id).SubmittedAt(start).Urgent().SaveAsync()).Id;
        await portal.Intake(office.Id).SubmittedAt(start.AddDays(-10)).SaveAsync();
        await portal.Intake(office.Id).Draft().Urgent().SaveAsync();
        await portal.Intake(other.Id).SubmittedAt(start.AddHours(-30)).Urgent().SaveAsync();
        portal.Clock.Advance(TimeSpan.FromHours(2));

        var page = await coordinator.GetDocumentAsync("/dashboard?office=" + office.Id);
        page.QuerySelector("[data-testid=urgent-clock-count]")!.TextContent.Trim().Should().Be("1");
        page.QuerySelector("[data-testid=urgent-clock-left]")!.TextContent.Should().Contain("22 h left");

        // A late one counts too, and becomes the most pressing.
        var late = (await portal.Intake(office.Id).SubmittedAt(portal.Clock.GetUtcNow().AddHours(-25)).Urgent().SaveAsync()).Id;
        page = await coordinator.GetDocumentAsync("/dashboard?office=" + office.Id);
        var count = page.QuerySelector("[data-testid=urgent-clock-count]")!;
        count.TextContent.Trim().Should().Be("2");
        page.QuerySelector("[data-testid=urgent-clock-left]")!.TextContent.Should().Contain("Overdue by 1 h");

        var list = await coordinator.GetDocumentAsync(count.GetAttribute("href")!);
        list.QuerySelectorAll("[data-testid=filtered-row]").Select(r => Guid.Parse(r.GetAttribute("data-intake-id")!))
            .Should().BeEquivalentTo([fresh, late]);
    }
}
