using System.Net;
using System.Text;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Features.Desk;
using static MigrantAid.Tests.Features.Desk.DeskTests;

namespace MigrantAid.Tests.Features.Desk.Calendars;

/// <summary>The iCalendar feed: a valid RFC 5545 document at a secret address, without client names, that stops at revocation.</summary>
public class CalendarFeedTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Moscow = "Europe/Moscow";

    [Fact]
    public async Task Feed_is_valid_icalendar_with_references_and_titles_but_no_client_names()
    {
        var office = await portal.Office().InTimeZone(Moscow).SaveAsync();
        var lawyer = await portal.Staff("feed-valid-lawyer@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var other = await portal.Staff("feed-valid-other@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var today = portal.Today(Moscow);
        var built = await portal.Case(office).WithClient("Фидова Зарина").AssignedTo(lead: lawyer.Id).SaveAsync();
        var theirs = await portal.Case(office).WithClient("Другов Улугбек").AssignedTo(lead: other.Id).SaveAsync();
        const string tricky = "Appeal, with a comma; a semicolon \\ a backslash\nand a second line";
        var longTitle = "Апелляционная жалоба на решение Первомайского районного суда города Бишкека по делу о невыплате заработной платы";
        var trickyId = await portal.Deadline(built.Id).Titled(tricky).DueOn(today.AddDays(5)).SaveAsync();
        var longId = await portal.Deadline(built.Id).Titled(longTitle).DueOn(today.AddDays(6)).SaveAsync();
        await portal.Deadline(built.Id).Titled("Already done").DueOn(today.AddDays(2)).WithStatus(DeadlineStatus.Done).SaveAsync();
        await portal.Deadline(theirs.Id).Titled("Another lawyer's deadline").DueOn(today.AddDays(5)).SaveAsync();
        var hearingAt = Instant(today.AddDays(3), 14, 15, Moscow);
        var hearing = (await portal.Proceeding(built.Id).InCourt("Leninsky District Court").WithHearing(hearingAt).SaveAsync()).HearingId;

        var client = await portal.SignedInClientAsync("feed-valid-lawyer@test.local");
        var path = await CreateAsync(client);

        var response = await portal.NewClient().GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, "calendar programs read the feed without signing in");
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
        response.Content.Headers.ContentType.CharSet.Should().Be("utf-8");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        text.Should().EndWith("\r\n");
        text.Replace("\r\n", "", StringComparison.Ordinal).Should().NotContain("\n", "every line ends with CRLF").And.NotContain("\r");
        foreach (var physical in text.Split("\r\n")[..^1])
        {
            Encoding.UTF8.GetByteCount(physical).Should().BeLessThanOrEqualTo(75, "lines are folded at 75 octets: {0}", physical);
        }

        var calendar = ICal.Parse(text);
        calendar.Name.Should().Be("VCALENDAR");
        calendar.Value("VERSION").Should().Be("2.0");
        calendar.Value("PRODID").Should().NotBeNullOrEmpty();
        calendar.Children.Should().OnlyContain(c => c.Name == "VEVENT");
        foreach (var e in calendar.Children)
        {
            e.Value("UID").Should().NotBeNullOrEmpty();
            e.Value("DTSTAMP").Should().MatchRegex(@"^\d{8}T\d{6}Z$");
            e.Value("DTSTART").Should().MatchRegex(@"^\d{8}(T\d{6}Z)?$", "a date or a UTC time");
            e.Value("SUMMARY").Should().NotBeNullOrEmpty();
        }

        calendar.Children.Select(e => e.Value("UID")).Should().OnlyHaveUniqueItems();
        var trickyEvent = calendar.Children.Single(e => e.Value("UID") == $"deadline-{trickyId}@migrantaid");
        ICal.Unescape(trickyEvent.Value("SUMMARY")!).Should().Be(built.Reference + ": " + tricky);
        trickyEvent.Property("DTSTART")!.Value.Should().Be(("DTSTART;VALUE=DATE", today.AddDays(5).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)));
        trickyEvent.Property("DTEND")!.Value.Value.Should().Be(today.AddDays(6).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));
        ICal.Unescape(calendar.Children.Single(e => e.Value("UID") == $"deadline-{longId}@migrantaid").Value("SUMMARY")!)
            .Should().Be(built.Reference + ": " + longTitle, "a folded line unfolds to the whole title, Cyrillic intact");
        var hearingEvent = calendar.Children.Single(e => e.Value("UID") == $"hearing-{hearing}@migrantaid");
        hearingEvent.Value("DTSTART").Should().Be(hearingAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        ICal.Unescape(hearingEvent.Value("SUMMARY")!).Should().StartWith(built.Reference).And.Contain("Leninsky District Court");

        text.Should().NotContain("Фидова").And.NotContain("Зарина").And.NotContain("Другов");
        text.Should().NotContain("Already done", "only open deadlines").And.NotContain("Another lawyer's deadline");

        // The same address answers the same events (stable UIDs), so calendars update rather than duplicate.
        var again = ICal.Parse(await portal.NewClient().GetStringAsync(path));
        again.Children.Select(e => e.Value("UID")).Should().BeEquivalentTo(calendar.Children.Select(e => e.Value("UID")));
    }

    [Fact]
    public async Task Revoked_or_replaced_address_answers_404_and_changes_are_audited_without_the_token()
    {
        var office = await portal.Office().InTimeZone(Moscow).SaveAsync();
        var lawyer = await portal.Staff("feed-revoke-lawyer@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var client = await portal.SignedInClientAsync("feed-revoke-lawyer@test.local");

        var first = await CreateAsync(client);
        (await portal.NewClient().GetAsync(first)).StatusCode.Should().Be(HttpStatusCode.OK);
        var created = (await portal.AuditAsync(DeskAuditActions.FeedCreated)).Should().ContainSingle(a => a.ActorId == lawyer.Id).Subject;
        created.EntityType.Should().Be("calendar-feed");
        var token = first.Split('/')[^1][..^4];
        created.Details?.Should().NotContain(token);
        (await portal.WithDbAsync(db => Task.FromResult(db.CalendarFeeds.Any(f => f.UserId == lawyer.Id))))
            .Should().BeTrue();

        var page = await client.GetDocumentAsync("/calendar/feed");
        page.QuerySelector("[data-testid=feed-address]").Should().BeNull("the address is shown once, when it is made");
        page.Body!.TextContent.Should().NotContain(token);

        var second = await CreateAsync(client);
        second.Should().NotBe(first);
        (await portal.NewClient().GetAsync(first)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a new address replaces the old one");
        (await portal.NewClient().GetAsync(second)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await portal.AuditAsync(DeskAuditActions.FeedRegenerated)).Should().ContainSingle(a => a.ActorId == lawyer.Id);

        (await client.SubmitFormAsync("/calendar/feed", [], "/calendar/feed/revoke")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await portal.NewClient().GetAsync(second)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a revoked address stops working at once");
        (await portal.AuditAsync(DeskAuditActions.FeedRevoked)).Should().ContainSingle(a => a.ActorId == lawyer.Id);
        (await client.GetDocumentAsync("/calendar/feed")).QuerySelectorAll("[data-testid=feed-create]").Should().ContainSingle("after revoking, the page offers a new address");

        foreach (var audit in (await portal.AuditAsync(DeskAuditActions.FeedRegenerated)).Concat(await portal.AuditAsync(DeskAuditActions.FeedRevoked)))
        {
            (audit.Details ?? "").Should().NotContain(second.Split('/')[^1][..^4]);
        }
    }

    [Fact]
    public async Task Feed_without_a_valid_token_answers_404()
    {
        var anonymous = portal.NewClient();
        (await anonymous.GetAsync("/calendar/feed/.ics")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/calendar/feed/not-a-token.ics")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/calendar/feed/revoke")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var (_, unknown) = Web.Domain.CalendarFeed.Create(Guid.NewGuid(), DateTimeOffset.UtcNow);
        (await anonymous.GetAsync($"/calendar/feed/{unknown}.ics")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a well-formed token nobody was given");
    }

    [Fact]
    public async Task Disabled_users_feed_stops_working()
    {
        var office = await portal.Office().InTimeZone(Moscow).SaveAsync();
        var lawyer = await portal.Staff("feed-disabled-lawyer@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var path = await CreateAsync(await portal.SignedInClientAsync("feed-disabled-lawyer@test.local"));
        await portal.WithDbAsync(async db =>
        {
            var user = await db.Users.FindAsync(lawyer.Id);
            user!.IsActive = false;
            return await db.SaveChangesAsync();
        });

        (await portal.NewClient().GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    /// <summary>Makes (or remakes) the user's address through the page and returns its path, read from the page as a user would copy it.</summary>
    internal static async Task<string> CreateAsync(HttpClient client)
    {
        var response = await client.SubmitFormAsync("/calendar/feed", [], "/calendar/feed");
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the new address is shown in the answer itself");
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        var address = page.QuerySelector("[data-testid=feed-address]")!.GetAttribute("value")!;
        address.Should().StartWith("https://").And.EndWith(".ics");
        page.QuerySelector("[data-testid=feed-webcal]")!.GetAttribute("value").Should().StartWith("webcal://");
        return new Uri(address).AbsolutePath;
    }
}

/// <summary>A small iCalendar reader for the tests: unfolds lines, splits properties, nests components.</summary>
public sealed class ICal
{
    public string Name { get; private init; } = "";

    public List<(string Name, string Value)> Properties { get; } = [];

    public List<ICal> Children { get; } = [];

    public (string Name, string Value)? Property(string name) =>
        Properties.Where(p => p.Name == name || p.Name.StartsWith(name + ";", StringComparison.Ordinal)).Select(p => ((string, string)?)p).FirstOrDefault();

    public string? Value(string name) => Property(name)?.Value;

    public static ICal Parse(string text)
    {
        // Unfold: a CRLF followed by one space or tab continues the previous line.
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
        var lines = unfolded.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var stack = new Stack<ICal>();
        ICal? root = null;
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            colon.Should().BePositive("each content line is name[;params]:value: {0}", line);
            var name = line[..colon];
            var value = line[(colon + 1)..];
            if (name == "BEGIN")
            {
                var component = new ICal { Name = value };
                if (stack.Count == 0)
                {
                    root.Should().BeNull("one VCALENDAR object");
                    root = component;
                }
                else
                {
                    stack.Peek().Children.Add(component);
                }

                stack.Push(component);
            }
            else if (name == "END")
            {
                stack.Should().NotBeEmpty();
                stack.Pop().Name.Should().Be(value, "END matches its BEGIN");
            }
            else
            {
                stack.Should().NotBeEmpty("properties are inside a component");
                stack.Peek().Properties.Add((name, value));
            }
        }

        stack.Should().BeEmpty("every component is closed");
        lines[0].Should().Be("BEGIN:VCALENDAR");
        lines[^1].Should().Be("END:VCALENDAR");
        return root!;
    }

    public static string Unescape(string value)
    {
        var result = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
                result.Append(value[i] switch { 'n' or 'N' => '\n', var c => c });
            }
            else
            {
                value[i].Should().NotBe(';', "a semicolon in TEXT is escaped");
                value[i].Should().NotBe(',', "a comma in TEXT is escaped");
                result.Append(value[i]);
            }
        }

        return result.ToString();
    }
}
