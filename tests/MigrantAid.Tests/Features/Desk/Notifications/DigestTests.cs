using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MigrantAid.Tests.Support;
using MigrantAid.Web;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Notifications;
using MigrantAid.Web.Features.Desk.Notifications;

namespace MigrantAid.Tests.Features.Desk.Notifications;

/// <summary>The daily digest against a local SMTP capture: once per user and day, what it says, in whose language.</summary>
public class DigestTests(ReminderPortal portal) : IClassFixture<ReminderPortal>
{
    private readonly ReminderDay _day = new(portal);

    [Fact]
    public async Task Digest_is_sent_exactly_once_when_two_instances_run_the_job_at_the_same_time()
    {
        var office = await portal.Office().WithCode("DGA").SaveAsync();
        var lawyers = new List<AppUser>();
        for (var i = 0; i < 6; i++)
        {
            var lawyer = await portal.Staff($"digest-twice-{i}@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
            var (caseId, _) = await portal.Case(office).WithClient("Farrukh Tursunov", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync();
            await portal.Deadline(caseId).Titled("Appeal to the regional court").DueOn(portal.Today().AddDays(3)).SaveAsync();
            lawyers.Add(lawyer);
        }

        // A second portal instance on the same database, as behind a load balancer.
        var second = new ConfiguredPortal(ReminderPortal.SettingsFor(portal.Smtp.Port), portal.ConnectionString);
        await second.InitializeAsync();
        try
        {
            var otherJob = second.Services.GetRequiredService<DailyDigestJob>();
            var now = _day.Morning;

            await Task.WhenAll(portal.Job.RunOnceAsync(now), otherJob.RunOnceAsync(now), portal.Job.RunOnceAsync(now), otherJob.RunOnceAsync(now));
            await Task.WhenAll(portal.Job.RunOnceAsync(now.AddMinutes(15)), otherJob.RunOnceAsync(now.AddMinutes(15)));
        }
        finally
        {
            await second.DisposeAsync();
        }

        foreach (var lawyer in lawyers)
        {
            portal.Smtp.To(lawyer.Email!).Should().ContainSingle("{0} should get one digest however many instances run", lawyer.Email);
            var run = await _day.RunAsync(lawyer.Id);
            run!.Status.Should().Be(DigestStatus.Sent);
            run.Attempts.Should().Be(1);
            (await _day.NotificationsAsync(lawyer.Id)).Should().ContainSingle("the deadline is reminded once a day");
        }
    }

    [Fact]
    public async Task Digest_lists_reference_title_and_dates_of_the_users_cases_but_no_client_name()
    {
        var office = await portal.Office().WithCode("DGB").SaveAsync();
        var lawyer = await portal.Staff("digest-content-lawyer@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var caseworker = await portal.Staff("digest-content-caseworker@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var assistant = await portal.Staff("digest-content-assistant@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var (caseId, reference) = await portal.Case(office).WithClient("Rustam Nazarov", null).OnBuildingSite().OpenedToday().OpenedBy(caseworker.Id).AssignedTo(caseworker.Id, lawyer.Id).WithTitle("Dismissal without notice at a warehouse").SaveAsync();
        var today = portal.Today();
        await portal.Deadline(caseId).Titled("Cassation complaint").DueOn(today.AddDays(-2)).SaveAsync();
        await portal.Deadline(caseId).Titled("Reply to the employer's objections").DueOn(today).SaveAsync();
        await portal.Deadline(caseId).Titled("Appeal to the city court").DueOn(today.AddDays(5)).SaveAsync();
        await portal.Deadline(caseId).Titled("Complaint to the labour inspectorate").DueOn(today.AddDays(10)).SaveAsync();
        await portal.Deadline(caseId).Titled("Statement of claim").DueOn(today.AddDays(1)).WithStatus(DeadlineStatus.Done).SaveAsync();
        await portal.Deadline(caseId).Titled("Collect pay slips").DueOn(today.AddDays(2)).AssignedTo(assistant.Id).SaveAsync();
        await portal.Proceeding(caseId).InCourt("Kazan Vakhitovsky District Court").WithHearing(_day.Morning.AddDays(1).AddHours(8)).SaveAsync();

        await portal.Job.RunOnceAsync(_day.Morning);

        var mail = portal.Smtp.To(lawyer.Email!).Should().ContainSingle().Subject;
        mail.Headers["Content-Language"].Should().Be("en");
        mail.Subject.Should().Contain("4");
        mail.Body.Should().Contain(reference)
            .And.Contain("Cassation complaint").And.Contain(Date(today.AddDays(-2), "en-GB"))
            .And.Contain("Reply to the employer's objections")
            .And.Contain("Appeal to the city court").And.Contain(Date(today.AddDays(5), "en-GB"))
            .And.Contain("Kazan Vakhitovsky District Court")
            .And.Contain(ReminderPortal.PublicUrl + "/desk");
        mail.Body.Should().NotContain("Complaint to the labour inspectorate", "it is due beyond the next 7 days")
            .And.NotContain("Statement of claim", "it is done")
            .And.NotContain("Collect pay slips", "a task concerns its assignee");
        mail.Raw.Should().NotContain("Nazarov").And.NotContain("Rustam");

        var kinds = (await _day.NotificationsAsync(lawyer.Id)).Select(n => n.Kind).ToList();
        kinds.Should().BeEquivalentTo([NotificationKind.DeadlineOverdue, NotificationKind.DeadlineDueToday, NotificationKind.DeadlineDueSoon, NotificationKind.HearingSoon]);

        portal.Smtp.To(caseworker.Email!).Should().ContainSingle("the case's caseworker is reminded of its dates too")
            .Which.Body.Should().Contain("Cassation complaint");
        var task = portal.Smtp.To(assistant.Email!).Should().ContainSingle("the assignee is reminded of the task").Subject;
        task.Body.Should().Contain("Collect pay slips").And.NotContain("Cassation complaint");
    }

    [Fact]
    public async Task Russian_lawyer_gets_the_digest_in_Russian()
    {
        var office = await portal.Office().WithCode("DGC").SaveAsync();
        var lawyer = await portal.Staff("digest-russian@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).Speaking(SupportedLanguages.Russian).SaveAsync();
        var (caseId, reference) = await portal.Case(office).WithClient("Азиз Каримов", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync();
        var due = portal.Today().AddDays(4);
        await portal.Deadline(caseId).Titled("Апелляционная жалоба").DueOn(due).SaveAsync();

        await portal.Job.RunOnceAsync(_day.Morning);

        var mail = portal.Smtp.To(lawyer.Email!).Should().ContainSingle().Subject;
        mail.Headers["Content-Language"].Should().Be("ru");
        mail.Subject.Should().Be(Russian("MigrantAid: {0} dates need your attention", 1));
        mail.Body.Should().Contain(reference).And.Contain("Апелляционная жалоба")
            .And.Contain(Russian("Due in the next {0} days", ReminderPlanner.DaysAhead))
            .And.Contain(Date(due, "ru"), "dates follow the Russian culture")
            .And.NotContain(Date(due, "en-GB"));
        mail.Raw.Should().NotContain("Каримов");
    }

    [Fact]
    public async Task A_day_with_nothing_due_makes_no_email_and_is_not_planned_again()
    {
        var office = await portal.Office().WithCode("DGD").SaveAsync();
        var lawyer = await portal.Staff("digest-nothing@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var (caseId, _) = await portal.Case(office).WithClient("Bakyt Osmonov", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync();
        await portal.Deadline(caseId).Titled("Appeal to the regional court").DueOn(portal.Today().AddDays(20)).SaveAsync();

        await portal.Job.RunOnceAsync(_day.Morning);
        await portal.Deadline(caseId).Titled("Added later the same day").DueOn(portal.Today().AddDays(1)).SaveAsync();
        await portal.Job.RunOnceAsync(_day.Morning.AddMinutes(15));

        portal.Smtp.To(lawyer.Email!).Should().BeEmpty();
        (await _day.RunAsync(lawyer.Id))!.Status.Should().Be(DigestStatus.NoEmail);
        (await _day.NotificationsAsync(lawyer.Id)).Should().BeEmpty("the user's day was done before the deadline was added");
    }

    [Fact]
    public async Task The_next_day_brings_one_new_reminder_of_the_same_deadline()
    {
        var office = await portal.Office().WithCode("DGE").SaveAsync();
        var lawyer = await portal.Staff("digest-next-day@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var (caseId, _) = await portal.Case(office).WithClient("Dilshod Rakhimov", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync();
        var deadline = await portal.Deadline(caseId).Titled("Appeal to the regional court").DueOn(portal.Today().AddDays(1)).SaveAsync();

        await portal.Job.RunOnceAsync(_day.Morning);
        await portal.Job.RunOnceAsync(_day.Morning.AddDays(1));
        await portal.Job.RunOnceAsync(_day.Morning.AddDays(1).AddMinutes(30));

        var notifications = await _day.NotificationsAsync(lawyer.Id);
        notifications.Select(n => (n.DeadlineId, n.Day, n.Kind)).Should().Equal(
            (deadline, portal.Today(), NotificationKind.DeadlineDueSoon),
            (deadline, portal.Today().AddDays(1), NotificationKind.DeadlineDueToday));
        portal.Smtp.To(lawyer.Email!).Should().HaveCount(2, "one digest a day");
    }

    private static string Date(DateOnly date, string culture) =>
        culture == "ru" ? date.ToString("d MMMM yyyy", new CultureInfo("ru")) : date.ToString("d MMM yyyy", new CultureInfo("en-GB"));

    private string Russian(string key, params object[] arguments)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("ru");
        try
        {
            return portal.Services.GetRequiredService<IStringLocalizer<SharedResource>>()[key, arguments];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
