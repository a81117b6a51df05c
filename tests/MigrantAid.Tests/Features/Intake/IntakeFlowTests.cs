using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Security.Audit;
using static MigrantAid.Tests.Support.HttpForms;
using static MigrantAid.Tests.Support.IntakeSteps;

namespace MigrantAid.Tests.Features.Intake;

public class IntakeFlowTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly IntakeSteps _kit = new(portal);

    [Fact]
    public async Task Whole_intake_to_open_assigned_case()
    {
        var office = await portal.Office().WithCode("WHL").SaveAsync();
        var caseworker = await portal.Staff("whole-caseworker@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var lawyer = await portal.Staff("whole-lawyer@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var client = await portal.SignedInClientAsync("whole-caseworker@test.local");

        var intake = await StartIntakeAsync(client);
        var registered = await RegisterClientAsync(client, intake, "Рахимов Фаррух", "Бахтиёрович");
        Location(registered).Should().Be($"/intakes/{intake}/complaint");
        Location(await _kit.ComplaintAsync(client, intake)).Should().Be($"/intakes/{intake}/consent");
        Location(await _kit.ConsentAsync(client, intake)).Should().Be($"/intakes/{intake}/triage");
        Location(await SubmitAsync(client, intake)).Should().Be($"/intakes/{intake}");

        var submitted = await portal.StoredIntakeAsync(intake);
        submitted.Status.Should().Be(IntakeStatus.Submitted);
        var stored = await portal.WithDbAsync(db => db.Clients.AsNoTracking().Include(c => c.Consents).SingleAsync(c => c.Id == submitted.ClientId));
        stored.FullName.Should().Be("Рахимов Фаррух");
        stored.LatinName.Should().StartWith("Rakhimov Farrukh");
        stored.ConsentStatus.Should().Be(ConsentStatus.Given);
        stored.Consents.Should().ContainSingle(c => c.RecordedBy == caseworker.Id && c.Scope == "Legal help with this complaint.");

        var caseId = await AcceptAsync(client, intake, "Unpaid wages on a building site");
        var opened = await portal.StoredCaseAsync(caseId);
        opened.Reference.Should().Be($"WHL-{portal.Today().Year}-0001");
        opened.Status.Should().Be(CaseStatus.Open);
        opened.CaseworkerId.Should().Be(caseworker.Id, "the caseworker defaults to the intake's author");
        opened.PrincipalClientId.Should().Be(submitted.ClientId!.Value);
        (await portal.StoredIntakeAsync(intake)).Status.Should().Be(IntakeStatus.Accepted);
        (await portal.WithDbAsync(db => db.CaseCategories.CountAsync(c => c.CaseId == caseId))).Should().Be(1);

        var assigned = await PostFormAsync(client, $"/cases/{caseId}/assign", $"/cases/{caseId}/assign",
        [
            new("CaseworkerId", caseworker.Id.ToString()),
            new("LeadLawyerId", lawyer.Id.ToString()),
        ]);
        Location(assigned).Should().Be($"/cases/{caseId}");
        var working = await portal.StoredCaseAsync(caseId);
        working.LeadLawyerId.Should().Be(lawyer.Id);
        working.Status.Should().Be(CaseStatus.InProgress, "a lead lawyer starts the work");

        var lawyerClient = await portal.SignedInClientAsync("whole-lawyer@test.local");
        var page = await lawyerClient.GetDocumentAsync($"/cases/{caseId}");
        page.QuerySelector("[data-testid=case-reference]")!.TextContent.Should().Be($"WHL-{portal.Today().Year}-0001");
        page.QuerySelector("[data-testid=case-lead-lawyer]")!.TextContent.Should().Be(lawyer.FullName);
        page.QuerySelector("[data-testid=case-clients]")!.TextContent.Should().Contain("Рахимов Фаррух");
        page.QuerySelector("[data-testid=complaint-account]")!.TextContent.Should().Contain("three months");

        var second = await _kit.SubmittedIntakeAsync(client, "Karimov Dilshod");
        var secondCase = await AcceptAsync(client, second, "Passport kept by employer", lawyer.Id);
        (await portal.StoredCaseAsync(secondCase)).Reference.Should().Be($"WHL-{portal.Today().Year}-0002", "numbers run per office and year");

        (await portal.AuditAsync(CaseAuditActions.IntakeCreated)).Should().Contain(a => a.ActorId == caseworker.Id && a.EntityId == intake.ToString());
        (await portal.AuditAsync(CaseAuditActions.ClientCreated)).Should().Contain(a => a.EntityId == submitted.ClientId.ToString());
        (await portal.AuditAsync(CaseAuditActions.IntakeSubmitted)).Should().Contain(a => a.EntityId == intake.ToString());
        (await portal.AuditAsync(CaseAuditActions.IntakeAccepted)).Should().Contain(a => a.EntityId == intake.ToString());
        (await portal.AuditAsync(CaseAuditActions.CaseOpened)).Should().Contain(a => a.EntityId == caseId.ToString());
        (await portal.AuditAsync(CaseAuditActions.CaseAssigned)).Should().Contain(a => a.EntityId == caseId.ToString() && a.ActorId == caseworker.Id);
    }

    [Fact]
    public async Task Accepting_with_nobody_as_caseworker_leaves_the_case_without_one()
    {
        var office = await portal.Office().WithCode("NBD").SaveAsync();
        await portal.Staff("nobody-caseworker@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var client = await portal.SignedInClientAsync("nobody-caseworker@test.local");
        var intake = await _kit.SubmittedIntakeAsync(client, "Юсупова Лола");

        var accepted = await PostFormAsync(client, $"/intakes/{intake}", $"/intakes/{intake}/accept",
        [
            new("Accept.Title", "Wages withheld at a market"),
            new("Accept.CaseworkerId", ""),
        ]);

        var opened = await portal.StoredCaseAsync(IdIn(Location(accepted), 1));
        opened.CaseworkerId.Should().BeNull("\"Nobody\" was chosen instead of the proposed author");
    }

    [Fact]
    public async Task Draft_survives_and_resumes()
    {
        var office = await portal.Office().WithCode("DRF").SaveAsync();
        await portal.Staff("draft-caseworker@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var first = await portal.SignedInClientAsync("draft-caseworker@test.local");

        var intake = await StartIntakeAsync(first);
        Location(await RegisterClientAsync(first, intake, "Юсупова Нигора")).Should().Be($"/intakes/{intake}/complaint");
        var closed = await _kit.ComplaintAsync(first, intake, next: "close", account: "Her employer keeps her passport.");
        Location(closed).Should().Be("/intakes", "save and close keeps the draft and goes back to the list");

        // Another session, as after closing the browser.
        var later = await portal.SignedInClientAsync("draft-caseworker@test.local");
        var list = await later.GetDocumentAsync("/intakes");
        var row = list.QuerySelectorAll("[data-testid=draft-row]").Should().ContainSingle(r => r.GetAttribute("data-intake-id") == intake.ToString()).Subject;
        row.TextContent.Should().Contain("Юсупова Нигора");
        var resume = row.QuerySelector("[data-testid=resume-draft]")!.GetAttribute("href");
        resume.Should().Be($"/intakes/{intake}/complaint", "the draft resumes at the furthest step reached");

        var complaint = await later.GetDocumentAsync(resume!);
        complaint.QuerySelector("textarea[name=Account]")!.TextContent.Should().Be("Her employer keeps her passport.");
        complaint.QuerySelectorAll("input[name=CategoryIds][checked]").Should().ContainSingle();
        complaint.QuerySelector("input[name='Respondents[0].Name']")!.GetAttribute("value").Should().Be("Stroy-Invest LLC");
        complaint.QuerySelector("[data-testid=intake-client]")!.TextContent.Should().Be("Юсупова Нигора");

        Location(await _kit.ComplaintAsync(later, intake, account: "Her employer keeps her passport.")).Should().Be($"/intakes/{intake}/consent");
        Location(await _kit.ConsentAsync(later, intake)).Should().Be($"/intakes/{intake}/triage");
        Location(await SubmitAsync(later, intake)).Should().Be($"/intakes/{intake}");
        (await later.GetDocumentAsync("/intakes")).QuerySelectorAll("[data-testid=draft-row]").Should().BeEmpty("a submitted intake is no longer a draft");
        (await portal.AuditAsync(CaseAuditActions.IntakeUpdated)).Count(a => a.EntityId == intake.ToString()).Should().BeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task Complaint_with_bad_input_keeps_every_value_and_saves_nothing()
    {
        var office = await portal.Office().WithCode("BAD").SaveAsync();
        await portal.Staff("bad-complaint@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var client = await portal.SignedInClientAsync("bad-complaint@test.local");
        var intake = await StartIntakeAsync(client);
        Location(await RegisterClientAsync(client, intake, "Абдуллаев Тимур")).Should().Be($"/intakes/{intake}/complaint");

        var response = await PostFormAsync(client, $"/intakes/{intake}/complaint", $"/intakes/{intake}/complaint",
        [
            new("IncidentCity", "Moscow"),
            new("IncidentFrom", portal.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("IncidentTo", portal.Today().AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Account", new string('x', MigrantAid.Web.Domain.Cases.Intake.AccountMaxLength + 1)),
            new("Respondents[0].Name", "Market administration"),
            new("Next", "continue"),
        ]);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await PageAsync(response);
        page.QuerySelector("[data-testid=error-CategoryIds]")!.TextContent.Should().Be(portal.English("Choose at least one category."));
        page.QuerySelector("[data-testid=error-IncidentTo]")!.TextContent.Should().Be(portal.English("The end cannot be before the start."));
        page.QuerySelector("[data-testid=error-Account]")!.TextContent.Should().NotBeEmpty();
        page.QuerySelector("[data-testid=error-respondent-type]")!.TextContent.Should().Be(portal.English("Choose the respondent's type."));
        page.QuerySelector("input[name=IncidentCity]")!.GetAttribute("value").Should().Be("Moscow");
        page.QuerySelector("input[name='Respondents[0].Name']")!.GetAttribute("value").Should().Be("Market administration");
        var stored = await portal.StoredIntakeAsync(intake);
        stored.IncidentCity.Should().BeNull("nothing is saved from a refused step");
        stored.Respondents.Should().BeEmpty();
    }

    [Fact]
    public async Task Urgent_intake_shows_24h_target()
    {
        var office = await portal.Office().WithCode("URG").SaveAsync();
        await portal.Staff("urgent-caseworker@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        await portal.Staff("urgent-coordinator@test.local").WithRoles(Roles.Coordinator).SaveAsync();
        var client = await portal.SignedInClientAsync("urgent-caseworker@test.local");

        var normal = await _kit.SubmittedIntakeAsync(client, "Normal Case Client");
        var urgent = await _kit.SubmittedIntakeAsync(client, "Urgent Case Client", urgent: true);

        var stored = await portal.StoredIntakeAsync(urgent);
        stored.ResponseDueAt.Should().Be(stored.SubmittedAt!.Value.AddHours(24));
        var normalStored = await portal.StoredIntakeAsync(normal);
        normalStored.ResponseDueAt.Should().Be(normalStored.SubmittedAt!.Value.AddDays(5));

        var page = await client.GetDocumentAsync($"/intakes/{urgent}");
        page.QuerySelectorAll("[data-testid=intake-urgent]").Should().NotBeEmpty();
        page.QuerySelector("[data-testid=response-remaining]")!.TextContent.Should().Be(portal.English("{0} left", portal.English("{0} d {1} h", 1, 0)));

        var coordinator = await portal.SignedInClientAsync("urgent-coordinator@test.local");
        var queue = (await coordinator.GetDocumentAsync("/intakes")).QuerySelectorAll("[data-testid=queue-row]")
            .Where(r => r.GetAttribute("data-intake-id") == urgent.ToString() || r.GetAttribute("data-intake-id") == normal.ToString()).ToList();
        queue.Select(r => r.GetAttribute("data-intake-id")).Should().Equal(urgent.ToString(), normal.ToString());
        queue[0].QuerySelectorAll("[data-testid=queue-urgent]").Should().NotBeEmpty();

        portal.Clock.Advance(TimeSpan.FromHours(25));
        coordinator = await portal.SignedInClientAsync("urgent-coordinator@test.local"); // the 8-hour session ended meanwhile
        var late = await coordinator.GetDocumentAsync($"/intakes/{urgent}");
        late.QuerySelector("[data-testid=response-remaining]")!.TextContent.Should().Be(portal.English("Overdue by {0}", portal.English("{0} h {1} min", 1, 0)));
        var lateQueue = await coordinator.GetDocumentAsync("/intakes");
        lateQueue.QuerySelectorAll("[data-testid=queue-row]").Single(r => r.GetAttribute("data-intake-id") == urgent.ToString())
            .QuerySelector("[data-testid=queue-remaining]")!.TextContent.Should().Be(portal.English("Overdue by {0}", portal.English("{0} h {1} min", 1, 0)));
    }

    [Fact]
    public async Task Reject_requires_reason_for_other()
    {
        var office = await portal.Office().WithCode("REJ").SaveAsync();
        var caseworker = await portal.Staff("reject-caseworker@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var client = await portal.SignedInClientAsync("reject-caseworker@test.local");
        var intake = await _kit.SubmittedIntakeAsync(client, "Reject Test Client");

        var refused = await PostFormAsync(client, $"/intakes/{intake}", $"/intakes/{intake}/reject", [new("Reject.Reason", "Other"), new("Reject.Note", "")]);
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await PageAsync(refused);
        page.QuerySelector("[data-testid='error-Reject.Note']")!.TextContent.Should().Be(portal.English("Say why the intake is rejected."));
        page.QuerySelector("select[name='Reject.Reason'] option[selected]")!.GetAttribute("value").Should().Be("Other");
        (await portal.StoredIntakeAsync(intake)).Status.Should().Be(IntakeStatus.Submitted);

        var noReason = await PostFormAsync(client, $"/intakes/{intake}", $"/intakes/{intake}/reject", []);
        (await PageAsync(noReason)).QuerySelector("[data-testid='error-Reject.Reason']")!.TextContent.Should().Be(portal.English("Choose the reason."));

        Location(await PostFormAsync(client, $"/intakes/{intake}", $"/intakes/{intake}/reject",
            [new("Reject.Reason", "Other"), new("Reject.Note", "Lives abroad; cannot be reached.")])).Should().Be($"/intakes/{intake}");
        var rejected = await portal.StoredIntakeAsync(intake);
        rejected.Status.Should().Be(IntakeStatus.Rejected);
        rejected.RejectionReason.Should().Be(RejectionReason.Other);
        rejected.DecidedBy.Should().Be(caseworker.Id);
        (await portal.AuditAsync(CaseAuditActions.IntakeRejected)).Should().ContainSingle(a => a.EntityId == intake.ToString());

        Location(await PostFormAsync(client, $"/intakes/{intake}", $"/intakes/{intake}/reopen", [])).Should().Be($"/intakes/{intake}");
        (await portal.StoredIntakeAsync(intake)).Status.Should().Be(IntakeStatus.Submitted, "a rejected intake can be reopened for a new decision");
    }

    [Fact]
    public async Task Lawyer_may_not_decide_an_intake()
    {
        var office = await portal.Office().WithCode("LDN").SaveAsync();
        await portal.Staff("decide-caseworker@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        await portal.Staff("decide-lawyer@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var caseworker = await portal.SignedInClientAsync("decide-caseworker@test.local");
        var intake = await _kit.SubmittedIntakeAsync(caseworker, "Decision Test Client");
        var lawyer = await portal.SignedInClientAsync("decide-lawyer@test.local");

        (await lawyer.GetAsync($"/intakes/{intake}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a lawyer sees intakes only of their own making");
        var admin = await portal.Staff("decide-admin@test.local").InOffice(office.Id).WithRoles(Roles.Admin).SaveAsync();
        (await (await portal.SignedInClientAsync(admin.Email!)).GetAsync("/intakes")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task User_without_office_is_told_they_cannot_take_intakes()
    {
        await portal.Staff("no-office-caseworker@test.local").WithRoles(Roles.Caseworker).SaveAsync();
        var client = await portal.SignedInClientAsync("no-office-caseworker@test.local");

        var response = await PostFormAsync(client, "/intakes", "/intakes/new", []);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await PageAsync(response)).QuerySelector("[data-testid=form-errors]")!.TextContent.Should().Contain(portal.English("You have no office, so you cannot take intakes. Ask an administrator to set your office."));
    }

    [Fact]
    public async Task Respondent_matching_a_client_is_flagged()
    {
        var office = await portal.Office().WithCode("COI").SaveAsync();
        await portal.Staff("conflict-caseworker@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var existing = (await portal.Client(office.Id).Named("Каримов Бахтиёр").BornIn(1975).SaveAsync()).Id;
        var client = await portal.SignedInClientAsync("conflict-caseworker@test.local");
        var intake = await StartIntakeAsync(client);
        Location(await RegisterClientAsync(client, intake, "Назарова Мадина")).Should().Be($"/intakes/{intake}/complaint");

        var saved = await _kit.ComplaintAsync(client, intake, respondents:
        [
            new("Respondents[0].Name", "Karimov Bakhtiyor"),
            new("Respondents[0].Type", "Employer"),
            new("Respondents[0].Sector", "DomesticWork"),
            new("Respondents[1].Name", "Police department 12"),
            new("Respondents[1].Type", "Police"),
        ]);

        Location(saved).Should().Be($"/intakes/{intake}/complaint", "a flagged respondent stops the step so the flag is seen");
        var page = await client.GetDocumentAsync($"/intakes/{intake}/complaint");
        var conflict = page.QuerySelectorAll("[data-testid=conflict]").Should().ContainSingle().Subject;
        conflict.GetAttribute("data-client-id").Should().Be(existing.ToString());
        conflict.TextContent.Should().Be(portal.English("{0}: possible conflict of interest: matches client {1}.", "Karimov Bakhtiyor", "Каримов Бахтиёр"));
        (await portal.StoredIntakeAsync(intake)).Respondents.Should().HaveCount(2, "the respondents are saved all the same");
        (await client.GetDocumentAsync($"/intakes/{intake}")).QuerySelector("[data-testid=conflicts]")!.TextContent.Should().Contain("Каримов Бахтиёр");
    }
}
