using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Security.Audit;
using static MigrantAid.Tests.Support.HttpForms;
using static MigrantAid.Tests.Support.IntakeSteps;

namespace MigrantAid.Tests.Features.Intake;

/// <summary>Issue 12 point 6: the triage's answers about the person are recorded on the client when the intake becomes a case.</summary>
public class TriageSituationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly IntakeSteps _kit = new(portal);

    [Fact]
    public async Task No_documents_and_a_separated_child_from_the_triage_are_set_on_a_child_client_when_the_case_opens_and_audited()
    {
        var office = await portal.Office().WithCode("TSC").SaveAsync();
        await portal.Staff("triage-child@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var http = await portal.SignedInClientAsync("triage-child@test.local");
        var (intake, clientId) = await IntakeAsync(http, "Юлдашев Темур", portal.Today().AddYears(-14));

        var triage = await http.GetDocumentAsync($"/intakes/{intake}/triage");
        triage.QuerySelector("[data-testid=triage-no-documents]")!.HasAttribute("checked").Should().BeFalse("the question starts unanswered");
        Location(await SubmitTriageAsync(http, intake, noDocuments: true, separatedChild: true)).Should().Be($"/intakes/{intake}");
        (await ClientAsync(clientId)).Vulnerabilities.Should().Be(Vulnerability.None, "the answers reach the client when the case opens");
        var shown = await http.GetDocumentAsync($"/intakes/{intake}");
        shown.QuerySelector("[data-testid=intake-triage]")!.TextContent.Should().Contain("The client has no identity documents: Yes");

        await AcceptAsync(http, intake, "Child held for expulsion alone");

        (await ClientAsync(clientId)).Vulnerabilities.Should().Be(Vulnerability.Undocumented | Vulnerability.SeparatedChild);
        var audit = (await portal.AuditAsync(ClientAuditActions.Updated)).Single(a => a.EntityId == clientId.ToString());
        using (var details = JsonDocument.Parse(audit.Details!))
        {
            details.RootElement.GetProperty("intake").GetGuid().Should().Be(intake);
            var change = details.RootElement.GetProperty("changes")[0];
            change.GetProperty("field").GetString().Should().Be("Vulnerabilities");
            change.GetProperty("new").GetString().Should().Be("Undocumented, SeparatedChild");
        }

        var page = await http.GetDocumentAsync($"/intakes/{intake}");
        page.QuerySelectorAll("[data-testid^=vulnerability-]").Select(b => b.TextContent).Should().Equal("No identity documents", "Separated child");
    }

    [Fact]
    public async Task A_separated_child_answer_does_not_mark_an_adult_client_and_no_answer_changes_nothing()
    {
        var office = await portal.Office().WithCode("TSA").SaveAsync();
        await portal.Staff("triage-adult@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var http = await portal.SignedInClientAsync("triage-adult@test.local");

        var (parentIntake, parent) = await IntakeAsync(http, "Юлдашева Малика", new DateOnly(1986, 9, 2));
        await SubmitTriageAsync(http, parentIntake, noDocuments: false, separatedChild: true);
        await AcceptAsync(http, parentIntake, "Son held for expulsion alone");
        (await ClientAsync(parent)).Vulnerabilities.Should().Be(Vulnerability.None, "the mother told of her separated son: she is not the child");

        var (plainIntake, plain) = await IntakeAsync(http, "Турсунов Акмал", new DateOnly(1992, 11, 30));
        await SubmitTriageAsync(http, plainIntake, noDocuments: false, separatedChild: false);
        await AcceptAsync(http, plainIntake, "Unpaid wages");
        (await ClientAsync(plain)).Vulnerabilities.Should().Be(Vulnerability.None);
        (await portal.AuditAsync(ClientAuditActions.Updated)).Should().NotContain(a => a.EntityId == parent.ToString() || a.EntityId == plain.ToString());
    }

    /// <summary>An intake through the client, complaint and consent steps, its new client born on <paramref name="born"/>.</summary>
    private async Task<(Guid Intake, Guid Client)> IntakeAsync(HttpClient http, string name, DateOnly born)
    {
        var intake = await StartIntakeAsync(http);
        Location(await RegisterClientAsync(http, intake, name)).Should().Be($"/intakes/{intake}/complaint");
        Location(await _kit.ComplaintAsync(http, intake)).Should().Be($"/intakes/{intake}/consent");
        Location(await _kit.ConsentAsync(http, intake)).Should().Be($"/intakes/{intake}/triage");
        var clientId = (await portal.StoredIntakeAsync(intake)).ClientId!.Value;
        await portal.WithDbAsync(async db =>
        {
            (await db.Clients.SingleAsync(c => c.Id == clientId)).SetBirth(born, null);
            return await db.SaveChangesAsync();
        });
        return (intake, clientId);
    }

    private static Task<HttpResponseMessage> SubmitTriageAsync(HttpClient http, Guid intake, bool noDocuments, bool separatedChild)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Next", "submit") };
        if (noDocuments)
        {
            fields.Add(new("NoDocuments", "true"));
        }

        if (separatedChild)
        {
            fields.Add(new("SeparatedChild", "true"));
        }

        return PostFormAsync(http, $"/intakes/{intake}/triage", $"/intakes/{intake}/triage", fields);
    }

    private Task<Client> ClientAsync(Guid id) => portal.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == id));
}
