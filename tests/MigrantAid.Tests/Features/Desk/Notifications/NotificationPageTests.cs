using System.Net;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Desk.Notifications;

namespace MigrantAid.Tests.Features.Desk.Notifications;

/// <summary>In-app notifications: the count in the navigation, the list, marking read, and nobody else's.</summary>
public class NotificationPageTests(ReminderPortal portal) : IClassFixture<ReminderPortal>
{
    private readonly ReminderDay _day = new(portal);

    [Fact]
    public async Task Lawyer_sees_the_unread_count_in_the_navigation_and_the_notifications_in_the_list()
    {
        var office = await portal.Office().WithCode("NPA").SaveAsync();
        var lawyer = await portal.Staff("notify-list@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var (caseId, reference) = await portal.Case(office).WithClient("Sherzod Kholmatov", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync();
        await portal.Deadline(caseId).Titled("Appeal to the regional court").DueOn(portal.Today().AddDays(-1)).SaveAsync();
        await portal.Deadline(caseId).Titled("Reply to the objections").DueOn(portal.Today().AddDays(3)).SaveAsync();
        await portal.Proceeding(caseId).InCourt("Kazan Sovetsky District Court").WithHearing(_day.Morning.AddHours(30)).SaveAsync();
        await portal.Job.RunOnceAsync(_day.Morning);
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
        var read = await HttpForms.PostFormAsync(client, list, $"/notifications/{first}/read", []);
        read.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await client.GetDocumentAsync("/notifications");
        after.QuerySelector($"[data-notification-id='{first}']")!.GetAttribute("data-read").Should().Be("true");
        after.QuerySelector("[data-testid=notification-count]")!.TextContent.Trim().Should().Be("2");
        (await portal.AuditAsync(NotificationAuditActions.NotificationRead)).Should().Contain(a => a.EntityId == first);

        (await HttpForms.PostFormAsync(client, after, "/notifications/read-all", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var done = await client.GetDocumentAsync("/notifications");
        done.QuerySelector("[data-testid=notification-count]").Should().BeNull("nothing is unread");
        done.QuerySelectorAll("[data-testid=notification][data-read=false]").Should().BeEmpty();
    }

    [Fact]
    public async Task A_user_cannot_mark_another_users_notification_read()
    {
        var office = await portal.Office().WithCode("NPB").SaveAsync();
        var owner = await portal.Staff("notify-owner@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        await portal.Staff("notify-intruder@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var (caseId, _) = await portal.Case(office).WithClient("Ulugbek Saidov", null).OnBuildingSite().OpenedToday().AssignedTo(null, owner.Id).SaveAsync();
        await portal.Deadline(caseId).Titled("Appeal to the regional court").DueOn(portal.Today().AddDays(2)).SaveAsync();
        await portal.Job.RunOnceAsync(_day.Morning);
        var notification = (await _day.NotificationsAsync(owner.Id)).Should().ContainSingle().Subject;

        var intruder = await portal.SignedInClientAsync("notify-intruder@test.local");
        var home = await intruder.GetDocumentAsync("/");
        var response = await PostWithTokenOf(intruder, home, $"/notifications/{notification.Id}/read");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _day.NotificationsAsync(owner.Id)).Single().ReadAt.Should().BeNull();
        (await intruder.GetDocumentAsync("/notifications")).QuerySelectorAll("[data-testid=notification]").Should().BeEmpty();
    }

    [Fact]
    public async Task Notifications_are_listed_newest_first_a_page_at_a_time()
    {
        var office = await portal.Office().WithCode("NPC").SaveAsync();
        var lawyer = await portal.Staff("notify-pages@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var (caseId, _) = await portal.Case(office).WithClient("Akmal Nematov", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync();
        for (var i = 0; i < ListNotificationsHandler.PageSize + 5; i++)
        {
            await portal.Deadline(caseId).Titled($"Deadline number {i:00}").DueOn(portal.Today().AddDays(-i)).SaveAsync();
        }

        await portal.Job.RunOnceAsync(_day.Morning);
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
