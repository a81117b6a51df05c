using System.Net;
using AngleSharp.Html.Dom;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;

namespace MigrantAid.Tests.Features.Desk;

/// <summary>"My deadlines": the groups around the user's date, and who sees which deadlines.</summary>
public class DeskTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Bishkek = "Asia/Bishkek";
    private const string Moscow = "Europe/Moscow";

    private readonly DeskKit _kit = new(portal);

    [Fact]
    public async Task Groups_follow_the_date_in_the_users_office_time_zone()
    {
        // 20:00 UTC is already 02:00 of the next day in Bishkek (UTC+6): the two users' "today" differ.
        _kit.AdvanceToUtcHour(20);
        var office = await _kit.OfficeAsync(Bishkek);
        var lawyer = await _kit.StaffAsync("desk-zone-lawyer@test.local", office, Roles.Lawyer);
        await _kit.StaffAsync("desk-zone-coordinator@test.local", null, Roles.Coordinator);
        var built = await _kit.Case(office).WithClient("Асанова Айгуль").AssignedTo(lead: lawyer.Id).BuildAsync();
        var today = _kit.Today(Bishkek);
        _kit.Today("UTC").Should().Be(today.AddDays(-1), "the test runs across the date line between UTC and Bishkek");

        var overdue = await _kit.DeadlineAsync(built.Id, "Reply to the court (late)", today.AddDays(-1));
        var dueToday = await _kit.DeadlineAsync(built.Id, "Appeal against the decision", today);
        var inAWeek = await _kit.DeadlineAsync(built.Id, "Submit the evidence", today.AddDays(7));
        var inEightDays = await _kit.DeadlineAsync(built.Id, "Comments on the objections", today.AddDays(8));
        var inThirtyDays = await _kit.DeadlineAsync(built.Id, "Cassation complaint", today.AddDays(30));
        var tooLate = await _kit.DeadlineAsync(built.Id, "Supervisory complaint", today.AddDays(31));
        var done = await _kit.DeadlineAsync(built.Id, "Already filed", today, status: DeadlineStatus.Done);
        var hearing = await _kit.HearingAsync(built.Id, Instant(today, 10, 30, Bishkek));
        var held = await _kit.HearingAsync(built.Id, Instant(today, 9, 0, Bishkek), held: true);

        var page = await (await portal.SignedInClientAsync("desk-zone-lawyer@test.local")).GetDocumentAsync("/desk");
        Deadlines(page, "overdue").Should().Equal(overdue);
        Deadlines(page, "today").Should().Equal(dueToday);
        Deadlines(page, "week").Should().Equal(inAWeek);
        Deadlines(page, "month").Should().Equal(inEightDays, inThirtyDays);
        Hearings(page, "today").Should().Equal([hearing], "a hearing not yet held is on the desk; one held is not");
        page.Body!.InnerHtml.Should().NotContain(tooLate.ToString()).And.NotContain(done.ToString()).And.NotContain(held.ToString());
        var row = page.QuerySelector($"[data-deadline-id='{dueToday}']")!;
        row.QuerySelector("[data-testid=deadline-case]")!.TextContent.Should().Be(built.Reference);
        row.QuerySelector("[data-testid=deadline-client]")!.TextContent.Trim().Should().Be("Асанова Айгуль");
        row.QuerySelector("[data-testid=deadline-lead]")!.TextContent.Should().Be(lawyer.FullName);
        row.QuerySelector("[data-testid=deadline-kind]")!.TextContent.Should().Be(English("DeadlineKind.Manual"));
        page.QuerySelector($"[data-hearing-id='{hearing}'] [data-testid=hearing-time]")!.TextContent.Should().Contain("10:30", "hearings show the office's local time");

        // A coordinator without an office lives in UTC, where it is still yesterday for Bishkek.
        var coordinator = await portal.SignedInClientAsync("desk-zone-coordinator@test.local");
        var theirs = await coordinator.GetDocumentAsync($"/desk?lawyer={lawyer.Id}");
        Deadlines(theirs, "overdue").Should().BeEmpty();
        Deadlines(theirs, "today").Should().Equal(overdue);
        Deadlines(theirs, "week").Should().Equal(dueToday);
        Deadlines(theirs, "month").Should().Equal(inAWeek, inEightDays);
        Hearings(theirs, "week").Should().Equal([hearing], "the hearing is tomorrow by the coordinator's date");
    }

    [Fact]
    public async Task Lawyer_and_caseworker_see_only_deadlines_of_cases_they_may_see()
    {
        var office = await _kit.OfficeAsync(Moscow);
        var lawyer = await _kit.StaffAsync("desk-access-lawyer@test.local", office, Roles.Lawyer);
        var other = await _kit.StaffAsync("desk-access-other@test.local", office, Roles.Lawyer);
        var caseworker = await _kit.StaffAsync("desk-access-caseworker@test.local", office, Roles.Caseworker);
        var today = _kit.Today(Moscow);

        var mine = await _kit.Case(office).WithClient("Своеева Дильноза").AssignedTo(lead: lawyer.Id).BuildAsync();
        var theirs = await _kit.Case(office).WithClient("Чужаков Бахтиёр").AssignedTo(lead: other.Id).BuildAsync();
        var secret = await _kit.Case(office).WithClient("Тайнова Мадина").Confidential().BuildAsync();
        var unassigned = await _kit.Case(office).WithClient("Офисов Рустам").BuildAsync();
        await _kit.DeadlineAsync(mine.Id, "Appeal of my own case", today.AddDays(2));
        await _kit.DeadlineAsync(theirs.Id, "Deadline of another lawyer's case", today.AddDays(2));
        await _kit.DeadlineAsync(theirs.Id, "Task for me on a case I cannot see", today.AddDays(3), DeadlineKind.Task, assignee: lawyer.Id);
        await _kit.HearingAsync(theirs.Id, Instant(today.AddDays(1), 11, 0, Moscow), court: "Court of the other lawyer");
        await _kit.DeadlineAsync(secret.Id, "Confidential deadline", today.AddDays(2));
        await _kit.DeadlineAsync(secret.Id, "Task on a confidential case", today.AddDays(2), DeadlineKind.Task, assignee: caseworker.Id);
        await _kit.DeadlineAsync(unassigned.Id, "Task for the office's caseworker", today.AddDays(4), DeadlineKind.Task, assignee: caseworker.Id);

        var asLawyer = await portal.SignedInClientAsync("desk-access-lawyer@test.local");
        var desk = await TextAsync(asLawyer, "/desk");
        desk.Should().Contain("Appeal of my own case").And.Contain("Своеева Дильноза");
        desk.Should().NotContain("Deadline of another lawyer's case").And.NotContain("Task for me on a case I cannot see")
            .And.NotContain("Court of the other lawyer").And.NotContain("Чужаков").And.NotContain("Confidential deadline")
            .And.NotContain("Task for the office's caseworker");
        var month = await TextAsync(asLawyer, "/calendar?view=week&date=" + Iso(today.AddDays(2)));
        month.Should().Contain("Appeal of my own case").And.NotContain("Deadline of another lawyer's case").And.NotContain("Court of the other lawyer");

        var asCaseworker = await portal.SignedInClientAsync("desk-access-caseworker@test.local");
        var theirDesk = await TextAsync(asCaseworker, "/desk");
        theirDesk.Should().Contain("Task for the office's caseworker", "a task assigned to them on a case of their office");
        theirDesk.Should().NotContain("Task on a confidential case").And.NotContain("Confidential deadline")
            .And.NotContain("Appeal of my own case", "the case is neither theirs nor the task");
    }

    [Fact]
    public async Task Coordinator_sees_everyones_deadlines_filtered_by_lawyer_and_office()
    {
        var north = await _kit.OfficeAsync(Moscow, "North desk office");
        var south = await _kit.OfficeAsync(Bishkek, "South desk office");
        var northLawyer = await _kit.StaffAsync("desk-filter-north@test.local", north, Roles.Lawyer);
        var southLawyer = await _kit.StaffAsync("desk-filter-south@test.local", south, Roles.Lawyer);
        await _kit.StaffAsync("desk-filter-coordinator@test.local", north, Roles.Coordinator);
        var today = _kit.Today(Moscow);
        var northCase = await _kit.Case(north).AssignedTo(lead: northLawyer.Id).BuildAsync();
        var southCase = await _kit.Case(south).AssignedTo(lead: southLawyer.Id).BuildAsync();
        var northDeadline = await _kit.DeadlineAsync(northCase.Id, "North office deadline", today.AddDays(3));
        var southDeadline = await _kit.DeadlineAsync(southCase.Id, "South office deadline", today.AddDays(3));
        var client = await portal.SignedInClientAsync("desk-filter-coordinator@test.local");

        var own = await client.GetDocumentAsync("/desk");
        AllDeadlines(own).Should().Contain(northDeadline).And.NotContain(southDeadline, "a coordinator starts with their own office");
        own.QuerySelector("#desk-office option[selected]")!.GetAttribute("value").Should().Be(north.Id.ToString());

        AllDeadlines(await client.GetDocumentAsync("/desk?office=all")).Should().Contain([northDeadline, southDeadline]);
        AllDeadlines(await client.GetDocumentAsync($"/desk?office={south.Id}")).Should().Contain(southDeadline).And.NotContain(northDeadline);

        var bySouthLawyer = await client.GetDocumentAsync($"/desk?lawyer={southLawyer.Id}");
        AllDeadlines(bySouthLawyer).Should().Equal(southDeadline);
        bySouthLawyer.QuerySelector("[data-testid=desk-scope]")!.TextContent.Should().Contain(southLawyer.FullName);
        AllDeadlines(await client.GetDocumentAsync($"/desk?lawyer={southLawyer.Id}&office={north.Id}")).Should().BeEmpty();

        var everyone = await TextAsync(client, $"/calendar?view=week&office=all&date={Iso(today.AddDays(3))}");
        everyone.Should().Contain("North office deadline").And.Contain("South office deadline");

        var unknown = await client.GetAsync("/desk?lawyer=someone&office=nowhere");
        unknown.StatusCode.Should().Be(HttpStatusCode.OK, "a hand-edited link is answered with a message, not an error");
        var refused = HttpForms.Parse(await unknown.Content.ReadAsStringAsync());
        refused.QuerySelector("[data-testid=error-lawyer]")!.TextContent.Should().Be(English("Choose a lawyer from the list."));
        refused.QuerySelector("[data-testid=error-office]")!.TextContent.Should().Be(English("Choose an office from the list."));
    }

    [Fact]
    public async Task Reassigning_a_case_moves_its_dates_to_the_new_people_s_desks()
    {
        var office = await _kit.OfficeAsync(Moscow);
        var before = await _kit.StaffAsync("desk-move-before@test.local", office, Roles.Lawyer);
        var after = await _kit.StaffAsync("desk-move-after@test.local", office, Roles.Lawyer);
        var further = await _kit.StaffAsync("desk-move-further@test.local", office, Roles.Lawyer);
        var caseworker = await _kit.StaffAsync("desk-move-caseworker@test.local", office, Roles.Caseworker);
        var other = await _kit.StaffAsync("desk-move-other-caseworker@test.local", office, Roles.Caseworker);
        await _kit.StaffAsync("desk-move-coordinator@test.local", office, Roles.Coordinator);
        var built = await _kit.Case(office).AssignedTo(caseworker: other.Id, lead: before.Id).BuildAsync();
        var today = _kit.Today(Moscow);
        var deadline = await _kit.DeadlineAsync(built.Id, "Appeal that changes hands", today.AddDays(3));
        var hearing = await _kit.HearingAsync(built.Id, Instant(today.AddDays(2), 11, 0, Moscow));

        async Task<(List<Guid> Deadlines, List<Guid> Hearings)> DeskOf(string email)
        {
            var page = await (await portal.SignedInClientAsync(email)).GetDocumentAsync("/desk");
            return (AllDeadlines(page), Hearings(page, "week"));
        }

        (await DeskOf("desk-move-before@test.local")).Deadlines.Should().Equal(deadline);
        (await DeskOf("desk-move-before@test.local")).Hearings.Should().Equal(hearing);
        (await DeskOf("desk-move-after@test.local")).Deadlines.Should().BeEmpty();

        var coordinator = await portal.SignedInClientAsync("desk-move-coordinator@test.local");
        var saved = await CaseWorkKit.PostFormAsync(coordinator, $"/cases/{built.Id}/assign", $"/cases/{built.Id}/assign",
            [new("CaseworkerId", caseworker.Id.ToString()), new("LeadLawyerId", after.Id.ToString()), new("LawyerIds", further.Id.ToString())]);
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);

        foreach (var email in new[] { "desk-move-after@test.local", "desk-move-caseworker@test.local", "desk-move-further@test.local" })
        {
            var desk = await DeskOf(email);
            desk.Deadlines.Should().Equal([deadline], $"{email} is now assigned to the case");
            desk.Hearings.Should().Equal([hearing], $"{email} is now assigned to the case");
        }

        foreach (var email in new[] { "desk-move-before@test.local", "desk-move-other-caseworker@test.local" })
        {
            var desk = await DeskOf(email);
            desk.Deadlines.Should().BeEmpty($"{email} no longer works on the case");
            desk.Hearings.Should().BeEmpty($"{email} no longer works on the case");
        }

        var byLawyer = await coordinator.GetDocumentAsync($"/calendar?view=week&lawyer={after.Id}&date={Iso(today.AddDays(3))}");
        byLawyer.Body!.TextContent.Should().Contain("Appeal that changes hands", "the coordinator's view of the new lead lawyer");
        (await coordinator.GetDocumentAsync($"/calendar?view=week&lawyer={before.Id}&date={Iso(today.AddDays(3))}")).Body!.TextContent
            .Should().NotContain("Appeal that changes hands");
    }

    [Fact]
    public async Task A_group_pages_by_keyset_when_it_holds_more_than_a_page()
    {
        var office = await _kit.OfficeAsync(Moscow);
        var lawyer = await _kit.StaffAsync("desk-paging-lawyer@test.local", office, Roles.Lawyer);
        var built = await _kit.Case(office).AssignedTo(lead: lawyer.Id).BuildAsync();
        var today = _kit.Today(Moscow);
        var ids = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await _kit.DeadlineAsync(built.Id, $"Overdue number {i:00}", today.AddDays(-40 + i)));
        }

        var client = await portal.SignedInClientAsync("desk-paging-lawyer@test.local");
        var first = await client.GetDocumentAsync("/desk");
        Deadlines(first, "overdue").Should().Equal(ids.Take(25), "the most overdue first, a page of 25");
        var more = first.QuerySelector("[data-testid=more-deadlines]")!.GetAttribute("href")!;
        var second = await client.GetDocumentAsync(more);
        Deadlines(second, "overdue").Should().Equal(ids.Skip(25));
        second.QuerySelector("[data-testid=group-today]").Should().BeNull("the next page shows its group alone");

        (await client.GetAsync("/desk?bucket=overdue&after=garbage")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Desk_and_calendar_need_a_case_role()
    {
        await portal.CreateUserAsync("desk-admin@test.local", Roles.Admin);
        var admin = await portal.SignedInClientAsync("desk-admin@test.local");
        (await admin.GetAsync("/desk")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.GetAsync("/calendar")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await portal.NewClient().GetAsync("/desk")).StatusCode.Should().Be(HttpStatusCode.Redirect, "signing in is required");
        (await portal.NewClient().GetAsync("/calendar/feed")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    internal static DateTimeOffset Instant(DateOnly day, int hour, int minute, string zone)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, TimeZoneInfo.FindSystemTimeZoneById(zone)), TimeSpan.Zero);
    }

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The text a reader sees (entities decoded).</summary>
    internal static async Task<string> TextAsync(HttpClient client, string url) => (await client.GetDocumentAsync(url)).Body!.TextContent;

    private static List<Guid> Deadlines(IHtmlDocument page, string group) =>
        page.QuerySelectorAll($"[data-testid=group-{group}] [data-testid=deadline-row]").Select(r => Guid.Parse(r.GetAttribute("data-deadline-id")!)).ToList();

    private static List<Guid> Hearings(IHtmlDocument page, string group) =>
        page.QuerySelectorAll($"[data-testid=group-{group}] [data-testid=hearing-row]").Select(r => Guid.Parse(r.GetAttribute("data-hearing-id")!)).ToList();

    private static List<Guid> AllDeadlines(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=deadline-row]").Select(r => Guid.Parse(r.GetAttribute("data-deadline-id")!)).ToList();

    private string English(string key) => new CaseWorkKit(portal).English(key);
}
