using System.Globalization;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using static MigrantAid.Tests.Features.Desk.DeskTests;

namespace MigrantAid.Tests.Features.Desk.Calendars;

/// <summary>
/// What the feed carries in time (issue 12, point 2): every open deadline however overdue, marked as
/// overdue in the owner's language; no done or dismissed deadline; hearings from 90 days back.
/// </summary>
public class CalendarFeedWindowTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Moscow = "Europe/Moscow";

    private readonly DeskKit _kit = new(portal);

    [Fact]
    public async Task Feed_carries_every_open_deadline_however_old_and_hearings_from_90_days_back()
    {
        var office = await _kit.OfficeAsync(Moscow);
        var lawyer = await _kit.StaffAsync("feed-window-lawyer@test.local", office, Roles.Lawyer);
        var today = _kit.Today(Moscow);
        var built = await _kit.Case(office).AssignedTo(lead: lawyer.Id).BuildAsync();
        var overdue = await _kit.DeadlineAsync(built.Id, "Appeal against the expulsion", today.AddDays(-200));
        var veryOld = await _kit.DeadlineAsync(built.Id, "Complaint to the prosecutor", today.AddYears(-3));
        var dueToday = await _kit.DeadlineAsync(built.Id, "Reply to the court", today);
        var done = await _kit.DeadlineAsync(built.Id, "Done long ago", today.AddDays(-200), status: DeadlineStatus.Done);
        var dismissed = await _kit.DeadlineAsync(built.Id, "Dismissed long ago", today.AddDays(-200), status: DeadlineStatus.Dismissed);
        var recentHearing = await _kit.HearingAsync(built.Id, Instant(today.AddDays(-80), 10, 0, Moscow));
        var oldHearing = await _kit.HearingAsync(built.Id, Instant(today.AddDays(-100), 10, 0, Moscow));

        var events = await FeedAsync("feed-window-lawyer@test.local");

        Summary(events, "deadline", overdue).Should().Be($"OVERDUE: {built.Reference}: Appeal against the expulsion", "an open deadline 200 days overdue is still due");
        events["deadline-" + overdue].Value("DTSTART").Should().Be(today.AddDays(-200).ToString("yyyyMMdd", CultureInfo.InvariantCulture), "on its own date");
        Summary(events, "deadline", veryOld).Should().StartWith("OVERDUE: ", "there is no lower bound for open deadlines");
        Summary(events, "deadline", dueToday).Should().Be($"{built.Reference}: Reply to the court", "due today is not overdue yet");
        events.Should().NotContainKey("deadline-" + done, "a done deadline 200 days ago is outside the feed")
            .And.NotContainKey("deadline-" + dismissed, "so is a dismissed one");
        events.Should().ContainKey("hearing-" + recentHearing, "a hearing 80 days ago is within 90 days");
        events.Should().NotContainKey("hearing-" + oldHearing, "a hearing 100 days ago is not");
    }

    [Fact]
    public async Task Overdue_mark_is_in_the_owners_language()
    {
        var office = await _kit.OfficeAsync(Moscow);
        var lawyer = await _kit.StaffAsync("feed-window-russian@test.local", office, Roles.Lawyer);
        await _kit.Db(async db =>
        {
            (await db.Users.FindAsync(lawyer.Id))!.PreferredLanguage = SupportedLanguages.Russian;
            return await db.SaveChangesAsync();
        });
        var today = _kit.Today(Moscow);
        var built = await _kit.Case(office).AssignedTo(lead: lawyer.Id).BuildAsync();
        var overdue = await _kit.DeadlineAsync(built.Id, "Кассационная жалоба", today.AddDays(-1));

        var events = await FeedAsync("feed-window-russian@test.local");

        Summary(events, "deadline", overdue).Should().Be($"ПРОСРОЧЕН: {built.Reference}: Кассационная жалоба");
    }

    /// <summary>The user's feed, fetched anonymously as a calendar program does, its events by UID (without the domain).</summary>
    private async Task<Dictionary<string, ICal>> FeedAsync(string email)
    {
        var path = await CalendarFeedTests.CreateAsync(await portal.SignedInClientAsync(email));
        var calendar = ICal.Parse(await portal.NewClient().GetStringAsync(path));
        return calendar.Children.ToDictionary(e => e.Value("UID")!.Replace("@migrantaid", "", StringComparison.Ordinal));
    }

    private static string Summary(Dictionary<string, ICal> events, string kind, Guid id) =>
        ICal.Unescape(events[kind + "-" + id].Value("SUMMARY")!);
}
