using System.Net;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Cases.Sealing;

namespace MigrantAid.Tests.Features.Cases.Sealing;

/// <summary>
/// Sealed cases (issue 15, point 5): only the people named may open one, coordinators included; everyone else gets 404
/// on every page of it, its client and its intake, and does not find it in a list, the search, the desk or the calendar.
/// Only coordinators seal, and lifting the seal gives the case back to the usual rule.
/// </summary>
public class SealedCaseAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_coordinator_not_named_gets_404_everywhere_and_finds_the_case_nowhere()
    {
        var office = await portal.Office().SaveAsync();
        var named = await portal.Staff("sealed-named-coordinator@test.local").WithRoles(Roles.Coordinator).SaveAsync();
        await portal.Staff("sealed-other-coordinator@test.local").WithRoles(Roles.Coordinator).SaveAsync();
        var lawyer = await portal.Staff("sealed-lead@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var today = portal.Today();
        var built = await portal.Case(office).WithClient("Запечатанова Гульнора").OnBuildingSite().OpenedToday()
            .AssignedTo(lead: lawyer.Id).Sealed(named.Id).SaveAsync();
        var plain = await portal.Case(office).WithClient("Открытова Малика").OpenedToday().AssignedTo(lead: lawyer.Id).SaveAsync();
        var document = await new DocumentBuilder(portal, built.Id, "statement.pdf").SaveAsync();
        await portal.Deadline(built.Id).Titled("Sealed appeal").DueOn(today.AddDays(2)).SaveAsync();
        await portal.Deadline(plain.Id).Titled("Open appeal").DueOn(today.AddDays(2)).SaveAsync();

        var other = await portal.SignedInClientAsync("sealed-other-coordinator@test.local");
        foreach (var url in new[]
        {
            $"/cases/{built.Id}", $"/cases/{built.Id}/summary", $"/cases/{built.Id}/documents/{document}", $"/cases/{built.Id}/edit",
            $"/cases/{built.Id}/seal", $"/cases/{built.Id}/reason", $"/cases/{built.Id}/deadlines/new", $"/clients/{built.ClientId}", $"/intakes/{built.IntakeId}",
        })
        {
            var response = await other.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, "{0} is a page of a sealed case the coordinator is not named on", url);
            (await response.Content.ReadAsStringAsync()).Should().NotContain("Запечатанова").And.NotContain(built.Reference);
        }

        foreach (var url in new[]
        {
            "/cases?scope=all", "/cases?scope=all&q=" + Uri.EscapeDataString(built.Reference), "/search?q=" + Uri.EscapeDataString("Запечатанова"),
            "/search?q=" + Uri.EscapeDataString(built.Reference), "/clients?q=" + Uri.EscapeDataString("Запечатанова"), "/desk?office=all",
            $"/calendar?view=week&office=all&date={today:yyyy-MM-dd}", $"/calendar?view=week&lawyer={lawyer.Id}&date={today:yyyy-MM-dd}",
        })
        {
            var text = (await other.GetDocumentAsync(url)).Body!.TextContent;
            text.Should().NotContain(built.Reference, "{0} leaves out the sealed case", url).And.NotContain("Запечатанова").And.NotContain("Sealed appeal");
        }

        (await other.GetDocumentAsync("/desk?office=all")).Body!.TextContent.Should().Contain("Open appeal", "the desk shows the other case's dates");
        (await other.GetDocumentAsync("/cases?scope=all")).Body!.TextContent.Should().Contain(plain.Reference, "the list shows the other case");
        var export = await other.GetStringAsync("/cases/export.csv?scope=all");
        export.Should().Contain(plain.Reference).And.NotContain(built.Reference, "the CSV export leaves out the sealed case");

        var drillDown = await other.GetDocumentAsync("/dashboard/deadlines?window=next14");
        drillDown.QuerySelector("[data-testid=sealed-left-out]")!.TextContent.Should().Contain("sealed",
            "the dashboard's figure counts the sealed case's deadline, its list does not, and the page says why");
        drillDown.Body!.TextContent.Should().NotContain(built.Reference);

        var asNamed = await portal.SignedInClientAsync("sealed-named-coordinator@test.local");
        var list = await asNamed.GetDocumentAsync("/cases?scope=all");
        list.QuerySelector($"[data-case-id='{built.Id}'] [data-testid=case-sealed]").Should().NotBeNull("the named people see the case, marked sealed");
        list.QuerySelector($"[data-case-id='{plain.Id}'] [data-testid=case-sealed]").Should().BeNull();
    }

    [Fact]
    public async Task Lawyers_and_caseworkers_not_named_lose_the_case_and_its_dates_even_when_assigned()
    {
        var office = await portal.Office().SaveAsync();
        var coordinator = await portal.Staff("sealed-assigned-coordinator@test.local").WithRoles(Roles.Coordinator).SaveAsync();
        var lawyer = await portal.Staff("sealed-assigned-lawyer@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var caseworker = await portal.Staff("sealed-assigned-caseworker@test.local").InOffice(office).WithRoles(Roles.Caseworker).SaveAsync();
        var built = await portal.Case(office).WithClient("Скрытова Дилором").OpenedToday()
            .AssignedTo(caseworker.Id, lawyer.Id).Sealed(coordinator.Id, caseworker.Id).SaveAsync();
        var deadline = await portal.Deadline(built.Id).Titled("Lead lawyer's sealed deadline").DueOn(portal.Today().AddDays(1)).SaveAsync();
        await new NotificationBuilder(portal, lawyer.Id, built.Id, built.Reference, deadline, portal.Today()).SaveAsync();

        var asLawyer = await portal.SignedInClientAsync("sealed-assigned-lawyer@test.local");
        (await asLawyer.GetAsync($"/cases/{built.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the lead lawyer is not named");
        (await asLawyer.GetAsync($"/clients/{built.ClientId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await asLawyer.GetDocumentAsync("/desk")).Body!.TextContent.Should().NotContain("Lead lawyer's sealed deadline");
        (await asLawyer.GetDocumentAsync("/")).Body!.TextContent.Should().NotContain(built.Reference);
        (await asLawyer.GetDocumentAsync("/cases?scope=mine")).Body!.TextContent.Should().NotContain(built.Reference);
        (await asLawyer.GetDocumentAsync("/notifications")).Body!.TextContent.Should().NotContain(built.Reference, "a reminder made before the seal is no longer listed");

        var asCaseworker = await portal.SignedInClientAsync("sealed-assigned-caseworker@test.local");
        (await asCaseworker.GetAsync($"/cases/{built.Id}")).StatusCode.Should().Be(HttpStatusCode.Redirect, "a named person is asked for a reason first");
    }

    [Fact]
    public async Task Only_coordinators_seal_naming_at_least_one_coordinator_and_unsealing_restores_access()
    {
        var office = await portal.Office().SaveAsync();
        var coordinator = await portal.Staff("sealing-coordinator@test.local").WithRoles(Roles.Coordinator).SaveAsync();
        await portal.Staff("sealing-other-coordinator@test.local").WithRoles(Roles.Coordinator).SaveAsync();
        var lawyer = await portal.Staff("sealing-lawyer@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var caseworker = await portal.Staff("sealing-caseworker@test.local").InOffice(office).WithRoles(Roles.Caseworker).SaveAsync();
        var built = await portal.Case(office).WithClient("Печатова Зульфия").OpenedToday().AssignedTo(caseworker.Id, lawyer.Id).SaveAsync();
        var seal = $"/cases/{built.Id}/seal";

        var asLawyer = await portal.SignedInClientAsync("sealing-lawyer@test.local");
        (await asLawyer.GetAsync(seal)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "only coordinators seal");
        var token = await asLawyer.TokenOnAsync($"/cases/{built.Id}");
        (await asLawyer.PostAsync(seal, new FormUrlEncodedContent([new("PersonIds", lawyer.Id.ToString()), new("__RequestVerificationToken", token)])))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await asLawyer.GetDocumentAsync($"/cases/{built.Id}")).QuerySelector("[data-testid=seal-case]").Should().BeNull();

        var asCoordinator = await portal.SignedInClientAsync("sealing-coordinator@test.local");
        (await asCoordinator.GetDocumentAsync($"/cases/{built.Id}")).QuerySelector("[data-testid=seal-case]")!.GetAttribute("href").Should().Be(seal);
        var form = await asCoordinator.GetDocumentAsync(seal);
        form.QuerySelectorAll("[data-testid=sealed-person]:checked").Select(i => Guid.Parse(i.GetAttribute("value")!))
            .Should().BeEquivalentTo([coordinator.Id, lawyer.Id, caseworker.Id], "the assigned people and the sealing coordinator are proposed");

        var none = await HttpForms.PostFormAsync(asCoordinator, form, seal, []);
        none.StatusCode.Should().Be(HttpStatusCode.OK);
        (await HttpForms.PageAsync(none)).QuerySelector("[data-valmsg-for=PersonIds]")!.TextContent
            .Should().Contain(portal.English("Name at least one person who may open the sealed case."));
        var noCoordinator = await HttpForms.PostFormAsync(asCoordinator, form, seal, [new("PersonIds", lawyer.Id.ToString())]);
        (await HttpForms.PageAsync(noCoordinator)).QuerySelector("[data-valmsg-for=PersonIds]")!.TextContent
            .Should().Contain(portal.English("Name at least one coordinator: only a named coordinator can change or lift the seal."));
        (await portal.StoredCaseAsync(built.Id)).IsSealed.Should().BeFalse("a refused form seals nothing");

        var sealedResponse = await HttpForms.PostFormAsync(asCoordinator, form, seal, [new("PersonIds", coordinator.Id.ToString()), new("PersonIds", lawyer.Id.ToString())]);
        HttpForms.Location(sealedResponse).Should().Be($"/cases/{built.Id}");
        (await portal.StoredCaseAsync(built.Id)).SealedPeople.Select(p => p.UserId).Should().BeEquivalentTo([coordinator.Id, lawyer.Id]);
        (await portal.AuditAsync(SealingAuditActions.Sealed)).Should().ContainSingle(a => a.EntityId == built.Id.ToString() && a.ActorId == coordinator.Id);
        (await portal.AuditAsync(SealingAuditActions.PeopleNamed)).Should().ContainSingle(a => a.EntityId == built.Id.ToString())
            .Which.Details.Should().Contain(lawyer.Id.ToString()).And.Contain(coordinator.Id.ToString());

        var asCaseworker = await portal.SignedInClientAsync("sealing-caseworker@test.local");
        var asOther = await portal.SignedInClientAsync("sealing-other-coordinator@test.local");
        (await asCaseworker.GetAsync($"/cases/{built.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the caseworker was left out");
        (await asOther.GetAsync($"/cases/{built.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await asOther.GetAsync(seal)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a coordinator not named cannot even reach the seal");

        await GiveReasonAsync(asCoordinator, built.Id);
        var unseal = await HttpForms.PostFormAsync(asCoordinator, seal, $"/cases/{built.Id}/unseal", []);
        HttpForms.Location(unseal).Should().Be($"/cases/{built.Id}");
        (await portal.StoredCaseAsync(built.Id)).SealedPeople.Should().BeEmpty();
        (await portal.AuditAsync(SealingAuditActions.Unsealed)).Should().ContainSingle(a => a.EntityId == built.Id.ToString());
        (await asCaseworker.GetAsync($"/cases/{built.Id}")).StatusCode.Should().Be(HttpStatusCode.OK, "the usual rule again: the case's caseworker");
        (await asOther.GetAsync($"/cases/{built.Id}")).StatusCode.Should().Be(HttpStatusCode.OK, "every coordinator again");
        (await asLawyer.GetAsync($"/cases/{built.Id}")).StatusCode.Should().Be(HttpStatusCode.OK, "no reason is asked once the seal is lifted");
    }

    private static async Task GiveReasonAsync(HttpClient client, Guid caseId)
    {
        var response = await HttpForms.PostFormAsync(client, $"/cases/{caseId}/reason", $"/cases/{caseId}/reason", [new("Reason", "Lifting the seal after the trial")]);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}
