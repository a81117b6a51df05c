using System.Net;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Features.Desk.Notifications;

namespace MigrantAid.Tests.Features.Desk.Notifications;

/// <summary>In-app notifications: the count in the navigation, the list, marking read, and nobody else's.</summary>
public class NotificationPageTests(ReminderPortal portal) : IClassFixture<ReminderPortal>
{
    private readonly ReminderWorld _world = new(portal);

    [Fact]
    public async Task Lawyer_sees_the_unread_count_in_the_navigation_and_the_notifications_in_the_list()
    {
        var office = await _world.OfficeAsync("NPA");
        var lawyer = await _world.LawyerAsync(office, "notify-list@test.local");
        var (caseId, reference) = await _world.CaseAsync(office, "Sherzod Kholmatov", leadLawyer: lawyer.Id);
        await _world.DeadlineAsync(caseId, "Appeal to the regional court", _world.Today.AddDays(-1));
        await _world.DeadlineAsync(caseId, "Reply to the objections", _world.Today.AddDays(3));
        await _world.HearingAsync(caseId, "Kazan Sovetsky District Court", _world.Morning.AddHours(30));
        await portal.Job.RunOnceAsync(_world.Morning);
        var client = await portal.SignedInClientAsync(lawyer.Email!);

        var home = await client.GetDocumentAsync("/");
        home.QuerySelector("[data-testid=nav-notifications]")!.GetAttribute("href").Should().Be("/notifications");
        home.QuerySelector("[data-testid=notification-count]")!.TextContent.Trim().Should().Be("3");

        var list = await client.GetDocumentAsync("/notifications");
        var rows = list.QuerySelectorAll("[data-testid=notification]");
        rows.Should().HaveCount(3);
        rows.Select(r => r.QuerySelector("[data-testid=notification-title]")!.TextContent.Trim())
            .Should().BeEquivalentTo(["Appeal to the regional court", "Reply to the objections", "Kazan Sovetsky District Court"]);
        rows.Should().OnlyContain(r => r.QuerySelector("[data-testid=notification-case]")!.TextContent.Trim() == reference
            && r.QuerySelector("[data-testid=notification-case]")!.GetAttribute("href") == $"/cases/{caseId}");
        list.Body!.TextContent.Should().NotContain("Kholmatov");

        var first = rows[0].GetAttribute("data-notification-id")!;
        var read = await CaseWorkKit.PostFormAsync(client, list, $"/notifications/{first}/read", []);
        read.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await client.GetDocumentAsync("/notifications");
        after.QuerySelector($"[data-notification-id='{first}']")!.GetAttribute("data-read").Should().Be("true");
        after.QuerySelector("[data-testid=notification-count]")!.TextContent.Trim().Should().Be("2");
        (await portal.AuditAsync(NotificationAuditActions.NotificationRead)).Should().Contain(a => a.EntityId == first);

        (await CaseWorkKit.PostFormAsync(client, after, "/notifications/read-all", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var done = await client.GetDocumentAsync("/notifications");
        done.QuerySelector("[data-testid=notification-count]").Should().BeNull("nothing is unread");
        done.QuerySelectorAll("[data-testid=notification][data-read=false]").Should().BeEmpty();
    }

    [Fact]
    public async Task A_user_cannot_mark_another_users_notification_read()
    {
        var office = await _world.OfficeAsync("NPB");
        var owner = await _world.LawyerAsync(office, "notify-owner@test.local");
        await _world.LawyerAsync(office, "notify-intruder@test.local");
        var (caseId, _) = await _world.CaseAsync(office, "Ulugbek Saidov", leadLawyer: owner.Id);
        await _world.DeadlineAsync(caseId, "Appeal to the regional court", _world.Today.AddDays(2));
        await portal.Job.RunOnceAsync(_world.Morning);
        var notification = (await _world.NotificationsAsync(owner.Id)).Should().ContainSingle().Subject;

        var intruder = await portal.SignedInClientAsync("notify-intruder@test.local");
        var home = await intruder.GetDocumentAsync("/");
        var response = await PostWithTokenOf(intruder, home, $"/notifications/{notification.Id}/read");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _world.NotificationsAsync(owner.Id)).Single().ReadAt.Should().BeNull();
        (await intruder.GetDocumentAsync("/notifications")).QuerySelectorAll("[data-testid=notification]").Should().BeEmpty();
    }

    [Fact]
    public async Task Notifications_are_listed_newest_first_a_page_at_a_time()
    {
        var office = await _world.OfficeAsync("NPC");
        var lawyer = await _world.LawyerAsync(office, "notify-pages@test.local");
        var (caseId, _) = await _world.CaseAsync(office, "Akmal Nematov", leadLawyer: lawyer.Id);
        for (var i = 0; i < ListNotificationsHandler.PageSize + 5; i++)
        {
            await _world.DeadlineAsync(caseId, $"Deadline number {i:00}", _world.Today.AddDays(-i));
        }

        await portal.Job.RunOnceAsync(_world.Morning);
        var client = await portal.SignedInClientAsync(lawyer.Email!);

        var first = await client.GetDocumentAsync("/notifications");
        var firstIds = Ids(first);
        firstIds.Should().HaveCount(ListNotificationsHandler.PageSize).And.BeInDescendingOrder();
        var older = first.QuerySelector("[data-testid=older-page]")!.GetAttribute("href")!;
        var second = await client.GetDocumentAsync(older);
        var secondIds = Ids(second);
        secondIds.Should().HaveCount(5).And.BeInDescendingOrder();
        secondIds.Max().Should().BeLessThan(firstIds.Min());
        second.QuerySelector("[data-testid=older-page]").Should().BeNull();
        (await client.GetAsync("/notifications?before=not-a-number")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static List<long> Ids(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=notification]").Select(r => long.Parse(r.GetAttribute("data-notification-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>Posts to <paramref name="url"/> with the antiforgery token of the page's language form (the user's own token).</summary>
    private static Task<HttpResponseMessage> PostWithTokenOf(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument page, string url)
    {
        var token = page.QuerySelector("form[action='/language'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
    }
}
