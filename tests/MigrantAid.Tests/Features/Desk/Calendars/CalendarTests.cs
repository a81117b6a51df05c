using System.Net;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;

namespace MigrantAid.Tests.Features.Desk.Calendars;

/// <summary>The month and week calendar: dates on their days, hearings at the office's local time, navigation, languages.</summary>
public class CalendarTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Moscow = "Europe/Moscow";

    [Fact]
    public async Task Month_shows_a_deadline_on_its_day_and_a_hearing_at_local_time()
    {
        var office = await portal.Office().InTimeZone(Moscow).SaveAsync();
        var lawyer = await portal.Staff("calendar-month-lawyer@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var built = await portal.Case(office).WithClient("Календарова Нигора").AssignedTo(lead: lawyer.Id).SaveAsync();
        var deadline = await portal.Deadline(built.Id).Titled("File the appeal").DueOn(new DateOnly(2027, 3, 15)).SaveAsync();
        var filed = await portal.Deadline(built.Id).Titled("Filed already").DueOn(new DateOnly(2027, 3, 16)).WithStatus(DeadlineStatus.Done).SaveAsync();
        var dismissed = await portal.Deadline(built.Id).Titled("Not needed after all").DueOn(new DateOnly(2027, 3, 17)).WithStatus(DeadlineStatus.Dismissed).SaveAsync();

        // 21:30 UTC on the 20th is 00:30 on the 21st in Moscow (UTC+3): the hearing belongs to the 21st.
        var hearing = (await portal.Proceeding(built.Id).InCourt("Tverskoy District Court").WithHearing(new DateTimeOffset(2027, 3, 20, 21, 30, 0, TimeSpan.Zero)).SaveAsync()).HearingId;
        var client = await portal.SignedInClientAsync("calendar-month-lawyer@test.local");

        var page = await client.GetDocumentAsync("/calendar?date=2027-03-10");
        page.QuerySelector("[data-testid=calendar-title]")!.TextContent.Should().Be("March 2027");
        var days = page.QuerySelectorAll("[data-testid=calendar-day]").Select(d => d.GetAttribute("data-date")).ToList();
        days.Should().HaveCount(35).And.StartWith("2027-03-01").And.EndWith("2027-04-04", "whole weeks from Monday");
        page.QuerySelectorAll("[data-testid=calendar-grid] thead th").Select(th => th.QuerySelector("abbr")!.GetAttribute("title"))
            .Should().Equal("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

        Cell(page, "2027-03-15").QuerySelector($"[data-deadline-id='{deadline}']")!.TextContent.Should().Contain("File the appeal").And.Contain(built.Reference);
        Cell(page, "2027-03-16").QuerySelector($"[data-deadline-id='{filed}'] del")!.TextContent.Should().Be("Filed already", "done deadlines stay, struck through");
        page.QuerySelector($"[data-deadline-id='{dismissed}']").Should().BeNull("dismissed deadlines are not on the calendar");
        Cell(page, "2027-03-20").QuerySelector($"[data-hearing-id='{hearing}']").Should().BeNull();
        var shown = Cell(page, "2027-03-21").QuerySelector($"[data-hearing-id='{hearing}']")!;
        shown.QuerySelector("[data-testid=calendar-hearing-time]")!.TextContent.Should().Be("00:30");
        shown.TextContent.Should().Contain("Tverskoy District Court");
        page.Body!.TextContent.Should().NotContain("Календарова", "the calendar lists references, not clients");

        page.QuerySelector("[data-testid=calendar-next]")!.GetAttribute("href").Should().Contain("date=2027-04-01");
        page.QuerySelector("[data-testid=calendar-previous]")!.GetAttribute("href").Should().Contain("date=2027-02-01");

        var week = await client.GetDocumentAsync("/calendar?view=week&date=2027-03-21");
        week.QuerySelectorAll("[data-testid=calendar-day]").Select(d => d.GetAttribute("data-date")).Should().Equal(
            "2027-03-15", "2027-03-16", "2027-03-17", "2027-03-18", "2027-03-19", "2027-03-20", "2027-03-21");
        week.QuerySelectorAll($"[data-deadline-id='{deadline}']").Should().ContainSingle("the deadline is on its day of the week");
        week.QuerySelectorAll($"[data-hearing-id='{hearing}']").Should().ContainSingle("the hearing is on its day of the week");
        week.QuerySelector("[data-testid=calendar-next]")!.GetAttribute("href").Should().Contain("date=2027-03-22").And.Contain("view=week");

        var list = await client.GetDocumentAsync("/calendar?date=2027-03-10&layout=list");
        list.QuerySelector("[data-testid=calendar-grid]").Should().BeNull();
        list.QuerySelectorAll("[data-testid=calendar-list-day] time").Select(t => t.GetAttribute("datetime")).Should().Equal("2027-03-15", "2027-03-16", "2027-03-21");
    }

    [Fact]
    public async Task Calendar_speaks_Russian()
    {
        var office = await portal.Office().InTimeZone(Moscow).SaveAsync();
        await portal.Staff("calendar-russian@test.local").InOffice(office).WithRoles(Roles.Caseworker).SaveAsync();
        var client = await portal.SignedInClientAsync("calendar-russian@test.local");
        (await client.SubmitFormAsync("/", [new("culture", "ru"), new("returnUrl", "/")], "/language")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var page = await client.GetDocumentAsync("/calendar?date=2027-03-10");
        page.QuerySelector("[data-testid=calendar-title]")!.TextContent.Should().Be("Март 2027");
        page.QuerySelector("[data-testid=calendar-grid] thead th abbr")!.GetAttribute("title").Should().Be("Понедельник");
        (await client.GetAsync("/desk")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/calendar/feed")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Coordinators_month_of_every_office_shows_a_few_dates_a_day_and_the_week_shows_them_all()
    {
        var office = await portal.Office().InTimeZone(Moscow).SaveAsync();
        var lawyer = await portal.Staff("calendar-busy-lawyer@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        await portal.Staff("calendar-busy-coordinator@test.local").WithRoles(Roles.Coordinator).SaveAsync();
        var built = await portal.Case(office).AssignedTo(lead: lawyer.Id).SaveAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await portal.Deadline(built.Id).Titled($"Busy day item {i}").DueOn(new DateOnly(2027, 5, 12)).SaveAsync());
        }

        var client = await portal.SignedInClientAsync("calendar-busy-coordinator@test.local");
        var month = await client.GetDocumentAsync("/calendar?date=2027-05-01&office=all");
        var cell = Cell(month, "2027-05-12");
        cell.QuerySelectorAll("[data-testid=calendar-deadline]").Should().HaveCount(4);
        var more = cell.QuerySelector("[data-testid=calendar-more]")!.GetAttribute("href")!;
        more.Should().Contain("view=day").And.Contain("date=2027-05-12").And.Contain("office=all");

        var day = await client.GetDocumentAsync(more);
        day.QuerySelector("[data-testid=calendar-title]")!.TextContent.Should().Be("Wednesday, 12 May 2027");
        day.QuerySelectorAll("[data-testid=calendar-deadline]").Select(d => Guid.Parse(d.GetAttribute("data-deadline-id")!))
            .Should().BeEquivalentTo(ids, "the day shows them all");
        day.QuerySelector("[data-testid=calendar-next]")!.GetAttribute("href").Should().Contain("date=2027-05-13").And.Contain("view=day");

        var lawyers = await client.GetDocumentAsync($"/calendar?date=2027-05-01&lawyer={lawyer.Id}");
        Cell(lawyers, "2027-05-12").QuerySelectorAll("[data-testid=calendar-deadline]").Should().HaveCount(6, "one lawyer's calendar is shown whole");

        (await client.GetAsync("/calendar?date=not-a-date")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Coordinators_calendar_of_every_office_places_each_hearing_on_its_own_offices_date()
    {
        var moscow = await portal.Office().InTimeZone(Moscow).SaveAsync();
        var bishkek = await portal.Office().InTimeZone("Asia/Bishkek").SaveAsync();
        await portal.Staff("calendar-zones-coordinator@test.local").WithRoles(Roles.Coordinator).SaveAsync();
        var inMoscow = await portal.Case(moscow).SaveAsync();
        var inBishkek = await portal.Case(bishkek).SaveAsync();

        // Both at 18:30-20:30 UTC on 9 June: 23:30 on the 9th in Moscow (UTC+3), 00:30 on the 10th in Bishkek (UTC+6).
        var late = (await portal.Proceeding(inMoscow.Id).InCourt("Moscow late court").WithHearing(new DateTimeOffset(2027, 6, 9, 20, 30, 0, TimeSpan.Zero)).SaveAsync()).HearingId;
        var early = (await portal.Proceeding(inBishkek.Id).InCourt("Bishkek early court").WithHearing(new DateTimeOffset(2027, 6, 9, 18, 30, 0, TimeSpan.Zero)).SaveAsync()).HearingId;
        var client = await portal.SignedInClientAsync("calendar-zones-coordinator@test.local");

        foreach (var url in new[] { "/calendar?date=2027-06-01&office=all", "/calendar?view=week&date=2027-06-09&office=all" })
        {
            var page = await client.GetDocumentAsync(url);
            var june9 = Cell(page, "2027-06-09");
            var june10 = Cell(page, "2027-06-10");
            june9.QuerySelector($"[data-hearing-id='{late}'] [data-testid=calendar-hearing-time]")!.TextContent.Should().Be("23:30", url);
            june9.QuerySelector($"[data-hearing-id='{early}']").Should().BeNull(url);
            june10.QuerySelector($"[data-hearing-id='{early}'] [data-testid=calendar-hearing-time]")!.TextContent.Should().Be("00:30", url);
            june10.QuerySelector($"[data-hearing-id='{late}']").Should().BeNull(url);
        }
    }

    private static AngleSharp.Dom.IElement Cell(AngleSharp.Html.Dom.IHtmlDocument page, string date) =>
        page.QuerySelector($"[data-testid=calendar-day][data-date='{date}']") ?? throw new InvalidOperationException("No cell for " + date);
}
