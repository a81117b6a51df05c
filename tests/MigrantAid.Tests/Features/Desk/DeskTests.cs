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

    [Fact]
    public async Task Groups_follow_the_date_in_the_users_office_time_zone()
    {
        // 20:00 UTC is already 02:00 of the next day in Bishkek (UTC+6): the two users' "today" differ.
        portal.Clock.AdvanceToUtcHour(20);
        var office = await portal.Office().InTimeZone(Bishkek).SaveAsync();
        var lawyer = await portal.Staff("desk-zone-lawyer@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        await portal.Staff("desk-zone-coordinator@test.local").WithRoles(Roles.Coordinator).SaveAsync();
        var built = await portal.Case(office).WithClient("Асанова Айгуль").AssignedTo(lead: lawyer.Id).SaveAsync();
        var today = portal.Today(Bishkek);
        portal.Today("UTC").Should().Be(today.AddDays(-1), "the test runs across the date line between UTC and Bishkek");

        var overdue = await portal.Deadline(built.Id).Titled("Reply to the court (late)").DueOn(today.AddDays(-1)).SaveAsync();
        var dueToday = await portal.Deadline(built.Id).Titled("Appeal against the decision").DueOn(today).SaveAsync();
        var inAWeek = await portal.Deadline(built.Id).Titled("Submit the evidence").DueOn(today.AddDays(7)).SaveAsync();
        var inEightDays = await portal.Deadline(built.Id).Titled("Comments on the objections").DueOn(today.AddDays(8)).SaveAsync();
        var inThirtyDays = await portal.Deadline(built.Id).Titled("Cassation complaint").DueOn(today.AddDays(30)).SaveAsync();
        var tooLate = await portal.Deadline(built.Id).Titled("Supervisory complaint").DueOn(today.AddDays(31)).SaveAsync();
        var done = await portal.Deadline(built.Id).Titled("Already filed").DueOn(today).WithStatus(DeadlineStatus.Done).SaveAsync();
        var hearing = (await portal.Proceeding(built.Id).WithHearing(Instant(today, 10, 30, Bishkek)).SaveAsync()).HearingId;
        var held = (await portal.Proceeding(built.Id).WithHearing(Instant(today, 9, 0, Bishkek), true).SaveAsync()).HearingId;

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
        var office = await portal.Office().InTimeZone(Moscow).SaveAsync();
        var lawyer = await portal.Staff("desk-access-lawyer@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var other = await portal.Staff("desk-access-other@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var caseworker = await portal.Staff("desk-access-caseworker@test.local").InOffice(office).WithRoles(Roles.Caseworker).SaveAsync();
        var today = portal.Today(Moscow);

        var mine = await portal.Case(office).WithClient("Своеева Дильноза").AssignedTo(lead: lawyer.Id).SaveAsync();
        var theirs = await portal.Case(office).WithClient("Чужаков Бахтиёр").AssignedTo(lead: other.Id).SaveAsync();
        var secret = await portal.Case(office).WithClient("Тайнова Мадина").Confidential().SaveAsync();
        var unassigned = await portal.Case(office).WithClient("Офисов Рустам").SaveAsync();
        await portal.Deadline(mine.Id).Titled("Appeal of my own case").DueOn(today.AddDays(2)).SaveAsync();
        await portal.Deadline(theirs.Id).Titled("Deadline of another lawyer's case").DueOn(today.AddDays(2)).SaveAsync();
        await portal.Deadline(theirs.Id).Titled("Task for me on a case I cannot see").DueOn(today.AddDays(3)).OfKind(DeadlineKind.Task).AssignedTo(lawyer.Id).SaveAsync();
        await portal.Proceeding(theirs.Id).InCourt("Court of the other lawyer").WithHearing(Instant(today.AddDays(1), 11, 0, Moscow)).SaveAsync();
        await portal.Deadline(secret.Id).Titled("Confidential deadline").DueOn(today.AddDays(2)).SaveAsync();
        await portal.Deadline(secret.Id).Titled("Task on a confidential case").DueOn(today.AddDays(2)).OfKind(DeadlineKind.Task).AssignedTo(caseworker.Id).SaveAsync();
        await portal.Deadline(unassigned.Id).Titled("Task for the office's caseworker").DueOn(today.AddDays(4)).OfKind(DeadlineKind.Task).AssignedTo(caseworker.Id).SaveAsync();

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
        var north = await portal.Office().InTimeZone(Moscow).Named("North desk office").SaveAsync();
        var south = await portal.Office().InTimeZone(Bishkek).Named("South desk office").SaveAsync();
        var northLawyer = await portal.Staff("desk-filter-north@test.local").InOffice(north).WithRoles(Roles.Lawyer).SaveAsync();
        var southLawyer = await portal.Staff("desk-filter-south@test.local").InOffice(south).WithRoles(Roles.Lawyer).SaveAsync();
        await portal.Staff("desk-filter-coordinator@test.local").InOffice(north).WithRoles(Roles.Coordinator).SaveAsync();
        var today = portal.Today(Moscow);
        var northCase = await portal.Case(north).AssignedTo(lead: northLawyer.Id).SaveAsync();
        var southCase = await portal.Case(south).AssignedTo(lead: southLawyer.Id).SaveAsync();
        var northDeadline = await portal.Deadline(northCase.Id).Titled("North office deadline").DueOn(today.AddDays(3)).SaveAsync();
        var southDeadline = await portal.Deadline(southCase.Id).Titled("South office deadline").DueOn(today.AddDays(3)).SaveAsync();
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
        var office = await portal.Office().InTimeZone(Moscow).SaveAsync();
        var before = await portal.Staff("desk-move-before@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var after = await portal.Staff("desk-move-after@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var further = await portal.Staff("desk-move-further@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var caseworker = await portal.Staff("desk-move-caseworker@test.local").InOffice(office).WithRoles(Roles.Caseworker).SaveAsync();
        var other = await portal.Staff("desk-move-other-caseworker@test.local").InOffice(office).WithRoles(Roles.Caseworker).SaveAsync();
        await portal.Staff("desk-move-coordinator@test.local").InOffice(office).WithRoles(Roles.Coordinator).SaveAsync();
        var built = await portal.Case(office).AssignedTo(caseworker: other.Id, lead: before.Id).SaveAsync();
        var today = portal.Today(Moscow);
        var deadline = await portal.Deadline(built.Id).Titled("Appeal that changes hands").DueOn(today.AddDays(3)).SaveAsync();
        var hearing = (await portal.Proceeding(built.Id).WithHearing(Instant(today.AddDays(2), 11, 0, Moscow)).SaveAsync()).HearingId;

        async Task<(List<Guid> Deadlines, List<Guid> Hearings)> DeskOf(string email)
        {
            var page = await (await portal.SignedInClientAsync(email)).GetDocumentAsync("/desk");
            return (AllDeadlines(page), Hearings(page, "week"));
        }

        (await DeskOf("desk-move-before@test.local")).Deadlines.Should().Equal(deadline);
        (await DeskOf("desk-move-before@test.local")).Hearings.Should().Equal(hearing);
        (await DeskOf("desk-move-after@test.local")).Deadlines.Should().BeEmpty();

        var coordinator = await portal.SignedInClientAsync("desk-move-coordinator@test.local");
        var saved = await HttpForms.PostFormAsync(coordinator, $"/cases/{built.Id}/assign", $"/cases/{built.Id}/assign",
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
        var office = await portal.Office().InTimeZone(Moscow).SaveAsync();
        var lawyer = await portal.Staff("desk-paging-lawyer@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var built = await portal.Case(office).AssignedTo(lead: lawyer.Id).SaveAsync();
        var today = portal.Today(Moscow);
        var ids = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await portal.Deadline(built.Id).Titled($"Overdue number {i:00}").DueOn(today.AddDays(-40 + i)).SaveAsync());
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

    private string English(string key) => portal.English(key);
}
