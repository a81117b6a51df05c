using System.Net;
using System.Text.Json;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Security.Audit;
using static MigrantAid.Tests.Support.HttpForms;

namespace MigrantAid.Tests.Features.Cases.CaseSummary;

/// <summary>The printable one-page case summary for a hearing (GET /cases/{id}/summary).</summary>
public class CaseSummaryTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Account = "Worked three months without pay.";
    private const string NoteText = "Called the client: the foreman threatens him.";

    [Fact]
    public async Task Summary_shows_parties_status_lawyer_proceedings_and_next_dates_but_no_narrative()
    {
        var (caseId, client, _) = await CaseWithHistoryAsync("SUA", "summary-lawyer-a@test.local");

        var page = await client.GetDocumentAsync($"/cases/{caseId}/summary");

        var text = page.QuerySelector("[data-testid=case-summary]")!.TextContent;
        page.QuerySelector("[data-testid=summary-reference]")!.TextContent.Should().StartWith("SUA-");
        page.QuerySelector("[data-testid=summary-status]")!.TextContent.Should().Be(portal.English("CaseStatus." + (await portal.StoredCaseAsync(caseId)).Status));
        page.QuerySelector("[data-testid=summary-lawyer]")!.TextContent.Should().Be("Test summary-lawyer-a");
        page.QuerySelectorAll("[data-testid=summary-client]").Should().ContainSingle().Which.TextContent.Should().Contain("Сводкин Рустам");
        page.QuerySelector("[data-testid=summary-respondents]")!.TextContent.Should().Contain("Stroy-Invest LLC");
        page.QuerySelector("[data-testid=summary-proceeding]")!.TextContent.Should().Contain("Kazan District Court");
        page.QuerySelector("[data-testid=summary-decision]")!.TextContent.Should().Contain(portal.English("DecisionOutcome.Rejected"));
        page.QuerySelectorAll("[data-testid=summary-hearing]").Should().ContainSingle().Which.TextContent.Should().Contain("Room 12");
        page.QuerySelectorAll("[data-testid=summary-deadline]").Should().ContainSingle().Which.TextContent.Should().Contain("File the appeal");
        page.QuerySelector("[data-testid=summary-submission]")!.TextContent.Should().Contain("CMW/2026/7");
        text.Should().NotContain(Account, "the client's account is left out unless asked for").And.NotContain(NoteText, "so are the notes");
        page.QuerySelector("[data-testid=summary-no-account]")!.TextContent.Should().Contain("account and the notes are left out", "the summary says what it leaves out");
        var at = portal.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        page.QuerySelector("[data-testid=summary-printed-by]")!.TextContent.Should()
            .Be($"Printed by Test summary-lawyer-a <summary-lawyer-a@test.local> at {at} UTC.", "a printed copy names who printed it and when");
    }

    [Fact]
    public async Task Summary_includes_the_account_and_notes_when_chosen()
    {
        var (caseId, client, _) = await CaseWithHistoryAsync("SUB", "summary-lawyer-b@test.local");

        var page = await client.GetDocumentAsync($"/cases/{caseId}/summary?account=true");

        page.QuerySelector("[data-testid=summary-account-text]")!.TextContent.Should().Be(Account);
        page.QuerySelectorAll("[data-testid=summary-note]").Should().ContainSingle().Which.TextContent.Should().Contain(NoteText);
        page.QuerySelector("#summary-account")!.HasAttribute("checked").Should().BeTrue("the box stays ticked");
    }

    [Fact]
    public async Task Summary_of_another_offices_case_is_not_found()
    {
        var (caseId, _, _) = await CaseWithHistoryAsync("SUC", "summary-lawyer-c@test.local");
        var elsewhere = await portal.Office().WithCode("SUD").SaveAsync();
        await portal.Staff("summary-lawyer-d@test.local").InOffice(elsewhere.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var stranger = await portal.SignedInClientAsync("summary-lawyer-d@test.local");

        (await stranger.GetAsync($"/cases/{caseId}/summary")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/cases/{Guid.NewGuid()}/summary")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await portal.AuditAsync(CaseAuditActions.CaseSummaryPrinted)).Should().NotContain(a => a.EntityId == caseId.ToString(), "a refusal prints nothing");
    }

    [Fact]
    public async Task Each_summary_is_audited_as_a_printed_view_with_the_choice_of_account()
    {
        var (caseId, client, lawyer) = await CaseWithHistoryAsync("SUE", "summary-lawyer-e@test.local");

        (await client.GetAsync($"/cases/{caseId}/summary")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync($"/cases/{caseId}/summary?account=true")).StatusCode.Should().Be(HttpStatusCode.OK);

        var rows = (await portal.AuditAsync(CaseAuditActions.CaseSummaryPrinted)).Where(a => a.EntityId == caseId.ToString()).ToList();
        rows.Should().HaveCount(2).And.OnlyContain(a => a.ActorId == lawyer && a.EntityType == "case");
        rows.Select(a => JsonDocument.Parse(a.Details!).RootElement.GetProperty("account").GetBoolean()).Should().Equal(false, true);
        rows.Should().OnlyContain(a => !a.Details!.Contains("Рустам"), "no names in the audit trail");
    }

    [Fact]
    public async Task Case_page_links_to_its_summary()
    {
        var (caseId, client, _) = await CaseWithHistoryAsync("SUF", "summary-lawyer-f@test.local");

        var page = await client.GetDocumentAsync($"/cases/{caseId}");

        page.QuerySelector("[data-testid=print-summary]")!.GetAttribute("href").Should().Be($"/cases/{caseId}/summary");
    }

    /// <summary>A case with a lead lawyer, a decided proceeding with a hearing ahead, an open deadline, a UN submission and a note.</summary>
    private async Task<(Guid CaseId, HttpClient Client, Guid LawyerId)> CaseWithHistoryAsync(string code, string lawyerEmail)
    {
        var office = await portal.Office().WithCode(code).SaveAsync();
        var lawyer = await portal.Staff(lawyerEmail).InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Сводкин Рустам", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync()).Id;
        var now = portal.Clock.GetUtcNow();
        await portal.WithDbAsync(async db =>
        {
            var proceeding = new CourtProceeding(caseId, "RU", "Kazan District Court", CourtInstance.FirstInstance, ProceedingType.Civil,
                "Unpaid wages", ProceedingClientRole.Claimant, portal.Today().AddDays(-60), lawyer.Id, now)
            {
                CourtCaseNumber = "2-123/2026",
            };
            db.CourtProceedings.Add(proceeding);
            db.CourtDecisions.Add(new CourtDecision(proceeding.Id, caseId, portal.Today().AddDays(-10), DecisionOutcome.Rejected, lawyer.Id, now));
            db.Hearings.Add(new Hearing(proceeding.Id, caseId, now.AddDays(7), "Room 12", lawyer.Id, now));
            db.CaseDeadlines.Add(new CaseDeadline(caseId, DeadlineKind.Manual, "File the appeal", portal.Today().AddDays(20), lawyer.Id, now));
            var submission = new InternationalSubmission(caseId, lawyer.Id, now)
            {
                Body = InternationalBody.CMW,
                Kind = SubmissionKind.IndividualCommunication,
                StateConcerned = "RU",
                SubmittedOn = portal.Today().AddDays(-5),
                BodyReference = "CMW/2026/7",
            };
            db.InternationalSubmissions.Add(submission);
            return await db.SaveChangesAsync();
        });
        var client = await portal.SignedInClientAsync(lawyerEmail);
        Location(await PostFormAsync(client, $"/cases/{caseId}", $"/cases/{caseId}/notes", [new("Note.Kind", "Call"), new("Note.Text", NoteText)]))
            .Should().Be($"/cases/{caseId}#timeline");
        return (caseId, client, lawyer.Id);
    }
}
