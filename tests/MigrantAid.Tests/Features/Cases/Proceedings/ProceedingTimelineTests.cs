using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.International;
using static MigrantAid.Tests.Support.FormValues;
using static MigrantAid.Tests.Support.HttpForms;

namespace MigrantAid.Tests.Features.Cases.Proceedings;

/// <summary>The case page's timeline shows the case's legal work among its events, and a decided proceeding is no longer pending.</summary>
public class ProceedingTimelineTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Court = "Timeline District Court of Moscow";

    private static List<(string Kind, string Text)> Timeline(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=timeline-entry]")
            .Select(e => (e.GetAttribute("data-kind") ?? "", (e.QuerySelector("[data-testid=timeline-record]") ?? e.QuerySelector("[data-testid=timeline-text]"))?.TextContent.Trim() ?? ""))
            .ToList();

    private static string? State(IHtmlDocument page) =>
        page.QuerySelector("[data-testid=proceeding] [data-testid=proceeding-state]")?.TextContent.Trim();

    private void Later() => portal.Clock.Advance(TimeSpan.FromMinutes(5));

    [Fact]
    public async Task Proceeding_hearing_decision_submission_and_deadline_show_in_the_timeline_newest_first()
    {
        var office = await portal.Office().WithCode("PTML").SaveAsync();
        var (caseId, client, lawyer) = await LawyerCase.OpenAsync(portal, office, "timeline-lawyer@test.local");
        var today = portal.Today();
        var startsAt = portal.Clock.GetUtcNow().AddDays(12);
        var hearingLocal = TimeZoneInfo.ConvertTime(startsAt, TimeZoneInfo.FindSystemTimeZoneById(OfficeBuilder.DefaultTimeZone)).DateTime;

        Later();
        var proceeding = (await portal.Proceeding(caseId).OpenedOn(today.AddDays(-30)).InCourt(Court).SaveAsync()).Id;
        Later();
        await new HearingBuilder(portal, caseId, proceeding).At(startsAt).SaveAsync();
        State(await client.GetDocumentAsync($"/cases/{caseId}")).Should().Be(portal.English("Pending"));

        Later();
        await new DecisionBuilder(portal, caseId, proceeding).On(today.AddDays(-2)).SaveAsync();
        Later();
        Location(await PostFormAsync(client, $"/cases/{caseId}", $"/cases/{caseId}/notes", [new("Note.Kind", "Court"), new("Note.Text", "The court rejected the complaint.")]))
            .Should().Be($"/cases/{caseId}#timeline");
        Later();
        await SubmissionAsync(caseId, lawyer.Id, today.AddDays(-1));
        Later();
        var deadline = await DeadlineAsync(caseId, lawyer.Id, today.AddDays(8));
        Later();
        await DoneAsync(deadline, lawyer.Id);

        var page = await client.GetDocumentAsync($"/cases/{caseId}");
        var due = portal.English("{0}, due {1}", "Appeal to the city court", Shown(today.AddDays(8)));
        var expected = new List<(string Kind, string Text)>
        {
            ("DeadlineDone", due),
            ("DeadlineCreated", due),
            ("SubmissionFiled", portal.English("Submitted to {0} on {1}", portal.English("InternationalBody.CRC"), Shown(today.AddDays(-1)))),
            ("Note", "The court rejected the complaint."),
            ("DecisionRecorded", portal.English("Decision of {0} ({1}): {2}", Shown(today.AddDays(-2)), Court, portal.English("DecisionOutcome.Rejected"))),
            ("HearingScheduled", portal.English("Hearing on {0} at {1}", Shown(hearingLocal), Court)),
            ("ProceedingOpened", portal.English("{0}, {1}, opened on {2}", Court, portal.English("CourtInstance.FirstInstance"), Shown(today.AddDays(-30)))),
        };
        var timeline = Timeline(page);
        timeline.Take(expected.Count).Should().Equal(expected);
        timeline.Skip(expected.Count).Select(e => e.Kind).Should().Contain("Opened", "the case's own older events follow the records");

        State(page).Should().Be(portal.English("Decided: {0}", portal.English("DecisionOutcome.Rejected")));
        page.QuerySelector("[data-testid=proceeding]")!.TextContent.Should().NotContain(portal.English("Pending"));
    }

    [Fact]
    public async Task A_record_shows_once_on_the_timeline_page_whose_events_surround_it()
    {
        var office = await portal.Office().WithCode("PTPG").SaveAsync();
        var (caseId, client, lawyer) = await LawyerCase.OpenAsync(portal, office, "timeline-pages@test.local");
        Later();
        await portal.Proceeding(caseId).OpenedOn(portal.Today()).InCourt(Court).SaveAsync();
        for (var i = 0; i < 55; i++)
        {
            Later();
            await NoteAsync(caseId, lawyer.Id, "Call " + i);
        }

        var newest = await client.GetDocumentAsync($"/cases/{caseId}");
        Timeline(newest).Should().HaveCount(50).And.OnlyContain(e => e.Kind == "Note");
        var older = newest.QuerySelector("[data-testid=timeline-older]")!.GetAttribute("href")!;

        var kinds = Timeline(await client.GetDocumentAsync(older)).Select(e => e.Kind).ToList();
        kinds.Take(5).Should().OnlyContain(k => k == "Note");
        kinds.Count(k => k == "ProceedingOpened").Should().Be(1);
        kinds.IndexOf("ProceedingOpened").Should().Be(5, "the proceeding was recorded after the case's first events and before the notes");
    }

    private Task<int> NoteAsync(Guid caseId, Guid by, string text) =>
        portal.WithDbAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == caseId);
            db.Add(c.AddNote(Web.Domain.Cases.NoteKind.Call, text, by, portal.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });

    private Task SubmissionAsync(Guid caseId, Guid by, DateOnly submittedOn) =>
        portal.WithDbAsync(async db =>
        {
            db.InternationalSubmissions.Add(new InternationalSubmission(caseId, by, portal.Clock.GetUtcNow())
            {
                Body = InternationalBody.CRC,
                Kind = SubmissionKind.IndividualCommunication,
                StateConcerned = "RU",
                SubmittedOn = submittedOn,
            });
            return await db.SaveChangesAsync();
        });

    private Task<Guid> DeadlineAsync(Guid caseId, Guid by, DateOnly dueOn) =>
        portal.WithDbAsync(async db =>
        {
            var deadline = new CaseDeadline(caseId, DeadlineKind.Manual, "Appeal to the city court", dueOn, by, portal.Clock.GetUtcNow());
            db.CaseDeadlines.Add(deadline);
            await db.SaveChangesAsync();
            return deadline.Id;
        });

    private Task DoneAsync(Guid deadlineId, Guid by) =>
        portal.WithDbAsync(async db =>
        {
            var deadline = await db.CaseDeadlines.SingleAsync(d => d.Id == deadlineId);
            deadline.Status = DeadlineStatus.Done;
            deadline.ClosedAt = portal.Clock.GetUtcNow();
            deadline.ClosedBy = by;
            return await db.SaveChangesAsync();
        });
}
