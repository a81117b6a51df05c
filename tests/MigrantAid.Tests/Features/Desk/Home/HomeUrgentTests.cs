using System.Net;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Features.Desk.Home;

/// <summary>A coordinator's home page shows the urgent-intake clock; a submitter in an office without caseworker is told who decides.</summary>
public class HomeUrgentTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Coordinator_home_counts_urgent_intakes_waiting_and_the_time_left()
    {
        var office = await portal.Office().SaveAsync();
        await portal.CreateUserAsync("home-clock-coord@test.local", Roles.Coordinator);
        var coordinator = await portal.SignedInClientAsync("home-clock-coord@test.local");
        await portal.Intake(office.Id).SubmittedAt(portal.Clock.GetUtcNow().AddHours(-2)).Urgent().SaveAsync();

        var page = await coordinator.GetDocumentAsync("/");
        page.QuerySelector("[data-testid=urgent-clock-count]")!.TextContent.Trim().Should().Be("1");
        page.QuerySelector("[data-testid=urgent-clock-left]")!.TextContent.Should().Contain("22 h left");
    }
}

/// <summary>The page after triage tells the submitter who decides when no caseworker works in the office (own portal: its coordinator count is its own).</summary>
public class UrgentDecidersTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Submitting_an_urgent_intake_where_no_caseworker_works_names_the_coordinators_who_decide()
    {
        var office = await portal.Office().SaveAsync();
        var lawyer = await portal.CreateUserAsync("nocw-lawyer@test.local", Roles.Lawyer);
        await StaffBuilder.PlaceAsync(portal, lawyer.Id, office.Id);
        await portal.CreateUserAsync("nocw-coord@test.local", Roles.Coordinator);
        var client = await portal.SignedInClientAsync("nocw-lawyer@test.local");
        var id = (await portal.Intake(office.Id).Draft().CreatedBy(lawyer.Id).SaveAsync()).Id;

        var response = await client.SubmitFormAsync($"/intakes/{id}/triage", new Dictionary<string, string>
        {
            ["InDetention"] = "true",
            ["Next"] = "submit",
            ["Version"] = await portal.WithDbAsync(db => Task.FromResult(db.Intakes.Single(i => i.Id == id).Version.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        page.QuerySelector("[data-testid=urgent-deciders]")!.TextContent.Should().Contain("the coordinators decide").And.Contain("Test nocw-coord");
    }
}
