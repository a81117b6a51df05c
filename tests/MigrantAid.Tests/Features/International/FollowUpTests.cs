using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.International;
using MigrantAid.Web.Features.International.Submissions;
using static MigrantAid.Tests.Features.International.InternationalPages;
using static MigrantAid.Tests.Support.FormValues;
using static MigrantAid.Tests.Support.HttpForms;

namespace MigrantAid.Tests.Features.International;

/// <summary>The UN follow-up (issue 12, point 3), through HTTP, with the rules shipped by migration 0023.</summary>
public class FollowUpTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Interim_measures_request_creates_the_task_to_check_the_committee_answer()
    {
        var (caseId, client) = await LawyerCaseAsync("FUA", "fu-request@test.local");
        var requested = LastMonday(portal.Today().AddDays(-7));

        var location = Location(await PostFormAsync(client, $"/cases/{caseId}/submissions/new", $"/cases/{caseId}/submissions/new",
            Submission("CCPR", "InterimMeasuresRequest", requested, [new("InterimMeasuresRequestedOn", Iso(requested))])));

        var deadline = (await DeadlinesAsync(caseId)).Should().ContainSingle().Subject;
        deadline.Trigger.Should().Be(TriggerEvent.InterimMeasuresRequested);
        deadline.Title.Should().Be("Check the committee's answer to the interim-measures request (Human Rights Committee)");
        deadline.TitleRu.Should().Be("Проверить ответ комитета на просьбу о временных мерах (Комитет по правам человека)");
        deadline.DueOn.Should().Be(requested.AddDays(2), "two working days after a Monday is the Wednesday");
        deadline.SourceId.Should().Be(IdIn(location, 3));
        var rule = await portal.WithDbAsync(db => db.DeadlineRules.AsNoTracking().SingleAsync(r => r.Id == deadline.RuleId));
        rule.NeedsVerification.Should().BeTrue("a shipped rule is an example to confirm");
        rule.LegalBasis.Should().Be("Rules of procedure of the Human Rights Committee: interim measures");
        rule.LegalBasisRu.Should().Be("Правила процедуры Комитета по правам человека: временные меры");

        var casePage = await client.GetStringAsync($"/cases/{caseId}");
        casePage.Should().Contain("Check the committee&#x27;s answer to the interim-measures request", "the task is among the case's deadlines");
    }

    [Fact]
    public async Task Granted_interim_measures_create_the_compliance_task_and_the_breach_prompt()
    {
        var (caseId, client) = await LawyerCaseAsync("FUB", "fu-granted@test.local");
        var requested = portal.Today().AddDays(-10);
        var granted = portal.Today().AddDays(-8);
        var location = Location(await PostFormAsync(client, $"/cases/{caseId}/submissions/new", $"/cases/{caseId}/submissions/new",
            Submission("CRC", "InterimMeasuresRequest", requested, [new("InterimMeasuresRequestedOn", Iso(requested))])));
        (await client.GetDocumentAsync(location)).QuerySelector("[data-testid=breach-prompt]").Should().BeNull("nothing is granted yet");

        Location(await PostFormAsync(client, location + "/edit", location + "/edit",
            Submission("CRC", "InterimMeasuresRequest", requested,
                [new("InterimMeasuresRequestedOn", Iso(requested)), new("InterimMeasuresOn", Iso(granted)), new("InterimMeasuresGranted", "true")],
                result: "InterimMeasuresGranted")));

        var compliance = (await DeadlinesAsync(caseId)).Should().ContainSingle(d => d.Trigger == TriggerEvent.InterimMeasuresGranted).Subject;
        compliance.Title.Should().Be("Check and report the State's compliance with the interim measures (Committee on the Rights of the Child)");
        compliance.DueOn.Should().Be(granted.AddDays(7));
        compliance.Status.Should().Be(DeadlineStatus.Open);
        var stored = (await SubmissionsAsync(portal, caseId)).Single();
        stored.InterimMeasuresGranted.Should().BeTrue();
        stored.FollowUp.Should().Be(FollowUpStatus.Ongoing, "granted interim measures are followed up from then on");

        var page = await client.GetDocumentAsync(location);
        page.QuerySelector("[data-testid=breach-prompt]")!.TextContent.Should().Contain(portal.English("Tell the committee at once of any breach by the State (a removal carried out or about to be): do not wait for the compliance check."));
        page.QuerySelectorAll("[data-testid=submission-deadline]").Should().HaveCount(2, "the check of the answer and the compliance task");
        (await portal.AuditAsync(InternationalAuditActions.SubmissionUpdated)).Should().Contain(a => a.EntityId == stored.Id.ToString() && a.Details!.Contains("InterimMeasuresGranted"));
    }

    [Fact]
    public async Task Views_finding_a_violation_start_the_state_180_day_reply()
    {
        var (caseId, client) = await LawyerCaseAsync("FUC", "fu-views@test.local");
        var views = portal.Today().AddDays(-20);
        Location(await PostFormAsync(client, $"/cases/{caseId}/submissions/new", $"/cases/{caseId}/submissions/new",
            Submission("CERD", "IndividualCommunication", portal.Today().AddDays(-400), [new("FinalDecisionOn", Iso(views))], result: "ViolationFound")));

        var reply = (await DeadlinesAsync(caseId)).Should().ContainSingle().Subject;
        reply.Trigger.Should().Be(TriggerEvent.ViolationFound);
        reply.TriggerDate.Should().Be(views);
        reply.DueOn.Should().Be(views.AddDays(180), "180 days, never moved for an international body");
        reply.Title.Should().Contain("180 days");
    }

    [Fact]
    public async Task Comments_on_the_committee_request_are_due_counted_from_the_request_date()
    {
        var (caseId, client) = await LawyerCaseAsync("FUD", "fu-comments@test.local");
        var views = portal.Today().AddDays(-200);
        var request = portal.Today().AddDays(-3);
        var location = Location(await PostFormAsync(client, $"/cases/{caseId}/submissions/new", $"/cases/{caseId}/submissions/new",
            Submission("CAT", "IndividualCommunication", portal.Today().AddDays(-600), [new("FinalDecisionOn", Iso(views))], result: "ViolationFound")));

        var refused = await PostFormAsync(client, location + "/edit", location + "/edit",
            Submission("CAT", "IndividualCommunication", portal.Today().AddDays(-600),
                [new("FinalDecisionOn", Iso(views)), new("FollowUpCommentsRequestedOn", Iso(views.AddDays(-1)))], result: "ViolationFound"));
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await PageAsync(refused)).QuerySelector("[data-testid=error-FollowUpCommentsRequestedOn]")!.TextContent
            .Should().Be(portal.English("The committee asks for comments on the follow-up after its views: enter the date of the views, and a request on or after it."));

        Location(await PostFormAsync(client, location + "/edit", location + "/edit",
            Submission("CAT", "IndividualCommunication", portal.Today().AddDays(-600),
                [new("FinalDecisionOn", Iso(views)), new("FollowUpCommentsRequestedOn", Iso(request))], result: "ViolationFound")));

        var comments = (await DeadlinesAsync(caseId)).Should().ContainSingle(d => d.Trigger == TriggerEvent.FollowUpCommentsRequested).Subject;
        comments.TriggerDate.Should().Be(request);
        comments.DueOn.Should().Be(request.AddMonths(2));
        comments.Title.Should().Be("Our comments on the State's follow-up reply (Committee against Torture)");
    }

    [Fact]
    public async Task Assessments_are_recorded_per_round_with_their_grade_and_bad_input_is_refused_at_the_field()
    {
        var (caseId, client) = await LawyerCaseAsync("FUE", "fu-assess@test.local");
        var views = portal.Today().AddDays(-300);
        var location = Location(await PostFormAsync(client, $"/cases/{caseId}/submissions/new", $"/cases/{caseId}/submissions/new",
            Submission("CCPR", "IndividualCommunication", portal.Today().AddDays(-900), [new("FinalDecisionOn", Iso(views))], result: "ViolationFound")));
        var assess = location + "/follow-up/assess";

        var future = await PostFormAsync(client, assess, assess, [new("AssessedOn", Iso(portal.Today().AddDays(1))), new("Grade", "B"), new("Note", "Typed note kept.")]);
        future.StatusCode.Should().Be(HttpStatusCode.OK);
        var futurePage = await PageAsync(future);
        futurePage.QuerySelector("[data-testid=error-AssessedOn]")!.TextContent.Should().Be(portal.English("The date cannot be in the future."));
        futurePage.QuerySelector("textarea[name=Note]")!.TextContent.Should().Be("Typed note kept.");
        var noGrade = await PageAsync(await PostFormAsync(client, assess, assess, [new("AssessedOn", Iso(views.AddDays(200)))]));
        noGrade.QuerySelector("[data-testid=error-Grade]")!.TextContent.Should().Be(portal.English("Choose the grade."));

        Location(await PostFormAsync(client, assess, assess, [new("AssessedOn", Iso(views.AddDays(200))), new("Grade", "C")]));
        Location(await PostFormAsync(client, assess, assess, [new("AssessedOn", Iso(views.AddDays(280))), new("Grade", "B"), new("Note", "Compensation paid, no guarantee of non-repetition.")]));

        var rounds = await portal.WithDbAsync(db => db.FollowUpRounds.AsNoTracking().OrderBy(r => r.Round).ToListAsync());
        rounds.Where(r => r.SubmissionId == IdIn(location, 3)).Select(r => (r.Round, r.Grade)).Should().Equal((1, FollowUpGrade.C), (2, FollowUpGrade.B));
        (await SubmissionsAsync(portal, caseId)).Single().FollowUp.Should().Be(FollowUpStatus.Ongoing);

        var page = await client.GetDocumentAsync(location);
        page.QuerySelectorAll("[data-testid=follow-up-grade]").Select(g => g.TextContent.Trim()).First()
            .Should().Be(portal.English("FollowUpGrade.C"));
        page.QuerySelector("[data-testid=grade-meanings]")!.TextContent.Should().Contain(portal.English("FollowUpGrade.E"), "the meaning of every grade is shown");
        var audits = await portal.AuditAsync(FollowUpAuditActions.RoundRecorded);
        audits.Where(a => a.EntityId == IdIn(location, 3).ToString()).Should().HaveCount(2)
            .And.OnlyContain(a => !a.Details!.Contains("Compensation"), "the note's text stays out of the audit trail");
    }

    [Fact]
    public async Task Closing_the_follow_up_records_its_result_and_closes_its_open_deadlines()
    {
        var (caseId, client) = await LawyerCaseAsync("FUF", "fu-close@test.local");
        var views = portal.Today().AddDays(-100);
        var location = Location(await PostFormAsync(client, $"/cases/{caseId}/submissions/new", $"/cases/{caseId}/submissions/new",
            Submission("CEDAW", "IndividualCommunication", portal.Today().AddDays(-700), [new("FinalDecisionOn", Iso(views))], result: "ViolationFound")));
        var close = location + "/follow-up/close";

        var bad = await PageAsync(await PostFormAsync(client, close, close, [new("ClosedOn", Iso(views.AddDays(-5))), new("Result", "Satisfactory")]));
        bad.QuerySelector("[data-testid=error-ClosedOn]")!.TextContent.Should().Be(portal.English("The date cannot come before the submission or the views."));
        (await SubmissionsAsync(portal, caseId)).Single().FollowUpClosedOn.Should().BeNull();

        Location(await PostFormAsync(client, close, close, [new("ClosedOn", Iso(portal.Today().AddDays(-1))), new("Result", "Satisfactory")]));

        var stored = (await SubmissionsAsync(portal, caseId)).Single();
        stored.FollowUpClosedOn.Should().Be(portal.Today().AddDays(-1));
        stored.FollowUp.Should().Be(FollowUpStatus.Satisfactory);
        var reply = (await DeadlinesAsync(caseId)).Should().ContainSingle(d => d.Trigger == TriggerEvent.ViolationFound).Subject;
        reply.Status.Should().Be(DeadlineStatus.Dismissed);
        reply.ClosingNote.Should().Be(RecordFollowUpHandler.ClosedNote);
        var page = await client.GetDocumentAsync(location);
        page.QuerySelector("[data-testid=follow-up-closed]")!.TextContent.Should().Contain(portal.English("FollowUpStatus.Satisfactory"));
        page.QuerySelector("[data-testid=record-assessment]").Should().BeNull("a closed follow-up takes no more assessments");
        (await portal.AuditAsync(FollowUpAuditActions.Closed)).Should().ContainSingle(a => a.EntityId == stored.Id.ToString());

        (await client.SubmitFormAsync("/", [new("culture", "ru"), new("returnUrl", "/")], "/language")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var russian = await client.GetDocumentAsync($"/cases/{caseId}");
        russian.QuerySelectorAll("[data-testid=closed-deadlines] [data-testid=deadline-closing]").Select(c => c.TextContent)
            .Should().Contain(t => t.Contains("Процедура последующих мер закрыта."), "the note the portal wrote is shown in the reader's language")
            .And.NotContain(t => t.Contains(RecordFollowUpHandler.ClosedNote));
    }

    [Fact]
    public async Task A_submission_names_its_clients_among_the_case_clients_and_shows_on_their_pages()
    {
        var office = await portal.Office().WithCode("FUG").SaveAsync();
        var lawyer = await portal.Staff("fu-clients@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Назаров Далер", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync()).Id;
        var child = (await portal.Client(office.Id).Named("Назарова Малика").SaveAsync()).Id;
        var stranger = (await portal.Client(office.Id).Named("Посторонний Икром").SaveAsync()).Id;
        var principal = await portal.WithDbAsync(async db =>
        {
            var c = await db.Cases.Include(x => x.Clients).SingleAsync(x => x.Id == caseId);
            c.AddClient(child, CaseClientRole.FamilyMember, lawyer.Id, portal.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            return c.PrincipalClientId;
        });
        var client = await portal.SignedInClientAsync("fu-clients@test.local");
        var url = $"/cases/{caseId}/submissions/new";
        var form = await client.GetDocumentAsync(url);
        form.QuerySelectorAll("[data-testid=input-client]").Select(i => i.GetAttribute("value")).Should().BeEquivalentTo([principal.ToString(), child.ToString()]);

        var refused = await PostFormAsync(client, url, url, Submission("CRC", "IndividualCommunication", portal.Today().AddDays(-5), [new("ClientIds", stranger.ToString())]));
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await PageAsync(refused)).QuerySelector("[data-testid=error-ClientIds]")!.TextContent.Should().Be(portal.English("Choose the clients among this case's clients."));
        (await SubmissionsAsync(portal, caseId)).Should().BeEmpty();

        var location = Location(await PostFormAsync(client, url, url,
            Submission("CRC", "IndividualCommunication", portal.Today().AddDays(-5), [new("ClientIds", child.ToString()), new("ClientIds", principal.ToString())])));
        var id = IdIn(location, 3);
        (await portal.WithDbAsync(db => db.SubmissionClients.AsNoTracking().Where(s => s.SubmissionId == id).Select(s => s.ClientId).ToListAsync()))
            .Should().BeEquivalentTo([child, principal]);
        (await client.GetDocumentAsync(location)).QuerySelectorAll("[data-testid=submission-client]").Should().HaveCount(2);

        foreach (var person in new[] { child, principal })
        {
            var page = await client.GetDocumentAsync($"/clients/{person}");
            page.QuerySelectorAll("[data-testid=client-submission]").Should().ContainSingle(s => s.GetAttribute("data-submission-id") == id.ToString());
        }

    }

    [Fact]
    public async Task A_user_of_another_office_gets_404_for_the_follow_up_and_does_not_see_the_submission_on_the_client()
    {
        var (caseId, client) = await LawyerCaseAsync("FUH", "fu-own@test.local");
        var views = portal.Today().AddDays(-50);
        var location = Location(await PostFormAsync(client, $"/cases/{caseId}/submissions/new", $"/cases/{caseId}/submissions/new",
            Submission("CCPR", "IndividualCommunication", portal.Today().AddDays(-500), [new("FinalDecisionOn", Iso(views))], result: "ViolationFound")));
        var other = await portal.Office().WithCode("FUI").SaveAsync();
        await portal.Staff("fu-caseworker-elsewhere@test.local").InOffice(other.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var outsider = await portal.SignedInClientAsync("fu-caseworker-elsewhere@test.local");

        foreach (var url in new[] { location, location + "/follow-up/assess", location + "/follow-up/close" })
        {
            (await outsider.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound, url);
        }

        (await outsider.PostWithTokenOfAsync("/", location + "/follow-up/assess", [new("AssessedOn", Iso(views.AddDays(10))), new("Grade", "A")]))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await outsider.PostWithTokenOfAsync("/", location + "/follow-up/close", [new("ClosedOn", Iso(views.AddDays(10))), new("Result", "Satisfactory")]))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await portal.WithDbAsync(db => db.FollowUpRounds.CountAsync(r => r.SubmissionId == IdIn(location, 3)))).Should().Be(0);
        (await SubmissionsAsync(portal, caseId)).Single().FollowUpClosedOn.Should().BeNull("nothing was changed by the outsider");
    }

    private async Task<(Guid CaseId, HttpClient Client)> LawyerCaseAsync(string officeCode, string email)
    {
        var office = await portal.Office().WithCode(officeCode).SaveAsync();
        var lawyer = await portal.Staff(email).InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Каримов Бахтиёр", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync()).Id;
        return (caseId, await portal.SignedInClientAsync(email));
    }

    private static List<KeyValuePair<string, string>> Submission(
        string body, string kind, DateOnly submitted, IEnumerable<KeyValuePair<string, string>> more, string result = "Pending") =>
    [
        new("Body", body), new("Kind", kind), new("StateConcerned", "RU"), new("SubmittedOn", Iso(submitted)),
        new("Result", result), new("FollowUp", "NotApplicable"), .. more,
    ];

    private Task<List<CaseDeadline>> DeadlinesAsync(Guid caseId) =>
        portal.WithDbAsync(db => db.CaseDeadlines.AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.DueOn).ToListAsync());

    private static DateOnly LastMonday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
