using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Privacy;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Tests.Features.Privacy;

/// <summary>Issue 15, point 4: a client's request to be forgotten, taken by a coordinator, carried out at once or when the last open case closes.</summary>
public class ErasureTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_client_without_open_cases_is_anonymised_everywhere_at_once_after_a_preview()
    {
        var coordinator = await portal.CreateUserAsync("erase-coord@test.local", Roles.Coordinator);
        var lawyer = await portal.CreateUserAsync("erase-lawyer@test.local", Roles.Lawyer);
        var office = await portal.Office().SaveAsync();
        var built = await portal.Case(office).WithClient("Erasmus Forgetme").WithAccount("Forgetme account").AssignedTo(lead: lawyer.Id).Closed().SaveAsync();
        var other = await portal.Case(office).WithClient("Otto Keepme").Closed().SaveAsync();
        var client = await portal.SignedInClientAsync(coordinator.Email!);

        var page = await client.GetDocumentAsync($"/clients/{built.ClientId}/erase");
        page.QuerySelector("[data-testid=erasure-preview]")!.TextContent.Should().Contain("1");
        page.QuerySelector("[data-testid=erasure-blocked]").Should().BeNull();
        (await portal.WithDbAsync(db => db.Clients.SingleAsync(c => c.Id == built.ClientId))).AnonymisedAt.Should().BeNull("the preview changes nothing");

        var today = portal.Today();
        var response = await HttpForms.PostFormAsync(client, page, $"/clients/{built.ClientId}/erase", [new("RequestedOn", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))]);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var stored = await portal.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == built.ClientId));
        stored.AnonymisedAt.Should().BeCloseTo(portal.Clock.GetUtcNow(), TimeSpan.FromSeconds(1));
        stored.FullName.Should().NotContain("Forgetme");
        stored.ErasureRequestedOn.Should().Be(today);
        stored.ErasureRecordedBy.Should().Be(coordinator.Id);
        (await portal.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == built.Id))).AnonymisedAt.Should().NotBeNull("the case the client leads goes with them");
        (await portal.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == other.Id))).AnonymisedAt.Should().BeNull("nobody else is touched");
        (await portal.WithDbAsync(db => db.Intakes.SingleAsync(i => i.Id == built.IntakeId))).Account.Should().BeNull();

        (await portal.AuditAsync(PrivacyAuditActions.ErasurePreviewed)).Should().ContainSingle(a => a.EntityId == built.ClientId.ToString());
        (await portal.AuditAsync(PrivacyAuditActions.ErasureRequested)).Should().ContainSingle(a => a.ActorId == coordinator.Id);
        (await portal.AuditAsync(PrivacyAuditActions.Erased)).Should().ContainSingle(a => a.EntityId == built.ClientId.ToString());

        var shown = await client.GetDocumentAsync($"/clients/{built.ClientId}");
        shown.QuerySelector("[data-testid=anonymised]")!.TextContent.Should().Contain("This client was anonymised on");
        shown.QuerySelector("[data-testid=client-name]")!.TextContent.Trim().Should().Be("Anonymised client");
        shown.Body!.TextContent.Should().NotContain("Forgetme");
        shown.QuerySelector("[data-testid=edit-client]").Should().BeNull("an anonymised record is not edited");
        (await client.GetAsync($"/clients/{built.ClientId}/erase")).StatusCode.Should().Be(HttpStatusCode.NotFound, "there is nothing left to erase");

        var theirLawyer = await portal.SignedInClientAsync(lawyer.Email!);
        (await theirLawyer.GetAsync($"/clients/{other.ClientId}/erase")).StatusCode.Should().Be(HttpStatusCode.NotFound, "coordinators take the request");
    }

    [Fact]
    public async Task An_open_case_holds_the_request_until_it_closes_then_the_daily_run_carries_it_out()
    {
        var coordinator = await portal.CreateUserAsync("erase-coord2@test.local", Roles.Coordinator);
        var office = await portal.Office().SaveAsync();
        var open = await portal.Case(office).WithClient("Wanda Waiting").SaveAsync();
        var client = await portal.SignedInClientAsync(coordinator.Email!);

        var page = await client.GetDocumentAsync($"/clients/{open.ClientId}/erase");
        page.QuerySelectorAll("[data-testid=erasure-blocker]").Select(b => b.TextContent).Should().ContainSingle().Which.Should().Contain(open.Reference);

        var future = portal.Today().AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var refused = await HttpForms.PostFormAsync(client, page, $"/clients/{open.ClientId}/erase", [new("RequestedOn", future)]);
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var again = await HttpForms.PageAsync(refused);
        again.QuerySelector("[data-valmsg-for=RequestedOn]")!.TextContent.Should().Contain("future");
        again.QuerySelector("input[name=RequestedOn]")!.GetAttribute("value").Should().Be(future, "what was typed is kept");
        (await portal.WithDbAsync(db => db.Clients.SingleAsync(c => c.Id == open.ClientId))).ErasureRequestedOn.Should().BeNull();

        var asked = portal.Today().AddDays(-2);
        (await HttpForms.PostFormAsync(client, page, $"/clients/{open.ClientId}/erase",
            [new("RequestedOn", asked.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var waiting = await portal.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == open.ClientId));
        (waiting.ErasureRequestedOn, waiting.AnonymisedAt).Should().Be((asked, (DateTimeOffset?)null));
        (await client.GetDocumentAsync($"/clients/{open.ClientId}")).QuerySelector("[data-testid=erasure-waiting]")!.TextContent
            .Should().Contain("asked to be forgotten on " + asked.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));

        var job = portal.Services.GetRequiredService<RetentionJob>();
        (await job.RunIfDueAsync())!.Clients.Should().Be(0, "the case is still open");

        await portal.WithDbAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(k => k.Id == open.Id);
            c.Close(CaseOutcome.Withdrawn, portal.Today(), null, coordinator.Id, portal.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        portal.Clock.Advance(RetentionJob.Period + TimeSpan.FromMinutes(1));
        var done = await job.RunIfDueAsync();
        done!.Clients.Should().Be(1);
        done.Cases.Should().Be(1);
        (await portal.WithDbAsync(db => db.Clients.SingleAsync(c => c.Id == open.ClientId))).AnonymisedAt.Should().BeCloseTo(portal.Clock.GetUtcNow(), TimeSpan.FromSeconds(1));
        (await job.RunIfDueAsync()).Should().BeNull("one daily run a day");
    }

    [Fact]
    public async Task Withdrawing_consent_offers_the_request_to_be_forgotten()
    {
        var coordinator = await portal.CreateUserAsync("erase-coord3@test.local", Roles.Coordinator);
        var office = await portal.Office().SaveAsync();
        var built = await portal.Case(office).WithClient("Vera Withdrawn").WithConsentWithdrawn().SaveAsync();
        var client = await portal.SignedInClientAsync(coordinator.Email!);
        var page = await client.GetDocumentAsync($"/clients/{built.ClientId}");
        page.QuerySelector("[data-testid=offer-erasure] a")!.GetAttribute("href").Should().Be($"/clients/{built.ClientId}/erase");
        (await portal.WithDbAsync(db => db.Clients.SingleAsync(c => c.Id == built.ClientId))).ConsentStatus.Should().Be(ConsentStatus.Withdrawn);
    }
}
