using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Deadlines;

namespace MigrantAid.Tests.Features.Desk.Home;

/// <summary>The personal dashboard on the home page: every figure recounted from the seeded data and from the list it links to.</summary>
public class HomeDashboardTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Moscow = "Europe/Moscow";
    private readonly HomeFigures _home = new(portal);

    [Fact]
    public async Task Lawyer_home_counts_only_their_own_cases_deadlines_and_notifications()
    {
        var office = await portal.Office().InTimeZone(Moscow).SaveAsync();
        var lawyer = await portal.Staff("home-lawyer@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var other = await portal.Staff("home-lawyer-other@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var caseworker = await portal.Staff("home-lawyer-caseworker@test.local").InOffice(office).WithRoles(Roles.Caseworker).SaveAsync();
        var today = portal.Today(Moscow);

        var lead = await portal.Case(office).AssignedTo(lead: lawyer.Id).SaveManyAsync(3);
        var leadUrgent = await portal.Case(office).Urgent().WithTitle("My urgent lead case").AssignedTo(lead: lawyer.Id).SaveAsync();
        var further = await portal.Case(office).AssignedTo(lead: other.Id, further: lawyer.Id).SaveManyAsync(2);
        var furtherOpen = await portal.Case(office).AssignedTo(caseworker: caseworker.Id, lead: null, lawyer.Id).SaveAsync();
        var furtherOpenUrgent = await portal.Case(office).Urgent().AssignedTo(caseworker: caseworker.Id, lead: null, lawyer.Id).SaveAsync();
        await portal.Case(office).AssignedTo(lead: lawyer.Id).Closed().SaveAsync();
        await portal.Case(office).Urgent().AssignedTo(lead: lawyer.Id).Closed().SaveAsync();
        await portal.Case(office).Confidential().AssignedTo(lead: lawyer.Id).SaveAsync();
        var others = await portal.Case(office).AssignedTo(lead: other.Id).SaveManyAsync(2);
        var othersUrgent = await portal.Case(office).Urgent().WithTitle("Another lawyer's urgent case").AssignedTo(lead: other.Id).SaveManyAsync(2);
        var unassigned = await portal.Case(office).SaveAsync();

        var mine = lead[0].Id;
        var overdue1 = await portal.Deadline(mine).Titled("Late reply").DueOn(today.AddDays(-3)).SaveAsync();
        await portal.Deadline(mine).Titled("Late appeal").DueOn(today.AddDays(-1)).SaveAsync();
        var dueToday = await portal.Deadline(mine).Titled("Appeal due today").DueOn(today).SaveAsync();
        await portal.Deadline(further[0].Id).Titled("Evidence due today").DueOn(today).SaveAsync();
        var tomorrow = await portal.Deadline(mine).Titled("Tomorrow").DueOn(today.AddDays(1)).SaveAsync();
        await portal.Deadline(mine).Titled("In a week").DueOn(today.AddDays(7)).SaveAsync();
        await portal.Deadline(mine).Titled("In eight days").DueOn(today.AddDays(8)).SaveAsync();
        await portal.Deadline(mine).Titled("Already filed").DueOn(today.AddDays(-2)).WithStatus(DeadlineStatus.Done).SaveAsync();
        await portal.Deadline(lead[1].Id).Titled("My task on my case").DueOn(today.AddDays(2)).OfKind(DeadlineKind.Task).AssignedTo(lawyer.Id).SaveAsync();
        var othersDeadline = await portal.Deadline(others[0].Id).Titled("Other lawyer's overdue").DueOn(today.AddDays(-1)).SaveAsync();
        await portal.Deadline(others[0].Id).Titled("Other lawyer's today").DueOn(today).SaveAsync();
        await portal.Deadline(others[0].Id).Titled("Other lawyer's week").DueOn(today.AddDays(3)).SaveAsync();
        await portal.Deadline(others[0].Id).Titled("Task for me on a case I cannot see").DueOn(today).OfKind(DeadlineKind.Task).AssignedTo(lawyer.Id).SaveAsync();
        await portal.Deadline(unassigned.Id).Titled("Task for me on an office case").DueOn(today.AddDays(1)).OfKind(DeadlineKind.Task).AssignedTo(lawyer.Id).SaveAsync();
        var hearing = (await portal.Proceeding(mine).InCourt("Court of my case").WithHearing(DeskTests.Instant(today.AddDays(1), 11, 0, Moscow)).SaveAsync()).HearingId;
        var othersHearing = (await portal.Proceeding(others[0].Id).InCourt("Court of the other lawyer").WithHearing(DeskTests.Instant(today.AddDays(1), 12, 0, Moscow)).SaveAsync()).HearingId;
        await new NotificationBuilder(portal, lawyer.Id, mine, lead[0].Reference, overdue1, today).SaveAsync();
        await new NotificationBuilder(portal, lawyer.Id, mine, lead[0].Reference, dueToday, today).SaveAsync();
        await new NotificationBuilder(portal, lawyer.Id, mine, lead[0].Reference, tomorrow, today).Read().SaveAsync();
        await new NotificationBuilder(portal, other.Id, others[0].Id, others[0].Reference, othersDeadline, today).SaveAsync();

        var client = await portal.SignedInClientAsync("home-lawyer@test.local");
        var home = await client.GetDocumentAsync("/");
        var figures = HomeFigures.Figures(home);

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
            (await HomeFigures.RowsAsync(client, href)).Should().Be(value, "the figure {0} links to {1}", name, href);
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
        var theirs = HomeFigures.Figures(await (await portal.SignedInClientAsync("home-lawyer-other@test.local")).GetDocumentAsync("/"));
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
        var office = await portal.Office().InTimeZone(Moscow).SaveAsync();
        var elsewhere = await portal.Office().InTimeZone(Moscow).SaveAsync();
        var caseworker = await portal.Staff("home-caseworker@test.local").InOffice(office).WithRoles(Roles.Caseworker).SaveAsync();
        var lawyer = await portal.Staff("home-caseworker-lawyer@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var today = portal.Today(Moscow);

        var own = await portal.Case(office).AssignedTo(caseworker: caseworker.Id).SaveManyAsync(2);
        await portal.Case(office).Urgent().AssignedTo(caseworker: caseworker.Id).SaveAsync();
        var withLawyer = await portal.Case(office).AssignedTo(caseworker: caseworker.Id, lead: lawyer.Id).SaveAsync();
        var officeCase = await portal.Case(office).SaveAsync();
        var secret = await portal.Case(office).Confidential().AssignedTo(lead: lawyer.Id).SaveAsync();
        await portal.Case(office).Urgent().AssignedTo(lead: lawyer.Id).SaveManyAsync(2);

        await portal.Deadline(own[0].Id).Titled("Overdue on my case").DueOn(today.AddDays(-1)).SaveAsync();
        await portal.Deadline(withLawyer.Id).Titled("Due today on our case").DueOn(today).SaveAsync();
        await portal.Deadline(officeCase.Id).Titled("Task for me on an office case").DueOn(today.AddDays(4)).OfKind(DeadlineKind.Task).AssignedTo(caseworker.Id).SaveAsync();
        await portal.Deadline(officeCase.Id).Titled("Office case deadline, not mine").DueOn(today.AddDays(2)).SaveAsync();
        await portal.Deadline(secret.Id).Titled("Task for me on a confidential case").DueOn(today.AddDays(2)).OfKind(DeadlineKind.Task).AssignedTo(caseworker.Id).SaveAsync();

        await portal.Intake(office.Id).Urgent(true).SaveAsync();
        await portal.Intake(office.Id).Urgent(true).SaveAsync();
        await portal.Intake(office.Id).Urgent(false).SaveAsync();
        await portal.Intake(office.Id).Urgent(true).Draft().SaveAsync();
        await portal.Intake(elsewhere.Id).Urgent(true).SaveAsync();
        portal.Clock.Advance(TimeSpan.FromHours(25));

        var client = await portal.SignedInClientAsync("home-caseworker@test.local");
        var home = await client.GetDocumentAsync("/");
        var figures = HomeFigures.Figures(home);

        var assigned = await _home.AssignedCasesAsync(caseworker.Id);
        figures["cases-total"].Value.Should().Be(assigned.Count).And.Be(4, "the office's other cases are visible but not theirs");
        figures["cases-urgent"].Value.Should().Be(assigned.Count(c => c.IsUrgent)).And.Be(1);
        figures["cases-open"].Value.Should().Be(assigned.Count(c => c.Status == CaseStatus.Open)).And.Be(3);
        figures["cases-inprogress"].Value.Should().Be(assigned.Count(c => c.Status == CaseStatus.InProgress)).And.Be(1);

        var now = portal.Today(Moscow);
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
            (await HomeFigures.RowsAsync(client, href)).Should().Be(value, "the figure {0} links to {1}", name, href);
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
        var office = await portal.Office().InTimeZone(Moscow).SaveAsync();
        await portal.Staff("home-coordinator@test.local").InOffice(office).WithRoles(Roles.Coordinator).SaveAsync();
        var both = await portal.Staff("home-coordinator-lawyer@test.local").InOffice(office).WithRoles(Roles.Coordinator, Roles.Lawyer).SaveAsync();
        var other = await portal.Staff("home-coordinator-other@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var today = portal.Today(Moscow);
        var theirs = await portal.Case(office).Urgent().AssignedTo(lead: both.Id).SaveAsync();
        var notTheirs = await portal.Case(office).AssignedTo(lead: other.Id).SaveAsync();
        await portal.Deadline(theirs.Id).Titled("Coordinator's own overdue").DueOn(today.AddDays(-1)).SaveAsync();
        await portal.Deadline(notTheirs.Id).Titled("Office overdue, not theirs").DueOn(today.AddDays(-1)).SaveAsync();

        var plain = await (await portal.SignedInClientAsync("home-coordinator@test.local")).GetDocumentAsync("/");
        plain.QuerySelector("[data-testid=home-dashboard-link]")!.GetAttribute("href").Should().Be("/dashboard");
        plain.QuerySelector("[data-testid=home-personal]").Should().BeNull("a coordinator only has no cases of their own");

        var client = await portal.SignedInClientAsync("home-coordinator-lawyer@test.local");
        var home = await client.GetDocumentAsync("/");
        home.QuerySelector("[data-testid=home-dashboard-link]")!.GetAttribute("href").Should().Be("/dashboard");
        var figures = HomeFigures.Figures(home);
        figures["cases-total"].Value.Should().Be(1, "a coordinator sees every case, but counts only their own here");
        figures["cases-urgent"].Value.Should().Be(1);
        figures["deadlines-overdue"].Value.Should().Be(1);
        figures["deadlines-overdue"].Href.Should().Contain("lawyer=" + both.Id, "the coordinator's desk shows everyone's dates unless a lawyer is chosen");
        foreach (var (name, (value, href)) in figures)
        {
            (await HomeFigures.RowsAsync(client, href)).Should().Be(value, "the figure {0} links to {1}", name, href);
        }
    }
}
