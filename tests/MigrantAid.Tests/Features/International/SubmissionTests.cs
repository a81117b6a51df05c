using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.International;
using static MigrantAid.Tests.Features.International.InternationalPages;
using static MigrantAid.Tests.Support.FormValues;
using static MigrantAid.Tests.Support.HttpForms;

namespace MigrantAid.Tests.Features.International;

public class SubmissionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Submission_with_a_registration_date_creates_the_deadline_of_a_matching_rule()
    {
        var rule = await portal.WithDbAsync(async db =>
        {
            var r = new DeadlineRule
            {
                Name = "CRC: reply after registration",
                Forum = "CRC",
                Procedure = "Individual communication",
                Trigger = TriggerEvent.RegisteredByBody,
                Period = 6,
                Unit = PeriodUnit.Months,
                IsActive = true,
            };
            db.DeadlineRules.Add(r);
            await db.SaveChangesAsync();
            return r;
        });
        var office = await portal.Office().WithCode("SBD").SaveAsync();
        var lawyer = await portal.Staff("submission-lawyer@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Регистров Алишер", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync()).Id;
        var client = await portal.SignedInClientAsync("submission-lawyer@test.local");
        var submitted = portal.Today().AddDays(-40);
        var registered = portal.Today().AddDays(-12);

        var response = await PostFormAsync(client, $"/cases/{caseId}/submissions/new", $"/cases/{caseId}/submissions/new",
        [
            new("Body", "CRC"),
            new("Kind", "IndividualCommunication"),
            new("StateConcerned", "RU"),
            new("SubmittedOn", Iso(submitted)),
            new("RegisteredOn", Iso(registered)),
            new("BodyReference", "CRC/C/99/D/321/2026"),
            new("Result", "Registered"),
            new("FollowUp", "NotApplicable"),
            new("Notes", "Deportation of the child without the parents."),
        ]);

        var location = Location(response);
        var submission = (await SubmissionsAsync(portal, caseId)).Should().ContainSingle().Subject;
        location.Should().Be($"/cases/{caseId}/submissions/{submission.Id}");
        submission.Body.Should().Be(InternationalBody.CRC);
        submission.RegisteredOn.Should().Be(registered);
        submission.BodyReference.Should().Be("CRC/C/99/D/321/2026");

        var deadline = (await portal.WithDbAsync(db => db.CaseDeadlines.AsNoTracking().Where(d => d.CaseId == caseId).ToListAsync()))
            .Should().ContainSingle("one rule matches CRC and the registration").Subject;
        deadline.RuleId.Should().Be(rule.Id);
        deadline.Trigger.Should().Be(TriggerEvent.RegisteredByBody);
        deadline.TriggerDate.Should().Be(registered);
        deadline.SourceType.Should().Be("submission");
        deadline.SourceId.Should().Be(submission.Id);
        deadline.DueOn.Should().BeOnOrAfter(registered.AddMonths(6)).And.BeOnOrBefore(registered.AddMonths(6).AddDays(4),
            "six months after registration (a non-working day may push it a little)");

        var page = await client.GetDocumentAsync(location);
        page.QuerySelector("[data-testid=submission-reference]")!.TextContent.Should().Be("CRC/C/99/D/321/2026");
        page.QuerySelectorAll("[data-testid=submission-deadline]").Should().ContainSingle();
        var casePage = await client.GetDocumentAsync($"/cases/{caseId}");
        casePage.QuerySelectorAll("[data-testid=case-submission]").Should().ContainSingle(s => s.GetAttribute("data-submission-id") == submission.Id.ToString());

        var created = (await portal.AuditAsync(InternationalAuditActions.SubmissionCreated)).Should().ContainSingle(a => a.EntityId == submission.Id.ToString()).Subject;
        created.ActorId.Should().Be(lawyer.Id);
        created.Details.Should().NotContain("Deportation", "narratives stay out of the audit trail");
        (await portal.AuditAsync(InternationalAuditActions.SubmissionViewed)).Should().ContainSingle(a => a.EntityId == submission.Id.ToString());
    }

    [Fact]
    public async Task Bad_dates_are_refused_at_their_fields_and_nothing_is_written()
    {
        var office = await portal.Office().WithCode("SBB").SaveAsync();
        var lawyer = await portal.Staff("baddates-lawyer@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Датов Фарход", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync()).Id;
        var client = await portal.SignedInClientAsync("baddates-lawyer@test.local");
        var url = $"/cases/{caseId}/submissions/new";

        var response = await PostFormAsync(client, url, url,
        [
            new("Body", "CCPR"),
            new("Kind", "IndividualCommunication"),
            new("StateConcerned", "KZ"),
            new("SubmittedOn", Iso(portal.Today().AddDays(-5))),
            new("RegisteredOn", Iso(portal.Today().AddDays(-9))),
            new("StateObservationsOn", Iso(portal.Today().AddDays(3))),
            new("FinalDecisionOn", Iso(portal.Today().AddDays(-20))),
            new("BodyReference", "CCPR/C/1234/2026"),
            new("Result", "ViolationFound"),
            new("FollowUp", "Ongoing"),
            new("Notes", "Typed notes must survive."),
        ]);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await PageAsync(response);
        page.QuerySelector("[data-testid='error-RegisteredOn']")!.TextContent.Should().Be(portal.English("The body cannot have registered the submission before it was submitted."));
        page.QuerySelector("[data-testid='error-StateObservationsOn']")!.TextContent.Should().Be(portal.English("The date of the state's observations cannot be in the future."));
        page.QuerySelector("[data-testid='error-FinalDecisionOn']")!.TextContent.Should().Be(portal.English("The final decision cannot come before the submission."));
        page.QuerySelector("input[name=BodyReference]")!.GetAttribute("value").Should().Be("CCPR/C/1234/2026", "typed values are kept");
        page.QuerySelector("textarea[name=Notes]")!.TextContent.Should().Be("Typed notes must survive.");
        page.QuerySelector("input[name=RegisteredOn]")!.GetAttribute("value").Should().Be(Iso(portal.Today().AddDays(-9)));
        page.QuerySelector("select[name=Result] option[selected]")!.GetAttribute("value").Should().Be("ViolationFound");

        var future = await PostFormAsync(client, url, url,
        [
            new("Body", "CCPR"), new("Kind", "IndividualCommunication"), new("StateConcerned", "KZ"),
            new("SubmittedOn", Iso(portal.Today().AddDays(1))), new("Result", "Inadmissible"), new("FollowUp", "NotApplicable"),
        ]);
        var futurePage = await PageAsync(future);
        futurePage.QuerySelector("[data-testid='error-SubmittedOn']")!.TextContent.Should().Be(portal.English("The submission date cannot be in the future."));
        futurePage.QuerySelector("[data-testid='error-FinalDecisionOn']")!.TextContent.Should().Be(portal.English("Enter the date of the final decision or views for this result."));

        var missing = await PostFormAsync(client, url, url, [new("Body", ""), new("Kind", ""), new("StateConcerned", "XX"), new("SubmittedOn", "not a date")]);
        missing.StatusCode.Should().Be(HttpStatusCode.OK);
        var missingPage = await PageAsync(missing);
        missingPage.QuerySelector("[data-testid=error-Body]")!.TextContent.Should().Be(portal.English("Choose the body."));
        missingPage.QuerySelector("[data-testid=error-Kind]")!.TextContent.Should().Be(portal.English("Choose the kind of submission."));
        missingPage.QuerySelector("[data-testid=error-StateConcerned]")!.TextContent.Should().Be(portal.English("Choose a state from the list."));
        missingPage.QuerySelector("[data-testid=error-SubmittedOn]")!.TextContent.Should().NotBeEmpty();
        missingPage.QuerySelector("input[name=SubmittedOn]")!.GetAttribute("value").Should().Be("not a date");

        (await SubmissionsAsync(portal, caseId)).Should().BeEmpty("a refused form writes nothing");
        (await portal.WithDbAsync(db => db.CaseDeadlines.CountAsync(d => d.CaseId == caseId))).Should().Be(0);
    }

    [Fact]
    public async Task Lawyer_not_on_the_case_gets_404_for_its_submissions()
    {
        var office = await portal.Office().WithCode("SBN").SaveAsync();
        var lawyer = await portal.Staff("own-lawyer@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        await portal.Staff("other-lawyer@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Чужов Тимур", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync()).Id;
        var own = await portal.SignedInClientAsync("own-lawyer@test.local");
        var location = Location(await PostFormAsync(own, $"/cases/{caseId}/submissions/new", $"/cases/{caseId}/submissions/new",
        [
            new("Body", "CERD"), new("Kind", "IndividualCommunication"), new("StateConcerned", "RU"),
            new("SubmittedOn", Iso(portal.Today().AddDays(-3))), new("Result", "Pending"), new("FollowUp", "NotApplicable"),
        ]));
        var other = await portal.SignedInClientAsync("other-lawyer@test.local");

        foreach (var url in new[] { $"/cases/{caseId}/submissions/new", location, location + "/edit", $"/cases/{caseId}/recommendations/link" })
        {
            (await other.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound, url);
        }

        var post = await other.PostWithTokenOfAsync("/", $"/cases/{caseId}/submissions/new",
        [
            new("Body", "CAT"), new("Kind", "UrgentAppeal"), new("StateConcerned", "RU"),
            new("SubmittedOn", Iso(portal.Today())), new("Result", "Pending"), new("FollowUp", "NotApplicable"),
        ]);
        post.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var edit = await other.PostWithTokenOfAsync("/", location + "/edit",
        [
            new("Body", "CAT"), new("Kind", "UrgentAppeal"), new("StateConcerned", "RU"),
            new("SubmittedOn", Iso(portal.Today())), new("Result", "Pending"), new("FollowUp", "NotApplicable"), new("Version", "0"),
        ]);
        edit.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await SubmissionsAsync(portal, caseId)).Should().ContainSingle().Which.Body.Should().Be(InternationalBody.CERD, "nothing was changed by the outsider");
    }

    [Fact]
    public async Task Form_warns_when_the_state_has_not_accepted_the_individual_communication_procedure()
    {
        var office = await portal.Office().WithCode("SBW").SaveAsync();
        var lawyer = await portal.Staff("warn-lawyer@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Предупреждов Улугбек", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync()).Id;
        var client = await portal.SignedInClientAsync("warn-lawyer@test.local");
        var url = $"/cases/{caseId}/submissions/new";

        var notAccepted = await PageAsync(await PostFormAsync(client, url, url, [new("Body", "CRC"), new("StateConcerned", "RU"), new("Kind", "")]));
        var warning = notAccepted.QuerySelector("[data-testid=acceptance-note]")!;
        warning.GetAttribute("data-accepted").Should().Be("false");
        warning.ClassList.Should().Contain("alert-warning");
        warning.QuerySelector("[data-testid=acceptance-verify]").Should().NotBeNull("the shipped value is not confirmed yet");

        var accepted = await PageAsync(await PostFormAsync(client, url, url, [new("Body", "CCPR"), new("StateConcerned", "KZ"), new("Kind", "")]));
        var note = accepted.QuerySelector("[data-testid=acceptance-note]")!;
        note.GetAttribute("data-accepted").Should().Be("true");
        note.ClassList.Should().Contain("alert-info");

        var unknown = await PageAsync(await PostFormAsync(client, url, url, [new("Body", "CCPR"), new("StateConcerned", "DE"), new("Kind", "")]));
        unknown.QuerySelector("[data-testid=acceptance-note]")!.GetAttribute("data-known").Should().Be("false");

        var upr = await PageAsync(await PostFormAsync(client, url, url, [new("Body", "UPR"), new("StateConcerned", "KZ"), new("Kind", "")]));
        upr.QuerySelector("[data-testid=acceptance-note]").Should().BeNull("the UPR takes no individual communications");
    }

    [Fact]
    public async Task Concurrent_edit_of_a_submission_is_refused_with_its_current_values()
    {
        var office = await portal.Office().WithCode("SBC").SaveAsync();
        var lawyer = await portal.Staff("conc-sub-lawyer@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        await portal.Staff("conc-sub-coordinator@test.local").WithRoles(Roles.Coordinator).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Параллелов Жасур", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync()).Id;
        var first = await portal.SignedInClientAsync("conc-sub-lawyer@test.local");
        var second = await portal.SignedInClientAsync("conc-sub-coordinator@test.local");
        var location = Location(await PostFormAsync(first, $"/cases/{caseId}/submissions/new", $"/cases/{caseId}/submissions/new",
        [
            new("Body", "CEDAW"), new("Kind", "IndividualCommunication"), new("StateConcerned", "KG"),
            new("SubmittedOn", Iso(portal.Today().AddDays(-30))), new("Result", "Pending"), new("FollowUp", "NotApplicable"),
        ]));
        var url = location + "/edit";
        var firstForm = await first.GetDocumentAsync(url);
        var secondForm = await second.GetDocumentAsync(url);
        IEnumerable<KeyValuePair<string, string>> Fields(string reference) =>
        [
            new("Body", "CEDAW"), new("Kind", "IndividualCommunication"), new("StateConcerned", "KG"),
            new("SubmittedOn", Iso(portal.Today().AddDays(-30))), new("BodyReference", reference), new("Result", "Pending"), new("FollowUp", "NotApplicable"),
        ];

        Location(await PostFormAsync(first, firstForm, url, Fields("CEDAW/C/1/2026"))).Should().Be(location);
        var refused = await PostFormAsync(second, secondForm, url, Fields("CEDAW/C/2/2026"));

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await PageAsync(refused);
        page.QuerySelector("[data-testid=conflict]")!.TextContent.Should().Contain(portal.English("Someone else changed this submission while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead."));
        page.QuerySelector("[data-testid=current-BodyReference]")!.TextContent.Should().Be("CEDAW/C/1/2026");
        page.QuerySelector("input[name=BodyReference]")!.GetAttribute("value").Should().Be("CEDAW/C/2/2026");
        (await SubmissionsAsync(portal, caseId)).Single().BodyReference.Should().Be("CEDAW/C/1/2026");

        Location(await PostFormAsync(second, page, url, Fields("CEDAW/C/2/2026"))).Should().Be(location);
        (await SubmissionsAsync(portal, caseId)).Single().BodyReference.Should().Be("CEDAW/C/2/2026");
        var updated = (await portal.AuditAsync(InternationalAuditActions.SubmissionUpdated)).Where(a => a.EntityId == HttpForms.IdIn(location, 3).ToString()).ToList();
        updated.Should().HaveCount(2);
        JsonDocument.Parse(updated[^1].Details!).RootElement.GetProperty("changes")[0].GetProperty("new").GetString().Should().Be("CEDAW/C/2/2026");
    }
}
