using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Security.Audit;
using static MigrantAid.Tests.Support.HttpForms;

namespace MigrantAid.Tests.Features.Cases.Deadlines;

/// <summary>Deadlines on the case page, through HTTP on PostgreSQL with the shipped rules and calendars.</summary>
public class CaseDeadlineTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Recording_an_event_creates_the_deadline_with_its_arithmetic()
    {
        var (caseId, client, _) = await CaseWithLawyerAsync("event", "DEV");

        // 9 February 2026 + 3 months = Saturday 9 May (Victory Day); Sunday 10 May; Monday 11 May is the day off for 9 May.
        var response = await PostFormAsync(client, $"/cases/{caseId}/deadlines/event", $"/cases/{caseId}/deadlines/event",
            [new("Trigger", "PersonLearnedOfDecision"), new("Forum", "RU"), new("Date", "2026-02-09")]);

        var location = Location(response);
        location.Should().StartWith($"/cases/{caseId}/deadlines/events/");
        var page = await client.GetDocumentAsync(location);
        var item = page.QuerySelectorAll("[data-testid=deadline]").Should().ContainSingle().Subject;
        item.GetAttribute("data-due").Should().Be("2026-05-12");
        item.QuerySelector("[data-testid=deadline-title]")!.TextContent.Should().Be("Challenge to a decision of a state body (e.g. an entry ban)");
        item.QuerySelector("[data-testid=deadline-rule]")!.TextContent.Should().Be(portal.English("Rule for {0}", portal.English("Country.RU")));
        item.QuerySelector("[data-testid=deadline-trigger]")!.TextContent.Should().Contain(portal.English("TriggerEvent.PersonLearnedOfDecision"));
        item.QuerySelector("[data-testid=deadline-rule-unverified]").Should().NotBeNull("the shipped rule is not confirmed yet");
        var steps = item.QuerySelectorAll("[data-testid=arithmetic-step]").Select(s => s.TextContent).ToList();
        steps.Should().Contain(s => s.Contains("Sat 9 May 2026") && s.Contains("Victory Day") && s.Contains("Tue 12 May 2026"),
            "the move over the holiday and the weekend is explained");
        steps.Last().Should().Be(portal.English("Due on {0}.", "Tue 12 May 2026"));

        var stored = await portal.WithDbAsync(db => db.CaseDeadlines.AsNoTracking().SingleAsync(d => d.CaseId == caseId));
        stored.Kind.Should().Be(DeadlineKind.Computed);
        stored.RuleId.Should().Be(4);
        stored.DueOn.Should().Be(new DateOnly(2026, 5, 12));
        stored.ComputedOn.Should().Be(stored.DueOn);
        stored.TriggerDate.Should().Be(new DateOnly(2026, 2, 9));
        var arithmetic = DeadlineArithmetic.FromJson(stored.Arithmetic)!;
        arithmetic.PeriodEnd.Should().Be(new DateOnly(2026, 5, 9));
        arithmetic.MovedOver.Select(d => d.Date.Day).Should().Equal(9, 10, 11);
        var audit = (await portal.AuditAsync(DeadlineAuditActions.EventRecorded)).Should().ContainSingle(a => a.EntityId == caseId.ToString()).Subject;
        audit.Details.Should().Contain(stored.Id.ToString()).And.Contain("PersonLearnedOfDecision");

        var casePage = await client.GetDocumentAsync($"/cases/{caseId}");
        casePage.QuerySelector("[data-testid=open-deadlines] [data-testid=deadline]")!.GetAttribute("data-deadline-id").Should().Be(stored.Id.ToString());
    }

    [Fact]
    public async Task A_UN_committee_deadline_is_not_moved_for_a_weekend()
    {
        var (caseId, client, _) = await CaseWithLawyerAsync("cerd", "DCRD");

        // CERD: 4 January 2026 + 6 months = Saturday 4 July 2026, not moved.
        Location(await PostFormAsync(client, $"/cases/{caseId}/deadlines/event", $"/cases/{caseId}/deadlines/event",
            [new("Trigger", "DomesticRemediesExhausted"), new("Forum", "CERD"), new("Date", "2026-01-04")]));

        var stored = await portal.WithDbAsync(db => db.CaseDeadlines.AsNoTracking().SingleAsync(d => d.CaseId == caseId));
        stored.DueOn.Should().Be(new DateOnly(2026, 7, 4));
        var page = await client.GetDocumentAsync($"/cases/{caseId}");
        page.QuerySelectorAll("[data-testid=arithmetic-step]").Select(s => s.TextContent)
            .Should().Contain(portal.English("No country calendar applies to this forum: a deadline on a weekend or holiday is not moved."));
    }

    [Fact]
    public async Task An_event_no_rule_applies_to_or_dated_in_the_future_is_refused_with_the_values_kept()
    {
        var (caseId, client, _) = await CaseWithLawyerAsync("norule", "DNOR");
        var url = $"/cases/{caseId}/deadlines/event";

        var noRule = await PostFormAsync(client, url, url, [new("Trigger", "HearingSet"), new("Forum", "CRC"), new("Date", "2026-03-02")]);
        noRule.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await PageAsync(noRule);
        page.QuerySelector("[data-testid=form-errors]")!.TextContent.Should().Contain(portal.English("No active deadline rule applies to this event in this country or body, so no deadline was computed. Check the event and the procedure, add a manual deadline, or ask an administrator for a rule."));
        page.QuerySelector("select[name=Forum] option[selected]")!.GetAttribute("value").Should().Be("CRC");
        page.QuerySelector("input[name=Date]")!.GetAttribute("value").Should().Be("2026-03-02");

        var future = await PostFormAsync(client, url, url, [new("Trigger", "DomesticRemediesExhausted"), new("Forum", "CRC"), new("Date", Iso(portal.Today().AddDays(2)))]);
        (await PageAsync(future)).QuerySelector("[data-testid=error-Date]")!.TextContent.Should().Be(portal.English("The event cannot be dated in the future."));

        var garbage = await PostFormAsync(client, url, url, [new("Trigger", "DomesticRemediesExhausted"), new("Forum", "Mars"), new("Date", "31.02.2026")]);
        garbage.StatusCode.Should().Be(HttpStatusCode.OK);
        var garbagePage = await PageAsync(garbage);
        garbagePage.QuerySelector("[data-testid=error-Forum]")!.TextContent.Should().Be(portal.English("Choose the country or the international body."));
        garbagePage.QuerySelector("[data-testid=error-Date]")!.TextContent.Should().NotBeEmpty();
        garbagePage.QuerySelector("input[name=Date]")!.GetAttribute("value").Should().Be("31.02.2026", "what was typed is kept");

        (await portal.WithDbAsync(db => db.CaseDeadlines.CountAsync(d => d.CaseId == caseId))).Should().Be(0, "nothing is half-written");
        (await portal.AuditAsync(DeadlineAuditActions.EventRecorded)).Should().NotContain(a => a.EntityId == caseId.ToString());
    }

    [Fact]
    public async Task Moving_a_date_without_a_reason_is_refused_and_nothing_changes()
    {
        var (caseId, client, _) = await CaseWithLawyerAsync("noreason", "DNRS");
        var deadline = await ComputedDeadlineAsync(client, caseId);
        var url = $"/cases/{caseId}/deadlines/{deadline}/move";

        var response = await PostFormAsync(client, url, url, [new("NewDate", "2026-05-20"), new("Reason", "  ")]);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await PageAsync(response);
        page.QuerySelector("[data-testid=error-Reason]")!.TextContent.Should().Be(portal.English("Say why the date moves."));
        page.QuerySelector("input[name=NewDate]")!.GetAttribute("value").Should().Be("2026-05-20", "the typed date is kept");
        var stored = await portal.WithDbAsync(db => db.CaseDeadlines.AsNoTracking().SingleAsync(d => d.Id == deadline));
        stored.DueOn.Should().Be(new DateOnly(2026, 5, 12));
        stored.OverrideReason.Should().BeNull();
        (await portal.AuditAsync(DeadlineAuditActions.DeadlineMoved)).Should().NotContain(a => a.EntityId == caseId.ToString());

        var badDate = await PostFormAsync(client, url, url, [new("NewDate", "20 Maytember"), new("Reason", "The court extended the period.")]);
        var badPage = await PageAsync(badDate);
        badPage.QuerySelector("[data-testid=error-NewDate]")!.TextContent.Should().NotBeEmpty();
        badPage.QuerySelector("textarea[name=Reason]")!.TextContent.Should().Be("The court extended the period.");

        var sameDate = await PostFormAsync(client, url, url, [new("NewDate", "2026-05-12"), new("Reason", "No change really.")]);
        (await PageAsync(sameDate)).QuerySelector("[data-testid=error-NewDate]")!.TextContent.Should().Be(portal.English("The new date is the deadline's date already."));
        (await portal.WithDbAsync(db => db.CaseDeadlines.AsNoTracking().SingleAsync(d => d.Id == deadline))).DueOn.Should().Be(new DateOnly(2026, 5, 12));
    }

    [Fact]
    public async Task Moving_a_date_with_a_reason_is_audited_with_the_old_and_new_date()
    {
        var (caseId, client, lawyer) = await CaseWithLawyerAsync("move", "DMOV");
        var deadline = await ComputedDeadlineAsync(client, caseId);
        var url = $"/cases/{caseId}/deadlines/{deadline}/move";

        Location(await PostFormAsync(client, url, url, [new("NewDate", "2026-05-08"), new("Reason", "File before the May holidays to be safe.")]))
            .Should().Be($"/cases/{caseId}#deadlines");

        var stored = await portal.WithDbAsync(db => db.CaseDeadlines.AsNoTracking().SingleAsync(d => d.Id == deadline));
        stored.DueOn.Should().Be(new DateOnly(2026, 5, 8));
        stored.ComputedOn.Should().Be(new DateOnly(2026, 5, 12), "the rule's date is kept beside the moved one");
        stored.OverrideReason.Should().Be("File before the May holidays to be safe.");
        var audit = (await portal.AuditAsync(DeadlineAuditActions.DeadlineMoved)).Should().ContainSingle(a => a.EntityId == caseId.ToString()).Subject;
        audit.ActorId.Should().Be(lawyer);
        var details = JsonDocument.Parse(audit.Details!).RootElement;
        details.GetProperty("old").GetString().Should().Be("2026-05-12");
        details.GetProperty("new").GetString().Should().Be("2026-05-08");
        details.GetProperty("reason").GetString().Should().Be("File before the May holidays to be safe.");

        var page = await client.GetDocumentAsync($"/cases/{caseId}");
        page.QuerySelector($"[data-deadline-id='{deadline}'] [data-testid=deadline-moved]")!.TextContent
            .Should().Contain("Tue 12 May 2026").And.Contain("File before the May holidays to be safe.");
    }

    [Fact]
    public async Task Two_people_moving_the_same_date_do_not_overwrite_each_other()
    {
        var (caseId, client, _) = await CaseWithLawyerAsync("race", "DRCE");
        await portal.Staff("deadline-race-coordinator@test.local").WithRoles(Roles.Coordinator).SaveAsync();
        var coordinator = await portal.SignedInClientAsync("deadline-race-coordinator@test.local");
        var deadline = await ComputedDeadlineAsync(client, caseId);
        var url = $"/cases/{caseId}/deadlines/{deadline}/move";
        var lawyerForm = await client.GetDocumentAsync(url);
        var coordinatorForm = await coordinator.GetDocumentAsync(url);

        Location(await PostFormAsync(coordinator, coordinatorForm, url, [new("NewDate", "2026-05-06"), new("Reason", "Court registry closes early that week.")]));
        var refused = await PostFormAsync(client, lawyerForm, url, [new("NewDate", "2026-05-07"), new("Reason", "My own reason.")]);

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await PageAsync(refused);
        page.QuerySelector("[data-testid=form-errors]")!.TextContent.Should().Contain(portal.English("Someone else changed this deadline while you were working on it. It is shown as it is now and nothing was overwritten. Your entries are kept: save again to go ahead."));
        page.QuerySelector("[data-testid=the-deadline] [data-testid=deadline-due]")!.TextContent.Should().Be("Wed 6 May 2026", "the deadline as it is now");
        page.QuerySelector("textarea[name=Reason]")!.TextContent.Should().Be("My own reason.");
        (await portal.WithDbAsync(db => db.CaseDeadlines.AsNoTracking().SingleAsync(d => d.Id == deadline))).DueOn.Should().Be(new DateOnly(2026, 5, 6));

        Location(await PostFormAsync(client, page, url, [new("NewDate", "2026-05-07"), new("Reason", "My own reason.")]));
        (await portal.WithDbAsync(db => db.CaseDeadlines.AsNoTracking().SingleAsync(d => d.Id == deadline))).DueOn.Should().Be(new DateOnly(2026, 5, 7));
        (await portal.AuditAsync(DeadlineAuditActions.DeadlineMoved)).Where(a => a.EntityId == caseId.ToString()).Should().HaveCount(2);
    }

    [Fact]
    public async Task Manual_deadline_and_task_are_added_then_marked_done_and_dismissed()
    {
        var (caseId, client, lawyer) = await CaseWithLawyerAsync("close", "DCLS");
        var due = Iso(portal.Today().AddDays(5));

        var noTitle = await PostFormAsync(client, $"/cases/{caseId}/deadlines/new", $"/cases/{caseId}/deadlines/new", [new("Title", ""), new("DueOn", due)]);
        (await PageAsync(noTitle)).QuerySelector("[data-testid=error-Title]")!.TextContent.Should().Be(portal.English("Say what is due."));
        var past = await PostFormAsync(client, $"/cases/{caseId}/deadlines/new", $"/cases/{caseId}/deadlines/new", [new("Title", "Send the translation"), new("DueOn", Iso(portal.Today().AddDays(-1)))]);
        (await PageAsync(past)).QuerySelector("[data-testid=error-DueOn]")!.TextContent.Should().Be(portal.English("The due date cannot be in the past."));
        Location(await PostFormAsync(client, $"/cases/{caseId}/deadlines/new", $"/cases/{caseId}/deadlines/new", [new("Title", "Send the translation to the court"), new("DueOn", due)]));

        var outsider = await portal.Staff("deadline-close-other@test.local").WithRoles(Roles.Lawyer).SaveAsync();
        var wrongAssignee = await PostFormAsync(client, $"/cases/{caseId}/deadlines/task", $"/cases/{caseId}/deadlines/task",
            [new("Title", "Call the employer"), new("DueOn", due), new("AssigneeId", outsider.Id.ToString())]);
        (await PageAsync(wrongAssignee)).QuerySelector("[data-testid=error-AssigneeId]")!.TextContent.Should().Be(portal.English("Choose one of the case's people."));
        Location(await PostFormAsync(client, $"/cases/{caseId}/deadlines/task", $"/cases/{caseId}/deadlines/task",
            [new("Title", "Call the employer"), new("DueOn", due), new("AssigneeId", lawyer.ToString())]));

        var rows = await portal.WithDbAsync(db => db.CaseDeadlines.AsNoTracking().Where(d => d.CaseId == caseId).ToListAsync());
        var manual = rows.Should().ContainSingle(d => d.Kind == DeadlineKind.Manual).Subject;
        var task = rows.Should().ContainSingle(d => d.Kind == DeadlineKind.Task).Subject;
        task.AssigneeId.Should().Be(lawyer);
        (await portal.AuditAsync(DeadlineAuditActions.DeadlineAdded)).Should().ContainSingle(a => a.EntityId == caseId.ToString());
        (await portal.AuditAsync(DeadlineAuditActions.TaskAdded)).Should().ContainSingle(a => a.EntityId == caseId.ToString());

        var doneUrl = $"/cases/{caseId}/deadlines/{manual.Id}/done";
        var noNote = await PostFormAsync(client, doneUrl, doneUrl, [new("Note", "")]);
        (await PageAsync(noNote)).QuerySelector("[data-testid=error-Note]")!.TextContent.Should().Be(portal.English("Say what was filed or done."));
        Location(await PostFormAsync(client, doneUrl, doneUrl, [new("Note", "Translation filed at the registry, receipt 17.")]));

        var dismissUrl = $"/cases/{caseId}/deadlines/{task.Id}/dismiss";
        var noReason = await PostFormAsync(client, dismissUrl, dismissUrl, [new("Reason", "")]);
        (await PageAsync(noReason)).QuerySelector("[data-testid=error-Reason]")!.TextContent.Should().Be(portal.English("Say why the deadline is dismissed."));
        Location(await PostFormAsync(client, dismissUrl, dismissUrl, [new("Reason", "The employer paid; no call needed.")]));

        var closed = await portal.WithDbAsync(db => db.CaseDeadlines.AsNoTracking().Where(d => d.CaseId == caseId).ToDictionaryAsync(d => d.Id));
        closed[manual.Id].Status.Should().Be(DeadlineStatus.Done);
        closed[manual.Id].ClosingNote.Should().Be("Translation filed at the registry, receipt 17.");
        closed[manual.Id].ClosedBy.Should().Be(lawyer);
        closed[task.Id].Status.Should().Be(DeadlineStatus.Dismissed);
        (await portal.AuditAsync(DeadlineAuditActions.DeadlineDone)).Should().ContainSingle(a => a.EntityId == caseId.ToString());
        (await portal.AuditAsync(DeadlineAuditActions.DeadlineDismissed)).Should().ContainSingle(a => a.EntityId == caseId.ToString());

        var page = await client.GetDocumentAsync($"/cases/{caseId}");
        page.QuerySelectorAll("[data-testid=open-deadlines] [data-testid=deadline]").Should().BeEmpty("the only deadline was dismissed");
        page.QuerySelector("[data-testid=no-open-deadlines]")!.TextContent.Should().Contain("No open deadlines");
        page.QuerySelectorAll("[data-testid=closed-deadlines] [data-testid=deadline-closing]").Select(c => c.TextContent)
            .Should().Contain(t => t.Contains("Translation filed at the registry, receipt 17.")).And.Contain(t => t.Contains("The employer paid; no call needed."));

        var again = await PostFormAsync(client, doneUrl, doneUrl, [new("Note", "Twice?")]);
        (await PageAsync(again)).QuerySelector("[data-testid=form-errors]")!.TextContent.Should().Contain(portal.English("This deadline is already closed: nothing was changed."));
    }

    [Fact]
    public async Task Open_deadlines_come_first_by_date_and_an_overdue_one_is_highlighted()
    {
        var (caseId, client, lawyer) = await CaseWithLawyerAsync("order", "DORD");
        await portal.WithDbAsync(async db =>
        {
            var now = portal.Clock.GetUtcNow();
            db.CaseDeadlines.AddRange(
                new CaseDeadline(caseId, DeadlineKind.Manual, "Later", portal.Today().AddDays(20), lawyer, now),
                new CaseDeadline(caseId, DeadlineKind.Manual, "Missed", portal.Today().AddDays(-3), lawyer, now),
                new CaseDeadline(caseId, DeadlineKind.Manual, "Closed", portal.Today().AddDays(-30), lawyer, now) { Status = DeadlineStatus.Done, ClosingNote = "Filed", ClosedBy = lawyer, ClosedAt = now },
                new CaseDeadline(caseId, DeadlineKind.Manual, "Today", portal.Today(), lawyer, now));
            return await db.SaveChangesAsync();
        });

        var page = await client.GetDocumentAsync($"/cases/{caseId}");

        page.QuerySelectorAll("[data-testid=open-deadlines] [data-testid=deadline-title]").Select(t => t.TextContent).Should().Equal("Missed", "Today", "Later");
        page.QuerySelectorAll("[data-testid=closed-deadlines] [data-testid=deadline-title]").Select(t => t.TextContent).Should().Equal("Closed");
        page.QuerySelectorAll("[data-testid=deadline-overdue]").Should().ContainSingle()
            .Which.Closest("[data-testid=deadline]")!.QuerySelector("[data-testid=deadline-title]")!.TextContent.Should().Be("Missed");
        page.QuerySelectorAll("[data-testid=deadline-today]").Should().ContainSingle();
    }

    [Fact]
    public async Task Lawyer_not_on_the_case_gets_404_on_every_deadline_route()
    {
        var (caseId, client, _) = await CaseWithLawyerAsync("owner", "DOWN");
        var deadline = await ComputedDeadlineAsync(client, caseId);
        var eventId = await portal.WithDbAsync(db => db.CaseDeadlines.Where(d => d.Id == deadline).Select(d => d.SourceId!.Value).SingleAsync());
        var (ownCase, outsider, _) = await CaseWithLawyerAsync("outsider", "DOUT");
        var token = (await outsider.GetDocumentAsync($"/cases/{ownCase}/deadlines/new"))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var path in new[] { "new", "task", "event", $"events/{eventId}", $"{deadline}/move", $"{deadline}/done", $"{deadline}/dismiss" })
        {
            (await outsider.GetAsync($"/cases/{caseId}/deadlines/{path}")).StatusCode.Should().Be(HttpStatusCode.NotFound, path);
        }

        var posts = new (string Path, KeyValuePair<string, string>[] Fields)[]
        {
            ("new", [new("Title", "Sneaky"), new("DueOn", Iso(portal.Today().AddDays(3)))]),
            ("task", [new("Title", "Sneaky"), new("DueOn", Iso(portal.Today().AddDays(3))), new("AssigneeId", Guid.NewGuid().ToString())]),
            ("event", [new("Trigger", "DomesticRemediesExhausted"), new("Forum", "CRC"), new("Date", "2026-01-10")]),
            ($"{deadline}/move", [new("NewDate", "2026-06-01"), new("Reason", "Sneaky")]),
            ($"{deadline}/done", [new("Note", "Sneaky")]),
            ($"{deadline}/dismiss", [new("Reason", "Sneaky")]),
        };
        foreach (var (path, fields) in posts)
        {
            var response = await outsider.PostAsync($"/cases/{caseId}/deadlines/{path}",
                new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, path);
        }

        var stored = await portal.WithDbAsync(db => db.CaseDeadlines.AsNoTracking().Where(d => d.CaseId == caseId).ToListAsync());
        stored.Should().ContainSingle().Which.Status.Should().Be(DeadlineStatus.Open, "nothing was changed by the outsider");

        // A deadline of another case is not found through this case either.
        (await client.GetAsync($"/cases/{caseId}/deadlines/{Guid.NewGuid()}/move")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<(Guid CaseId, HttpClient Client, Guid Lawyer)> CaseWithLawyerAsync(string name, string officeCode)
    {
        var office = await portal.Office().WithCode(officeCode).SaveAsync();
        var lawyer = await portal.Staff($"deadline-{name}@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Сроков Алишер " + name, null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync()).Id;
        return (caseId, await portal.SignedInClientAsync($"deadline-{name}@test.local"), lawyer.Id);
    }

    /// <summary>The "state body decision" rule: learned on 9 February 2026, due Tuesday 12 May 2026.</summary>
    private static async Task<Guid> ComputedDeadlineAsync(HttpClient client, Guid caseId)
    {
        var location = Location(await PostFormAsync(client, $"/cases/{caseId}/deadlines/event", $"/cases/{caseId}/deadlines/event",
            [new("Trigger", "PersonLearnedOfDecision"), new("Forum", "RU"), new("Date", "2026-02-09")]));
        var page = await client.GetDocumentAsync(location);
        return Guid.Parse(page.QuerySelector("[data-testid=deadline]")!.GetAttribute("data-deadline-id")!);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
