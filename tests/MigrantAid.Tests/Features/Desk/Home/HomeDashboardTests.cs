using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Deadlines;

namespace MigrantAid.Tests.Features.Desk.Home;

/// <summary>The personal dashboard on the home page: every figure recounted from the seeded data and from the list it links to.</summary>
public class HomeDashboardTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Moscow = "Europe/Moscow";

    private readonly DeskKit _desk = new(portal);
    private readonly HomeKit _home = new(portal);

    [Fact]
    public async Task Lawyer_home_counts_only_their_own_cases_deadlines_and_notifications()
    {
        var office = await _desk.OfficeAsync(Moscow);
        var lawyer = await _desk.StaffAsync("home-lawyer@test.local", office, Roles.Lawyer);
        var other = await _desk.StaffAsync("home-lawyer-other@test.local", office, Roles.Lawyer);
        var caseworker = await _desk.StaffAsync("home-lawyer-caseworker@test.local", office, Roles.Caseworker);
        var today = _desk.Today(Moscow);

        var lead = await _desk.Case(office).AssignedTo(lead: lawyer.Id).BuildManyAsync(3);
        var leadUrgent = await _desk.Case(office).Urgent().WithTitle("My urgent lead case").AssignedTo(lead: lawyer.Id).BuildAsync();
        var further = await _desk.Case(office).AssignedTo(lead: other.Id, further: lawyer.Id).BuildManyAsync(2);
        var furtherOpen = await _desk.Case(office).AssignedTo(caseworker: caseworker.Id, lead: null, lawyer.Id).BuildAsync();
        var furtherOpenUrgent = await _desk.Case(office).Urgent().AssignedTo(caseworker: caseworker.Id, lead: null, lawyer.Id).BuildAsync();
        await _desk.Case(office).AssignedTo(lead: lawyer.Id).Closed().BuildAsync();
        await _desk.Case(office).Urgent().AssignedTo(lead: lawyer.Id).Closed().BuildAsync();
        await _desk.Case(office).Confidential().AssignedTo(lead: lawyer.Id).BuildAsync();
        var others = await _desk.Case(office).AssignedTo(lead: other.Id).BuildManyAsync(2);
        var othersUrgent = await _desk.Case(office).Urgent().WithTitle("Another lawyer's urgent case").AssignedTo(lead: other.Id).BuildManyAsync(2);
        var unassigned = await _desk.Case(office).BuildAsync();

        var mine = lead[0].Id;
        var overdue1 = await _desk.DeadlineAsync(mine, "Late reply", today.AddDays(-3));
        await _desk.DeadlineAsync(mine, "Late appeal", today.AddDays(-1));
        var dueToday = await _desk.DeadlineAsync(mine, "Appeal due today", today);
        await _desk.DeadlineAsync(further[0].Id, "Evidence due today", today);
        var tomorrow = await _desk.DeadlineAsync(mine, "Tomorrow", today.AddDays(1));
        await _desk.DeadlineAsync(mine, "In a week", today.AddDays(7));
        await _desk.DeadlineAsync(mine, "In eight days", today.AddDays(8));
        await _desk.DeadlineAsync(mine, "Already filed", today.AddDays(-2), status: DeadlineStatus.Done);
        await _desk.DeadlineAsync(lead[1].Id, "My task on my case", today.AddDays(2), DeadlineKind.Task, assignee: lawyer.Id);
        var othersDeadline = await _desk.DeadlineAsync(others[0].Id, "Other lawyer's overdue", today.AddDays(-1));
        await _desk.DeadlineAsync(others[0].Id, "Other lawyer's today", today);
        await _desk.DeadlineAsync(others[0].Id, "Other lawyer's week", today.AddDays(3));
        await _desk.DeadlineAsync(others[0].Id, "Task for me on a case I cannot see", today, DeadlineKind.Task, assignee: lawyer.Id);
        await _desk.DeadlineAsync(unassigned.Id, "Task for me on an office case", today.AddDays(1), DeadlineKind.Task, assignee: lawyer.Id);
        var hearing = await _desk.HearingAsync(mine, DeskTests.Instant(today.AddDays(1), 11, 0, Moscow), "Court of my case");
        var othersHearing = await _desk.HearingAsync(others[0].Id, DeskTests.Instant(today.AddDays(1), 12, 0, Moscow), "Court of the other lawyer");
        await _home.NotifyAsync(lawyer.Id, mine, lead[0].Reference, overdue1, today);
        await _home.NotifyAsync(lawyer.Id, mine, lead[0].Reference, dueToday, today);
        await _home.NotifyAsync(lawyer.Id, mine, lead[0].Reference, tomorrow, today, read: true);
        await _home.NotifyAsync(other.Id, others[0].Id, others[0].Reference, othersDeadline, today);

        var client = await portal.SignedInClientAsync("home-lawyer@test.local");
        var home = await client.GetDocumentAsync("/");
        var figures = HomeKit.Figures(home);

        // Recounted here from what is stored: the lawyer's assignments, statuses, urgency, deadlines and notifications.
        var assigned = await _home.AssignedCasesAsync(lawyer.Id);
        var ids = assigned.Select(c => c.Id).ToList();
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            var key = "cases-" + status.ToString().ToLowerInvariant();
            figures[key].Value.Should().Be(assigned.Count(c => c.Status == status), "{0}", key);
            figures[key + "-urgent"].Value.Should().Be(assigned.Count(c => c.Status == status && c.IsUrgent), "{0} urgent", key);
        }

        figures["cases-total"].Value.Should().Be(assigned.Count).And.Be(11, "3 + 1 lead, 2 + 2 further, 2 closed, 1 confidential");
        figures["cases-urgent"].Value.Should().Be(assigned.Count(c => c.IsUrgent)).And.Be(3);
        figures["cases-inprogress"].Value.Should().Be(7);
        figures["cases-open"].Value.Should().Be(2);

        var deadlines = await _home.OpenDeadlinesAsync(lawyer.Id, ids, ids);
        figures["deadlines-overdue"].Value.Should().Be(deadlines.Count(d => d.DueOn < today)).And.Be(2);
        figures["deadlines-today"].Value.Should().Be(deadlines.Count(d => d.DueOn == today)).And.Be(2);
        figures["deadlines-week"].Value.Should().Be(deadlines.Count(d => d.DueOn > today && d.DueOn <= today.AddDays(7))).And.Be(3);
        figures["notifications-unread"].Value.Should().Be(await _home.UnreadAsync(lawyer.Id)).And.Be(2);
        figures.Should().NotContainKey("intakes-urgent", "a lawyer does not decide intakes");

        // Each figure links to the list it counts, and that list shows exactly that many rows.
        foreach (var (name, (value, href)) in figures)
        {
            (await HomeKit.RowsAsync(client, href)).Should().Be(value, "the figure {0} links to {1}", name, href);
        }

        figures["cases-inprogress-urgent"].Href.Should().Be("/cases?status=InProgress&urgent=true&scope=mine");
        figures["deadlines-overdue"].Href.Should().Be("/desk?bucket=overdue");

        home.QuerySelectorAll("[data-testid=home-urgent-case]").Select(li => Guid.Parse(li.GetAttribute("data-case-id")!))
            .Should().BeEquivalentTo([leadUrgent.Id, furtherOpenUrgent.Id], "urgent cases not yet closed, the lawyer's own only");
        home.QuerySelectorAll("[data-testid=home-hearing]").Select(li => Guid.Parse(li.GetAttribute("data-hearing-id")!))
            .Should().Equal(hearing);
        home.QuerySelectorAll("[data-testid=home-deadline]").Should().HaveCount(5, "the short list shows the first five dates");
        var text = home.Body!.TextContent;
        text.Should().NotContain("Another lawyer's urgent case").And.NotContain("Court of the other lawyer").And.NotContain("Other lawyer's")
            .And.NotContain(othersUrgent[0].Reference).And.NotContain(othersHearing.ToString());
        home.QuerySelector("[data-testid=home-coordinator]").Should().BeNull("a lawyer is not a coordinator");
        home.QuerySelector("[data-testid=home-roles]")!.TextContent.Should().Contain("Lawyer");

        // The other lawyer's home counts theirs, and none of these.
        var theirs = HomeKit.Figures(await (await portal.SignedInClientAsync("home-lawyer-other@test.local")).GetDocumentAsync("/"));
        var theirCases = await _home.AssignedCasesAsync(other.Id);
        theirs["cases-total"].Value.Should().Be(theirCases.Count).And.Be(6, "2 further-lawyer cases shared, 4 of their own");
        theirs["cases-urgent"].Value.Should().Be(theirCases.Count(c => c.IsUrgent)).And.Be(2);
        theirs["deadlines-overdue"].Value.Should().Be(1);
        theirs["deadlines-today"].Value.Should().Be(3, "their own, the task on their case assigned to someone else, and the one on the case they lead with a further lawyer");
        theirs["notifications-unread"].Value.Should().Be(1);
    }

    [Fact]
    public async Task Caseworker_home_shows_their_cases_tasks_and_the_urgent_intakes_of_their_office()
    {
        var office = await _desk.OfficeAsync(Moscow);
        var elsewhere = await _desk.OfficeAsync(Moscow);
        var caseworker = await _desk.StaffAsync("home-caseworker@test.local", office, Roles.Caseworker);
        var lawyer = await _desk.StaffAsync("home-caseworker-lawyer@test.local", office, Roles.Lawyer);
        var today = _desk.Today(Moscow);

        var own = await _desk.Case(office).AssignedTo(caseworker: caseworker.Id).BuildManyAsync(2);
        await _desk.Case(office).Urgent().AssignedTo(caseworker: caseworker.Id).BuildAsync();
        var withLawyer = await _desk.Case(office).AssignedTo(caseworker: caseworker.Id, lead: lawyer.Id).BuildAsync();
        var officeCase = await _desk.Case(office).BuildAsync();
        var secret = await _desk.Case(office).Confidential().AssignedTo(lead: lawyer.Id).BuildAsync();
        await _desk.Case(office).Urgent().AssignedTo(lead: lawyer.Id).BuildManyAsync(2);

        await _desk.DeadlineAsync(own[0].Id, "Overdue on my case", today.AddDays(-1));
        await _desk.DeadlineAsync(withLawyer.Id, "Due today on our case", today);
        await _desk.DeadlineAsync(officeCase.Id, "Task for me on an office case", today.AddDays(4), DeadlineKind.Task, assignee: caseworker.Id);
        await _desk.DeadlineAsync(officeCase.Id, "Office case deadline, not mine", today.AddDays(2));
        await _desk.DeadlineAsync(secret.Id, "Task for me on a confidential case", today.AddDays(2), DeadlineKind.Task, assignee: caseworker.Id);

        await _home.WaitingIntakeAsync(office, urgent: true);
        await _home.WaitingIntakeAsync(office, urgent: true);
        await _home.WaitingIntakeAsync(office, urgent: false);
        await _home.WaitingIntakeAsync(office, urgent: true, draft: true);
        await _home.WaitingIntakeAsync(elsewhere, urgent: true);
        portal.Clock.Advance(TimeSpan.FromHours(25));

        var client = await portal.SignedInClientAsync("home-caseworker@test.local");
        var home = await client.GetDocumentAsync("/");
        var figures = HomeKit.Figures(home);

        var assigned = await _home.AssignedCasesAsync(caseworker.Id);
        figures["cases-total"].Value.Should().Be(assigned.Count).And.Be(4, "the office's other cases are visible but not theirs");
        figures["cases-urgent"].Value.Should().Be(assigned.Count(c => c.IsUrgent)).And.Be(1);
        figures["cases-open"].Value.Should().Be(assigned.Count(c => c.Status == CaseStatus.Open)).And.Be(3);
        figures["cases-inprogress"].Value.Should().Be(assigned.Count(c => c.Status == CaseStatus.InProgress)).And.Be(1);

        var now = _desk.Today(Moscow);
        var visible = await portal.WithDbAsync(db => Task.FromResult(db.Cases
            .Where(c => c.OfficeId == office.Id && !c.IsConfidential).Select(c => c.Id).ToList()));
        var deadlines = await _home.OpenDeadlinesAsync(caseworker.Id, assigned.Select(c => c.Id).ToList(), visible);
        figures["deadlines-overdue"].Value.Should().Be(deadlines.Count(d => d.DueOn < now));
        figures["deadlines-today"].Value.Should().Be(deadlines.Count(d => d.DueOn == now));
        figures["deadlines-week"].Value.Should().Be(deadlines.Count(d => d.DueOn > now && d.DueOn <= now.AddDays(7)));
        (figures["deadlines-overdue"].Value + figures["deadlines-today"].Value + figures["deadlines-week"].Value)
            .Should().Be(3, "the clock moved a day on: all three of their dates are within the week, the confidential task is not theirs to see");

        var intakes = await portal.WithDbAsync(db => Task.FromResult(db.Intakes
            .Where(i => i.OfficeId == office.Id && i.Status == IntakeStatus.Submitted).ToList()));
        figures["intakes-urgent"].Value.Should().Be(intakes.Count(i => i.IsUrgent)).And.Be(2, "a draft and another office's intake do not wait here");
        home.QuerySelector("[data-testid=home-intakes-detail]")!.TextContent.Should()
            .Contain(intakes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " waiting in all")
            .And.Contain("2 urgent past their response target");

        foreach (var (name, (value, href)) in figures)
        {
            (await HomeKit.RowsAsync(client, href)).Should().Be(value, "the figure {0} links to {1}", name, href);
        }
    }

    [Fact]
    public async Task Admin_only_user_sees_the_plain_home_page()
    {
        await portal.CreateUserAsync("home-admin@test.local", Roles.Admin);
        var home = await (await portal.SignedInClientAsync("home-admin@test.local")).GetDocumentAsync("/");

        home.QuerySelector("[data-testid=home-personal]").Should().BeNull();
        home.QuerySelector("[data-testid=home-coordinator]").Should().BeNull();
        home.QuerySelectorAll("[data-testid=home-figure]").Should().BeEmpty();
        home.QuerySelector("[data-testid=home-roles]")!.TextContent.Should().Contain("Administrator");
        home.QuerySelectorAll("a[href='/users']").Select(a => a.TextContent.Trim()).Should().Contain("Users");
    }

    [Fact]
    public async Task Coordinator_gets_the_dashboard_link_and_their_own_dates_only_when_also_a_lawyer()
    {
        var office = await _desk.OfficeAsync(Moscow);
        await _desk.StaffAsync("home-coordinator@test.local", office, Roles.Coordinator);
        var both = await _desk.StaffAsync("home-coordinator-lawyer@test.local", office, Roles.Coordinator, Roles.Lawyer);
        var other = await _desk.StaffAsync("home-coordinator-other@test.local", office, Roles.Lawyer);
        var today = _desk.Today(Moscow);
        var theirs = await _desk.Case(office).Urgent().AssignedTo(lead: both.Id).BuildAsync();
        var notTheirs = await _desk.Case(office).AssignedTo(lead: other.Id).BuildAsync();
        await _desk.DeadlineAsync(theirs.Id, "Coordinator's own overdue", today.AddDays(-1));
        await _desk.DeadlineAsync(notTheirs.Id, "Office overdue, not theirs", today.AddDays(-1));

        var plain = await (await portal.SignedInClientAsync("home-coordinator@test.local")).GetDocumentAsync("/");
        plain.QuerySelector("[data-testid=home-dashboard-link]")!.GetAttribute("href").Should().Be("/dashboard");
        plain.QuerySelector("[data-testid=home-personal]").Should().BeNull("a coordinator only has no cases of their own");

        var client = await portal.SignedInClientAsync("home-coordinator-lawyer@test.local");
        var home = await client.GetDocumentAsync("/");
        home.QuerySelector("[data-testid=home-dashboard-link]")!.GetAttribute("href").Should().Be("/dashboard");
        var figures = HomeKit.Figures(home);
        figures["cases-total"].Value.Should().Be(1, "a coordinator sees every case, but counts only their own here");
        figures["cases-urgent"].Value.Should().Be(1);
        figures["deadlines-overdue"].Value.Should().Be(1);
        figures["deadlines-overdue"].Href.Should().Contain("lawyer=" + both.Id, "the coordinator's desk shows everyone's dates unless a lawyer is chosen");
        foreach (var (name, (value, href)) in figures)
        {
            (await HomeKit.RowsAsync(client, href)).Should().Be(value, "the figure {0} links to {1}", name, href);
        }
    }
}
