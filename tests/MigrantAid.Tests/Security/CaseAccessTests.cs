using System.Net;
using System.Text.Encodings.Web;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Security;

/// <summary>Who sees which case file (issue 3, point 10): refused is 404, and the client's name never shows.</summary>
public class CaseAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Access_matrix_follows_office_assignment_and_confidentiality()
    {
        var north = await portal.Office().WithCode("NOR").SaveAsync();
        var south = await portal.Office().WithCode("SOU").SaveAsync();
        var caseworker = await portal.Staff("matrix-caseworker@test.local").InOffice(north.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var otherCaseworker = await portal.Staff("matrix-caseworker2@test.local").InOffice(south.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var lawyer = await portal.Staff("matrix-lawyer@test.local").InOffice(north.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var confidentialLawyer = await portal.Staff("matrix-lawyer2@test.local").InOffice(north.Id).WithRoles(Roles.Lawyer).SaveAsync();
        await portal.Staff("matrix-coordinator@test.local").WithRoles(Roles.Coordinator).SaveAsync();
        await portal.Staff("matrix-admin@test.local").InOffice(north.Id).WithRoles(Roles.Admin).SaveAsync();

        var northCase = (await portal.Case(north).WithClient("Хамидов Алишер", null).OnBuildingSite().OpenedToday().OpenedBy(otherCaseworker.Id).AssignedTo(otherCaseworker.Id, lawyer.Id).SaveAsync()).Id;
        var southCase = (await portal.Case(south).WithClient("Султанова Дильноза", null).OnBuildingSite().OpenedToday().OpenedBy(otherCaseworker.Id).AssignedTo(otherCaseworker.Id).SaveAsync()).Id;
        var southAssigned = (await portal.Case(south).WithClient("Турсунов Бекзод", null).OnBuildingSite().OpenedToday().OpenedBy(caseworker.Id).AssignedTo(caseworker.Id).SaveAsync()).Id;
        var confidential = (await portal.Case(north).WithClient("Мирзоева Зарина", null).OnBuildingSite().OpenedToday().OpenedBy(otherCaseworker.Id).AssignedTo(otherCaseworker.Id, null, confidentialLawyer.Id).Confidential().SaveAsync()).Id;

        var asCaseworker = await portal.SignedInClientAsync("matrix-caseworker@test.local");
        await Sees(asCaseworker, northCase, "Хамидов Алишер", "a caseworker sees the cases of their office");
        await Sees(asCaseworker, southAssigned, "Турсунов Бекзод", "a caseworker sees cases assigned to them in other offices");
        await DoesNotSee(asCaseworker, southCase, "Султанова Дильноза", "another office's case is hidden from a caseworker");
        await DoesNotSee(asCaseworker, confidential, "Мирзоева Зарина", "a confidential case is hidden from a caseworker of the office who is not on it");

        var asLawyer = await portal.SignedInClientAsync("matrix-lawyer@test.local");
        await Sees(asLawyer, northCase, "Хамидов Алишер", "a lawyer sees the cases they lead");
        await DoesNotSee(asLawyer, southCase, "Султанова Дильноза", "a lawyer sees only the cases they are assigned to");
        await DoesNotSee(asLawyer, confidential, "Мирзоева Зарина", "a lawyer of the same office who is not on the case does not see it");

        var asConfidentialLawyer = await portal.SignedInClientAsync("matrix-lawyer2@test.local");
        await Sees(asConfidentialLawyer, confidential, "Мирзоева Зарина", "an assigned lawyer sees the confidential case");

        var asCoordinator = await portal.SignedInClientAsync("matrix-coordinator@test.local");
        foreach (var (id, name) in new[] { (northCase, "Хамидов Алишер"), (southCase, "Султанова Дильноза"), (southAssigned, "Турсунов Бекзод"), (confidential, "Мирзоева Зарина") })
        {
            await Sees(asCoordinator, id, name, "a coordinator sees every case");
        }

        var asAdmin = await portal.SignedInClientAsync("matrix-admin@test.local");
        await DoesNotSee(asAdmin, northCase, "Хамидов Алишер", "an administrator without a case role sees no case content");

        await DoesNotSee(asCaseworker, Guid.NewGuid(), "Хамидов Алишер", "a missing case is a 404 too");
    }

    [Fact]
    public async Task Hidden_case_refuses_changes_with_404_and_lawyer_may_not_assign()
    {
        var office = await portal.Office().WithCode("HID").SaveAsync();
        var other = await portal.Office().WithCode("OTH").SaveAsync();
        await portal.Staff("hidden-caseworker@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var lawyer = await portal.Staff("hidden-lawyer@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var foreign = (await portal.Case(other).WithClient("Назаров Рустам", null).OnBuildingSite().OpenedToday().SaveAsync()).Id;
        var ledByLawyer = (await portal.Case(office).WithClient("Исмоилов Фарход", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync()).Id;

        var asCaseworker = await portal.SignedInClientAsync("hidden-caseworker@test.local");
        var token = (await asCaseworker.GetDocumentAsync("/intakes")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var note = await asCaseworker.PostAsync($"/cases/{foreign}/notes", new FormUrlEncodedContent(
            [new("Note.Kind", "Call"), new("Note.Text", "Should not be saved"), new("__RequestVerificationToken", token)]));
        note.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await asCaseworker.GetAsync($"/cases/{foreign}/edit")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await asCaseworker.GetAsync($"/cases/{foreign}/assign")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var asLawyer = await portal.SignedInClientAsync("hidden-lawyer@test.local");
        (await asLawyer.GetAsync($"/cases/{ledByLawyer}/assign")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "assigning is for coordinators and the case's caseworker");
        (await asLawyer.GetDocumentAsync($"/cases/{ledByLawyer}")).QuerySelector("[data-testid=assign-case]").Should().BeNull();
    }

    private static async Task Sees(HttpClient client, Guid caseId, string clientName, string because)
    {
        var response = await client.GetAsync($"/cases/{caseId}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, because);
        HttpForms.Parse(await response.Content.ReadAsStringAsync()).Body!.TextContent.Should().Contain(clientName, because);
    }

    /// <summary>404, and the name appears neither as text nor in the markup (raw or HTML-encoded).</summary>
    private static async Task DoesNotSee(HttpClient client, Guid caseId, string clientName, string because)
    {
        var response = await client.GetAsync($"/cases/{caseId}");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound, because);
        var body = await response.Content.ReadAsStringAsync();
        HttpForms.Parse(body).DocumentElement.TextContent.Should().NotContain(clientName, because);
        body.Should().NotContain(clientName, because).And.NotContain(HtmlEncoder.Default.Encode(clientName), because);
    }
}
