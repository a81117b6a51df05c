using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MigrantAid.Tests.Support;
using MigrantAid.Web;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Desk;

namespace MigrantAid.Tests.Features.Desk.Calendars;

/// <summary>Issue 12 point 10: the month and year picker, the time zone in words, long titles kept whole for hover and focus.</summary>
public class CalendarPickerTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_picker_jumps_to_any_month_keeping_the_filters_and_a_bad_year_is_refused_at_its_field()
    {
        var office = await portal.Office().InTimeZone("Europe/Moscow").SaveAsync();
        await portal.Staff("picker-coord@test.local").InOffice(office).WithRoles(Roles.Coordinator).SaveAsync();
        var client = await portal.SignedInClientAsync("picker-coord@test.local");

        var page = await client.GetDocumentAsync("/calendar?date=2027-03-10&view=week&office=all&layout=list");
        var picker = page.QuerySelector("form[data-testid=calendar-picker]")!;
        picker.GetAttribute("method").Should().Be("get");
        picker.QuerySelector("input[name=office]")!.GetAttribute("value").Should().Be("all", "the filters are kept");
        picker.QuerySelector("input[name=layout]")!.GetAttribute("value").Should().Be("list");
        picker.QuerySelector("#calendar-pick-year")!.GetAttribute("value").Should().Be("2027", "the picker starts at the month shown");
        picker.QuerySelector("#calendar-pick-month option[selected]")!.TextContent.Should().Be("March");

        var jumped = await client.GetDocumentAsync("/calendar?office=all&month=7&year=2031");
        jumped.QuerySelector("[data-testid=calendar-title]")!.TextContent.Should().Be("July 2031");
        jumped.QuerySelectorAll("[data-testid=calendar-day]").First().GetAttribute("data-date").Should().Be("2031-06-30", "the month view from Monday");
        jumped.QuerySelector("[data-testid=calendar-next]")!.GetAttribute("href").Should().Contain("date=2031-08-01").And.Contain("office=all");

        var bad = await client.GetAsync("/calendar?month=7&year=20x1");
        bad.StatusCode.Should().Be(HttpStatusCode.OK);
        var refused = HttpForms.Parse(await bad.Content.ReadAsStringAsync());
        refused.QuerySelector("[data-testid=error-year]")!.TextContent.Should().Contain("from 1900 to 2999");
        refused.QuerySelector("#calendar-pick-year")!.GetAttribute("value").Should().Be("20x1", "what was typed is kept");
        refused.QuerySelector("#calendar-pick-year")!.GetAttribute("aria-describedby").Should().Be("calendar-pick-year-error");
        (await client.GetDocumentAsync("/calendar?month=13&year=2030")).QuerySelector("[data-testid=error-year]").Should().NotBeNull("there is no 13th month");
    }

    [Fact]
    public async Task Today_and_the_offices_time_zone_are_shown_in_words_in_both_languages()
    {
        var moscow = await portal.Office().InTimeZone("Europe/Moscow").SaveAsync();
        var bishkek = await portal.Office().InTimeZone("Asia/Bishkek").SaveAsync();
        await portal.Staff("zone-moscow@test.local").InOffice(moscow).WithRoles(Roles.Lawyer).SaveAsync();
        await portal.Staff("zone-bishkek@test.local").InOffice(bishkek).WithRoles(Roles.Caseworker).SaveAsync();
        var inMoscow = await portal.SignedInClientAsync("zone-moscow@test.local");
        var inBishkek = await portal.SignedInClientAsync("zone-bishkek@test.local");

        (await inMoscow.GetDocumentAsync("/calendar")).QuerySelector("[data-testid=calendar-today-zone]")!.TextContent.Trim()
            .Should().StartWith("Today is ").And.EndWith(", Moscow time, UTC+3.");
        (await inBishkek.GetDocumentAsync("/calendar")).QuerySelector("[data-testid=calendar-today-zone]")!.TextContent
            .Should().Contain("Bishkek time, UTC+6");

        (await inMoscow.SubmitFormAsync("/", [new("culture", "ru"), new("returnUrl", "/")], "/language")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await inMoscow.GetDocumentAsync("/calendar")).QuerySelector("[data-testid=calendar-today-zone]")!.TextContent.Trim()
            .Should().StartWith("Сегодня ").And.EndWith(", московское время, UTC+3.");
    }

    [Fact]
    public void A_zone_without_words_is_named_by_its_id_and_offset()
    {
        var l = portal.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var january = new DateTimeOffset(2027, 1, 15, 12, 0, 0, TimeSpan.Zero);

        ZoneInWords.Describe(l, "America/Bogota", january).Should().Be("America/Bogota, UTC−5");
        ZoneInWords.Describe(l, "Asia/Kolkata", january).Should().Be("Asia/Kolkata, UTC+5:30");
        ZoneInWords.Describe(l, "Europe/Berlin", january).Should().Be("Central European time, UTC+1");
        ZoneInWords.Describe(l, "Europe/Berlin", january.AddMonths(6)).Should().Be("Central European time, UTC+2", "the offset in force that day");
        TimeZones.Offered.Should().OnlyContain(zone => !ZoneInWords.Describe(l, zone, january).StartsWith(zone, StringComparison.Ordinal),
            "every zone the portal offers has its words");
    }

    [Fact]
    public async Task A_long_title_is_one_link_carrying_the_whole_text_for_hover_and_focus()
    {
        var office = await portal.Office().InTimeZone("Europe/Moscow").SaveAsync();
        var lawyer = await portal.Staff("picker-long@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var built = await portal.Case(office).AssignedTo(lead: lawyer.Id).SaveAsync();
        const string title = "Appeal against the decision on administrative expulsion of the client to the regional court of appeal";
        var deadline = await portal.Deadline(built.Id).Titled(title).DueOn(new DateOnly(2027, 3, 15)).SaveAsync();
        var client = await portal.SignedInClientAsync("picker-long@test.local");

        var page = await client.GetDocumentAsync("/calendar?date=2027-03-10");
        var entry = page.QuerySelector($"[data-deadline-id='{deadline}'] a.calendar-entry")!;
        entry.GetAttribute("href").Should().Be("/cases/" + built.Id);
        entry.GetAttribute("title").Should().Be(title + " · " + built.Reference);
        entry.QuerySelector("[data-testid=calendar-deadline-title]")!.TextContent.Should().Be(title, "the text itself is whole; only the style cuts it");
    }
}
