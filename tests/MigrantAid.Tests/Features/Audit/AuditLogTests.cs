using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Features.Audit;

public class AuditLogTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Audit_log_filters_by_action_user_and_period()
    {
        await portal.CreateUserAsync("audit-filter-admin@test.local", Roles.Admin);
        var alice = await portal.CreateUserAsync("audit-filter-alice@test.local");
        var bob = await portal.CreateUserAsync("audit-filter-bob@test.local");
        await AddEventsAsync(
            Event(alice, AuditActions.UserCreated, new DateTime(2011, 5, 10, 12, 0, 0), "flt-1"),
            Event(alice, AuditActions.UserUpdated, new DateTime(2011, 5, 11, 23, 59, 0), "flt-2"),
            Event(bob, AuditActions.UserCreated, new DateTime(2011, 5, 12, 0, 0, 0), "flt-3"),
            Event(alice, AuditActions.UserCreated, new DateTime(2011, 5, 20, 8, 0, 0), "flt-4"));
        var client = await portal.SignedInClientAsync("audit-filter-admin@test.local");

        (await RecordsAsync(client, "/audit?actor=AUDIT-FILTER-ALICE@test.local"))
            .Should().Equal("user flt-4", "user flt-2", "user flt-1");
        (await RecordsAsync(client, "/audit?actor=audit-filter-alice@test.local&action=user.created"))
            .Should().Equal("user flt-4", "user flt-1");
        (await RecordsAsync(client, "/audit?actor=audit-filter-alice@test.local&from=2011-05-01&to=2011-05-10"))
            .Should().Equal(["user flt-1"], "the last day of the period is included");
        (await RecordsAsync(client, "/audit?from=2011-05-11&to=2011-05-12"))
            .Should().Equal("user flt-3", "user flt-2");
        (await RecordsAsync(client, "/audit?action=user.created&from=2011-05-11&to=2011-05-19"))
            .Should().Equal("user flt-3");

        var page = await client.GetDocumentAsync("/audit?actor=audit-filter-bob@test.local&action=user.created&from=2011-05-01&to=2011-05-31");
        page.QuerySelector("input[name=actor]")!.GetAttribute("value").Should().Be("audit-filter-bob@test.local", "the filters are kept");
        page.QuerySelector("select[name=action] option[selected]")!.GetAttribute("value").Should().Be(AuditActions.UserCreated);
        page.QuerySelector("input[name=from]")!.GetAttribute("value").Should().Be("01/05/2011", "the period is shown day first, in the user's form");
        page.QuerySelector("input[name=to]")!.GetAttribute("value").Should().Be("31/05/2011");
        page.QuerySelector("[data-testid=audit-actor]")!.TextContent.Trim().Should().Be("audit-filter-bob@test.local");
    }

    [Fact]
    public async Task The_filtered_log_downloads_as_CSV_that_names_who_exported_it_and_is_itself_audited()
    {
        await portal.CreateUserAsync("audit-csv-admin@test.local", Roles.Admin);
        var carol = await portal.CreateUserAsync("audit-csv-carol@test.local");
        await AddEventsAsync(
            Event(carol, AuditActions.UserCreated, new DateTime(2012, 3, 1, 9, 0, 0), "csv-1"),
            Event(carol, AuditActions.UserUpdated, new DateTime(2012, 3, 2, 9, 0, 0), "csv-2"),
            Event(carol, AuditActions.UserCreated, new DateTime(2012, 4, 1, 9, 0, 0), "csv-3"));
        var client = await portal.SignedInClientAsync("audit-csv-admin@test.local");

        var page = await client.GetDocumentAsync("/audit?actor=audit-csv-carol@test.local&action=user.created&from=2012-03-01&to=2012-03-31");
        var link = page.QuerySelector("[data-testid=audit-export]")!.GetAttribute("href")!;
        var response = await client.GetAsync(link);

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var at = portal.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        lines[0].Should().StartWith($"\"MigrantAid audit log, exported by Test audit-csv-admin <audit-csv-admin@test.local> at {at} UTC.")
            .And.Contain("Filters: User's e-mail audit-csv-carol@test.local; Action user.created; From 2012-03-01; To 2012-03-31");
        lines[1].Should().StartWith("\"Time (UTC)\",");
        lines.Skip(2).Should().ContainSingle("only carol's user.created events of March are in the period").Which
            .Should().Contain("\"2012-03-01 09:00:00\"").And.Contain("\"user.created\"").And.Contain("\"csv-1\"");
        var exported = (await portal.AuditAsync(AuditActions.AuditExported)).Should().ContainSingle().Subject;
        exported.Details.Should().Contain("\"rows\": 1").And.Contain("audit-csv-carol@test.local").And.Contain("\"completed\": true");

        var refused = await client.GetAsync("/audit/export.csv?from=2012-13-45");
        refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().Should().Be("/audit?from=2012-13-45", "a filter that does not read goes back to the page, which says why");
        (await portal.AuditAsync(AuditActions.AuditExported)).Should().HaveCount(1, "nothing was exported");
    }

    [Fact]
    public async Task Audit_log_pages_by_keyset()
    {
        await portal.CreateUserAsync("audit-paging-admin@test.local", Roles.Admin);
        var busy = await portal.CreateUserAsync("audit-paging-busy@test.local");
        var start = new DateTime(2013, 1, 1, 0, 0, 0);
        await AddEventsAsync(Enumerable.Range(0, 120)
            .Select(i => Event(busy, AuditActions.UserUpdated, start.AddMinutes(i), $"page-{i:000}"))
            .ToArray());
        var client = await portal.SignedInClientAsync("audit-paging-admin@test.local");

        var seen = new List<(long Id, string Record)>();
        var pageSizes = new List<int>();
        string? url = "/audit?actor=audit-paging-busy@test.local";
        while (url is not null)
        {
            var page = await client.GetDocumentAsync(url);
            var rows = Rows(page);
            pageSizes.Add(rows.Count);
            seen.AddRange(rows);
            url = page.QuerySelector("[data-testid=older-page]")?.GetAttribute("href");
            url?.Should().Contain("actor=audit-paging-busy@test.local", "the Older link keeps the filters").And.Contain("before=");
            pageSizes.Count.Should().BeLessThan(10, "paging must end");
        }

        pageSizes.Should().Equal(50, 50, 20);
        seen.Select(s => s.Id).Should().BeInDescendingOrder().And.OnlyHaveUniqueItems();
        seen.Select(s => s.Record).Should().Equal(Enumerable.Range(0, 120).Reverse().Select(i => $"user page-{i:000}"),
            "every event appears once, newest first, with no gaps");
    }

    [Fact]
    public async Task Viewing_audit_log_is_audited()
    {
        var admin = await portal.CreateUserAsync("audit-viewer-admin@test.local", Roles.Admin);
        var client = await portal.SignedInClientAsync("audit-viewer-admin@test.local");

        var first = await client.GetDocumentAsync("/audit");

        var views = (await portal.AuditAsync(AuditActions.AuditViewed)).Where(a => a.ActorId == admin.Id).ToList();
        views.Should().ContainSingle("one page request is one audit event");
        views[0].ActorEmail.Should().Be("audit-viewer-admin@test.local");
        Rows(first).Should().NotContain(r => r.Id == views[0].Id, "the event is written after the page is read");

        await client.GetDocumentAsync("/audit?action=auth.sign-in");

        views = (await portal.AuditAsync(AuditActions.AuditViewed)).Where(a => a.ActorId == admin.Id).ToList();
        views.Should().HaveCount(2);
        views[1].Details.Should().Contain("auth.sign-in", "the filters used are recorded");
    }

    [Theory]
    [InlineData("/audit?from=2024-13-45", "from")]
    [InlineData("/audit?to=yesterday", "to")]
    [InlineData("/audit?from=0001-01-01", "from")]
    [InlineData("/audit?from=2024-05-10&to=2024-05-01", "to")]
    [InlineData("/audit?action=user.exploded", "action")]
    [InlineData("/audit?actor=nobody-at-all@test.local", "actor")]
    public async Task Bad_period_gets_message_not_500(string url, string field)
    {
        var email = $"audit-bad-{Math.Abs(url.GetHashCode(StringComparison.Ordinal))}@test.local";
        await portal.CreateUserAsync(email, Roles.Admin);
        var client = await portal.SignedInClientAsync(email);

        var response = await client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector($"[data-valmsg-for={field}]")!.TextContent.Trim().Should().NotBeEmpty();
        page.QuerySelector($"[name={field}]")!.ClassList.Should().Contain("is-invalid");
    }

    [Fact]
    public async Task Bad_page_key_shows_the_newest_events_with_a_message()
    {
        await portal.CreateUserAsync("audit-badkey-admin@test.local", Roles.Admin);
        var client = await portal.SignedInClientAsync("audit-badkey-admin@test.local");

        var response = await client.GetAsync("/audit?before=abc");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=form-errors]")!.TextContent.Should().Contain("not valid");
        Rows(page).Should().NotBeEmpty("the sign-in of this admin at least is listed");
    }

    [Fact]
    public async Task Times_and_period_follow_the_admins_office_time_zone()
    {
        var admin = await portal.CreateUserAsync("audit-zone-admin@test.local", Roles.Admin);
        var actor = await portal.CreateUserAsync("audit-zone-actor@test.local");
        await portal.WithDbAsync(async db =>
        {
            var office = new Office("Audit Zone Office", "Tashkent", "UZ", "Asia/Tashkent", portal.Clock.GetUtcNow());
            db.Offices.Add(office);
            (await db.Users.SingleAsync(u => u.Id == admin.Id)).OfficeId = office.Id;
            return await db.SaveChangesAsync();
        });
        // 21:30 UTC on 4 March is 02:30 on 5 March in Tashkent (UTC+5).
        await AddEventsAsync(Event(actor, AuditActions.UserUpdated, new DateTime(2012, 3, 4, 21, 30, 0), "zone-1"));
        var client = await portal.SignedInClientAsync("audit-zone-admin@test.local");

        var page = await client.GetDocumentAsync("/audit?actor=audit-zone-actor@test.local&from=2012-03-05&to=2012-03-05");

        Rows(page).Select(r => r.Record).Should().Equal("user zone-1");
        page.QuerySelector("[data-testid=audit-table] thead")!.TextContent.Should().Contain("Asia/Tashkent");
        page.QuerySelector("[data-testid=audit-time]")!.TextContent.Trim()
            .Should().Be("5 Mar 2012, 02:30:00");
        (await RecordsAsync(client, "/audit?actor=audit-zone-actor@test.local&from=2012-03-04&to=2012-03-04"))
            .Should().BeEmpty("4 March in Tashkent ended before the event");
    }

    private static AuditEvent Event(AppUser actor, string action, DateTime utc, string entityId) => new()
    {
        OccurredAt = new DateTimeOffset(utc, TimeSpan.Zero),
        ActorId = actor.Id,
        ActorEmail = actor.Email,
        Action = action,
        EntityType = "user",
        EntityId = entityId,
        IpAddress = "10.0.0.1",
        CorrelationId = "test-" + entityId,
    };

    private Task AddEventsAsync(params AuditEvent[] events) =>
        portal.WithDbAsync(db =>
        {
            db.AuditEvents.AddRange(events);
            return db.SaveChangesAsync();
        });

    private static async Task<List<string>> RecordsAsync(HttpClient client, string url) =>
        Rows(await client.GetDocumentAsync(url)).Select(r => r.Record).ToList();

    private static List<(long Id, string Record)> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=audit-row]")
            .Select(r => (
                long.Parse(r.GetAttribute("data-event-id")!, CultureInfo.InvariantCulture),
                string.Join(' ', r.QuerySelector("[data-testid=audit-record]")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))))
            .ToList();
}
