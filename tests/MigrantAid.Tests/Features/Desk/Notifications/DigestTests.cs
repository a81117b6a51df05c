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
    private readonly ReminderWorld _world = new(portal);

    [Fact]
    public async Task Digest_is_sent_exactly_once_when_two_instances_run_the_job_at_the_same_time()
    {
        var office = await _world.OfficeAsync("DGA");
        var lawyers = new List<AppUser>();
        for (var i = 0; i < 6; i++)
        {
            var lawyer = await _world.LawyerAsync(office, $"digest-twice-{i}@test.local");
            var (caseId, _) = await _world.CaseAsync(office, "Farrukh Tursunov", leadLawyer: lawyer.Id);
            await _world.DeadlineAsync(caseId, "Appeal to the regional court", _world.Today.AddDays(3));
            lawyers.Add(lawyer);
        }

        // A second portal instance on the same database, as behind a load balancer.
        var second = new ConfiguredPortal(ReminderPortal.SettingsFor(portal.Smtp.Port), portal.ConnectionString);
        await second.InitializeAsync();
        try
        {
            var otherJob = second.Services.GetRequiredService<DailyDigestJob>();
            var now = _world.Morning;

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
            var run = await _world.RunAsync(lawyer.Id);
            run!.Status.Should().Be(DigestStatus.Sent);
            run.Attempts.Should().Be(1);
            (await _world.NotificationsAsync(lawyer.Id)).Should().ContainSingle("the deadline is reminded once a day");
        }
    }

    [Fact]
    public async Task Digest_lists_reference_title_and_dates_of_the_users_cases_but_no_client_name()
    {
        var office = await _world.OfficeAsync("DGB");
        var lawyer = await _world.LawyerAsync(office, "digest-content-lawyer@test.local");
        var caseworker = await _world.Kit.StaffAsync("digest-content-caseworker@test.local", office.Id, Roles.Caseworker);
        var assistant = await _world.LawyerAsync(office, "digest-content-assistant@test.local");
        var (caseId, reference) = await _world.CaseAsync(office, "Rustam Nazarov", leadLawyer: lawyer.Id, caseworker: caseworker.Id,
            title: "Dismissal without notice at a warehouse");
        var today = _world.Today;
        await _world.DeadlineAsync(caseId, "Cassation complaint", today.AddDays(-2));
        await _world.DeadlineAsync(caseId, "Reply to the employer's objections", today);
        await _world.DeadlineAsync(caseId, "Appeal to the city court", today.AddDays(5));
        await _world.DeadlineAsync(caseId, "Complaint to the labour inspectorate", today.AddDays(10));
        await _world.DeadlineAsync(caseId, "Statement of claim", today.AddDays(1), status: DeadlineStatus.Done);
        await _world.DeadlineAsync(caseId, "Collect pay slips", today.AddDays(2), assignee: assistant.Id);
        await _world.HearingAsync(caseId, "Kazan Vakhitovsky District Court", _world.Morning.AddDays(1).AddHours(8));

        await portal.Job.RunOnceAsync(_world.Morning);

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

        var kinds = (await _world.NotificationsAsync(lawyer.Id)).Select(n => n.Kind).ToList();
        kinds.Should().BeEquivalentTo([NotificationKind.DeadlineOverdue, NotificationKind.DeadlineDueToday, NotificationKind.DeadlineDueSoon, NotificationKind.HearingSoon]);

        portal.Smtp.To(caseworker.Email!).Should().ContainSingle("the case's caseworker is reminded of its dates too")
            .Which.Body.Should().Contain("Cassation complaint");
        var task = portal.Smtp.To(assistant.Email!).Should().ContainSingle("the assignee is reminded of the task").Subject;
        task.Body.Should().Contain("Collect pay slips").And.NotContain("Cassation complaint");
    }

    [Fact]
    public async Task Russian_lawyer_gets_the_digest_in_Russian()
    {
        var office = await _world.OfficeAsync("DGC");
        var lawyer = await _world.LawyerAsync(office, "digest-russian@test.local", SupportedLanguages.Russian);
        var (caseId, reference) = await _world.CaseAsync(office, "Азиз Каримов", leadLawyer: lawyer.Id);
        var due = _world.Today.AddDays(4);
        await _world.DeadlineAsync(caseId, "Апелляционная жалоба", due);

        await portal.Job.RunOnceAsync(_world.Morning);

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
        var office = await _world.OfficeAsync("DGD");
        var lawyer = await _world.LawyerAsync(office, "digest-nothing@test.local");
        var (caseId, _) = await _world.CaseAsync(office, "Bakyt Osmonov", leadLawyer: lawyer.Id);
        await _world.DeadlineAsync(caseId, "Appeal to the regional court", _world.Today.AddDays(20));

        await portal.Job.RunOnceAsync(_world.Morning);
        await _world.DeadlineAsync(caseId, "Added later the same day", _world.Today.AddDays(1));
        await portal.Job.RunOnceAsync(_world.Morning.AddMinutes(15));

        portal.Smtp.To(lawyer.Email!).Should().BeEmpty();
        (await _world.RunAsync(lawyer.Id))!.Status.Should().Be(DigestStatus.NoEmail);
        (await _world.NotificationsAsync(lawyer.Id)).Should().BeEmpty("the user's day was done before the deadline was added");
    }

    [Fact]
    public async Task The_next_day_brings_one_new_reminder_of_the_same_deadline()
    {
        var office = await _world.OfficeAsync("DGE");
        var lawyer = await _world.LawyerAsync(office, "digest-next-day@test.local");
        var (caseId, _) = await _world.CaseAsync(office, "Dilshod Rakhimov", leadLawyer: lawyer.Id);
        var deadline = await _world.DeadlineAsync(caseId, "Appeal to the regional court", _world.Today.AddDays(1));

        await portal.Job.RunOnceAsync(_world.Morning);
        await portal.Job.RunOnceAsync(_world.Morning.AddDays(1));
        await portal.Job.RunOnceAsync(_world.Morning.AddDays(1).AddMinutes(30));

        var notifications = await _world.NotificationsAsync(lawyer.Id);
        notifications.Select(n => (n.DeadlineId, n.Day, n.Kind)).Should().Equal(
            (deadline, _world.Today, NotificationKind.DeadlineDueSoon),
            (deadline, _world.Today.AddDays(1), NotificationKind.DeadlineDueToday));
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
