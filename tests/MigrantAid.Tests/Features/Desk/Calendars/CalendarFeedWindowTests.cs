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

    [Fact]
    public async Task Feed_carries_every_open_deadline_however_old_and_hearings_from_90_days_back()
    {
        var office = await portal.Office().InTimeZone(Moscow).SaveAsync();
        var lawyer = await portal.Staff("feed-window-lawyer@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var today = portal.Today(Moscow);
        var built = await portal.Case(office).AssignedTo(lead: lawyer.Id).SaveAsync();
        var overdue = await portal.Deadline(built.Id).Titled("Appeal against the expulsion").DueOn(today.AddDays(-200)).SaveAsync();
        var veryOld = await portal.Deadline(built.Id).Titled("Complaint to the prosecutor").DueOn(today.AddYears(-3)).SaveAsync();
        var dueToday = await portal.Deadline(built.Id).Titled("Reply to the court").DueOn(today).SaveAsync();
        var done = await portal.Deadline(built.Id).Titled("Done long ago").DueOn(today.AddDays(-200)).WithStatus(DeadlineStatus.Done).SaveAsync();
        var dismissed = await portal.Deadline(built.Id).Titled("Dismissed long ago").DueOn(today.AddDays(-200)).WithStatus(DeadlineStatus.Dismissed).SaveAsync();
        var recentHearing = (await portal.Proceeding(built.Id).WithHearing(Instant(today.AddDays(-80), 10, 0, Moscow)).SaveAsync()).HearingId;
        var oldHearing = (await portal.Proceeding(built.Id).WithHearing(Instant(today.AddDays(-100), 10, 0, Moscow)).SaveAsync()).HearingId;

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
        var office = await portal.Office().InTimeZone(Moscow).SaveAsync();
        var lawyer = await portal.Staff("feed-window-russian@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        await portal.WithDbAsync(async db =>
        {
            (await db.Users.FindAsync(lawyer.Id))!.PreferredLanguage = SupportedLanguages.Russian;
            return await db.SaveChangesAsync();
        });
        var today = portal.Today(Moscow);
        var built = await portal.Case(office).AssignedTo(lead: lawyer.Id).SaveAsync();
        var overdue = await portal.Deadline(built.Id).Titled("Кассационная жалоба").DueOn(today.AddDays(-1)).SaveAsync();

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
