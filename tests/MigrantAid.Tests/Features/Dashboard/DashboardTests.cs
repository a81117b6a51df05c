using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Dashboard;

namespace MigrantAid.Tests.Features.Dashboard;

/// <summary>
/// Every dashboard figure against a count the test makes itself from the base tables (never from the
/// dashboard's pre-aggregates), every figure's link followed and its rows counted, changes followed
/// by the figures, and who may open the page.
/// </summary>
public class DashboardTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(portal.Clock.GetUtcNow(), Moscow).DateTime);

    private static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Moscow).DateTime);

    private sealed record Seed(TestOffice Office, AppUser Lawyer, AppUser OtherLawyer, HttpClient Coordinator, IReadOnlyList<BuiltCase> Cases);

    [Fact]
    public async Task Every_figure_equals_an_independent_count_and_its_link_lists_exactly_those_rows()
    {
        var seed = await SeedAsync("every");
        var page = await seed.Coordinator.GetDocumentAsync("/dashboard?office=" + seed.Office.Id);
        var office = seed.Office.Id;
        var today = Today;
        var facts = await portal.WithDbAsync(db => FactsAsync(db, office, today));

        // Open cases by status, office, category and citizenship.
        foreach (var status in new[] { CaseStatus.Open, CaseStatus.InProgress })
        {
            await ExpectAsync(seed.Coordinator, Link(page, "open-by-status", status.ToString()), facts.Cases.Count(c => c.Status == status), "status " + status);
        }

        await ExpectAsync(seed.Coordinator, Link(page, "open-by-office", office.ToString()), facts.Open.Count, "office");
        await ExpectAsync(seed.Coordinator, Card(page, "open"), facts.Open.Count, "open total");
        foreach (var category in facts.Categories.Where(cc => facts.Open.Any(c => c.Id == cc.CaseId)).GroupBy(cc => cc.CategoryId))
        {
            await ExpectAsync(seed.Coordinator, Link(page, "open-by-category", category.Key.ToString()), category.Count(), "category " + category.Key);
        }

        foreach (var citizenship in facts.Open.GroupBy(c => c.Citizenship ?? "none"))
        {
            await ExpectAsync(seed.Coordinator, Link(page, "open-by-citizenship", citizenship.Key), citizenship.Count(), "citizenship " + citizenship.Key);
        }

        // Intakes submitted and cases closed per week.
        var weeks = page.QuerySelectorAll("table[data-testid=weeks] tbody tr").ToList();
        weeks.Should().HaveCount(12, "the default period is the last 12 weeks");
        foreach (var row in weeks)
        {
            var week = DateOnly.Parse(row.GetAttribute("data-week")!, System.Globalization.CultureInfo.InvariantCulture);
            var intakes = facts.Intakes.Count(i => i is { } at && DashboardFilter.WeekStart(LocalDate(at)) == week);
            var closed = facts.Cases.Count(c => c.ClosedOn is { } on && DashboardFilter.WeekStart(on) == week);
            await ExpectAsync(seed.Coordinator, (IElement)row.QuerySelector("a[data-testid=figure-intakes]")!, intakes, "intakes in week " + week);
            await ExpectAsync(seed.Coordinator, (IElement)row.QuerySelector("a[data-testid=figure-closed]")!, closed, "closed in week " + week);
        }

        facts.Intakes.Should().NotBeEmpty();
        weeks.Sum(w => int.Parse(w.QuerySelector("a[data-testid=figure-closed]")!.TextContent)).Should().BeGreaterThan(0, "the seed closes cases in the period");

        // Caseload per lawyer.
        foreach (var lawyer in new[] { seed.Lawyer, seed.OtherLawyer })
        {
            var row = page.QuerySelector($"table[data-testid=lawyers] tr[data-lawyer-id='{lawyer.Id}']")!;
            var open = facts.Open.Where(c => c.Lead == lawyer.Id).ToList();
            var overdue = facts.Deadlines.Count(d => d.Status == DeadlineStatus.Open && d.DueOn < today && open.Any(c => c.Id == d.CaseId));
            await ExpectAsync(seed.Coordinator, row.QuerySelector("a[data-testid=figure-open]")!, open.Count, "open of " + lawyer.Email);
            await ExpectAsync(seed.Coordinator, row.QuerySelector("a[data-testid=figure-urgent]")!, open.Count(c => c.IsUrgent), "urgent of " + lawyer.Email);
            await ExpectAsync(seed.Coordinator, row.QuerySelector("a[data-testid=figure-overdue]")!, overdue, "overdue of " + lawyer.Email);
        }

        // Deadlines, urgent intakes, expiring documents.
        var openDeadlines = facts.Deadlines.Where(d => d.Status == DeadlineStatus.Open && facts.Open.Any(c => c.Id == d.CaseId)).ToList();
        await ExpectAsync(seed.Coordinator, Card(page, "overdue"), openDeadlines.Count(d => d.DueOn < today), "overdue deadlines");
        await ExpectAsync(seed.Coordinator, Card(page, "next14"), openDeadlines.Count(d => d.DueOn >= today && d.DueOn <= today.AddDays(13)), "next 14 days");
        await ExpectAsync(seed.Coordinator, Card(page, "urgent-intakes"), facts.UrgentOverdueIntakes, "urgent intakes");
        await ExpectAsync(seed.Coordinator, Card(page, "expiring"), facts.ExpiringClients, "expiring documents");

        // Outcomes in courts and at UN bodies.
        var (from, _) = DashboardFilter.DefaultPeriod(today);
        var decisions = facts.Decisions.Where(d => d.On >= from && d.On <= today).ToList();
        var courts = page.QuerySelector("[data-testid=outcomes-courts]")!;
        await ExpectAsync(seed.Coordinator, courts.QuerySelector("a[data-testid=outcomes-total]")!, decisions.Count, "court decisions");
        foreach (var forum in decisions.GroupBy(d => d.Forum))
        {
            var row = courts.QuerySelector($"table[data-testid=courts-by-forum] tr[data-key='{forum.Key}']")!;
            await ExpectAsync(seed.Coordinator, row.QuerySelector("a[data-testid=figure-decided]")!, forum.Count(), "decisions in " + forum.Key);
            await ExpectAsync(seed.Coordinator, row.QuerySelector("a[data-testid=figure-won]")!, forum.Count(d => d.Won), "won in " + forum.Key);
        }

        var un = page.QuerySelector("[data-testid=outcomes-un]")!;
        var submissions = facts.Submissions.Where(s => s.On >= from && s.On <= today && s.Decided).ToList();
        await ExpectAsync(seed.Coordinator, un.QuerySelector("a[data-testid=outcomes-total]")!, submissions.Count, "UN decisions");
        var unWon = un.QuerySelector("table[data-testid=un-by-forum] tr[data-key='CMW'] a[data-testid=figure-won]")!;
        await ExpectAsync(seed.Coordinator, unWon, submissions.Count(s => s.Won), "UN won");

        // Medians.
        var assigned = facts.FirstAssignments.Where(a => a.On >= from && a.On <= today).Select(a => a.Days).ToList();
        var closures = facts.Cases.Where(c => c.ClosedOn is { } on && on >= from && on <= today).Select(c => c.ClosedOn!.Value.DayNumber - c.IntakeDate.DayNumber).ToList();
        foreach (var (key, days) in new[] { ("assignment", assigned), ("closure", closures) })
        {
            var row = page.QuerySelector($"table[data-testid=medians] tr[data-key='{key}']")!;
            await ExpectAsync(seed.Coordinator, row.QuerySelector("a[data-testid=figure-median-cases]")!, days.Count, "cases of median " + key);
            row.QuerySelector("[data-testid=median-days]")!.TextContent.Trim().Should().Be(MedianText(days), "median " + key);
        }

        assigned.Should().Contain(3, "one case was assigned three days after its intake");
    }

    [Fact]
    public async Task Closing_a_case_and_marking_a_deadline_done_change_the_figures()
    {
        var seed = await SeedAsync("change");
        var url = "/dashboard?office=" + seed.Office.Id;
        var before = await seed.Coordinator.GetDocumentAsync(url);
        var openBefore = Count(Card(before, "open"));
        var overdueBefore = Count(Card(before, "overdue"));
        var lawyerOpenBefore = Count(before.QuerySelector($"tr[data-lawyer-id='{seed.Lawyer.Id}'] a[data-testid=figure-open]")!);
        var victim = seed.Cases[0];

        await portal.WithDbAsync(async db =>
        {
            var @case = await db.Cases.SingleAsync(c => c.Id == victim.Id);
            @case.Close(CaseOutcome.ResolvedInFavour, Today, null, Guid.NewGuid(), portal.Clock.GetUtcNow());
            var other = await db.CaseDeadlines.FirstAsync(d => d.CaseId == seed.Cases[1].Id && d.Status == DeadlineStatus.Open && d.DueOn < Today);
            other.Status = DeadlineStatus.Done;
            return await db.SaveChangesAsync();
        });

        var after = await seed.Coordinator.GetDocumentAsync(url);
        Count(Card(after, "open")).Should().Be(openBefore - 1);
        Count(Card(after, "overdue")).Should().Be(overdueBefore - 1 - 1, "the closed case's overdue deadline and the one marked done no longer count");
        Count(after.QuerySelector($"tr[data-lawyer-id='{seed.Lawyer.Id}'] a[data-testid=figure-open]")!).Should().Be(lawyerOpenBefore - 1);
        var thisWeek = after.QuerySelector($"table[data-testid=weeks] tr[data-week='{DashboardQuery.Iso(DashboardFilter.WeekStart(Today))}'] a[data-testid=figure-closed]")!;
        var thisWeekBefore = before.QuerySelector($"table[data-testid=weeks] tr[data-week='{DashboardQuery.Iso(DashboardFilter.WeekStart(Today))}'] a[data-testid=figure-closed]")!;
        Count(thisWeek).Should().Be(Count(thisWeekBefore) + 1);
    }

    [Fact]
    public async Task Office_filter_counts_only_that_office_and_all_offices_add_up()
    {
        var seed = await SeedAsync("office");
        var other = await portal.Office().SaveAsync();
        await new CaseBuilder(portal, other).WithClient("Other office", "KG").OpenedOn(Today.AddDays(-3)).SaveManyAsync(3);

        var mine = await seed.Coordinator.GetDocumentAsync("/dashboard?office=" + seed.Office.Id);
        var theirs = await seed.Coordinator.GetDocumentAsync("/dashboard?office=" + other.Id);
        var all = await seed.Coordinator.GetDocumentAsync("/dashboard");

        Count(Card(theirs, "open")).Should().Be(3);
        var counted = await portal.WithDbAsync(db => db.Cases.CountAsync(c => c.Status != CaseStatus.Closed && c.OfficeId == seed.Office.Id));
        Count(Card(mine, "open")).Should().Be(counted);
        var everywhere = await portal.WithDbAsync(db => db.Cases.CountAsync(c => c.Status != CaseStatus.Closed));
        Count(Card(all, "open")).Should().Be(everywhere, "all offices count every open case");
        Count(Link(all, "open-by-office", other.Id.ToString())).Should().Be(3);
    }

    [Fact]
    public async Task Lawyers_and_caseworkers_are_refused_the_dashboard()
    {
        await portal.CreateUserAsync("dash-refused-lawyer@test.local", Roles.Lawyer);
        await portal.CreateUserAsync("dash-refused-cw@test.local", Roles.Caseworker);
        foreach (var email in new[] { "dash-refused-lawyer@test.local", "dash-refused-cw@test.local" })
        {
            var client = await portal.SignedInClientAsync(email);
            foreach (var url in new[] { "/dashboard", "/dashboard/deadlines?window=overdue", "/dashboard/outcomes?kind=court&from=2026-01-01&to=2026-03-31", "/dashboard/assigned?from=2026-01-01&to=2026-03-31" })
            {
                (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Forbidden, email + " opens " + url);
            }

            var home = await client.GetDocumentAsync("/cases");
            home.QuerySelector("[data-testid=nav-dashboard]").Should().BeNull();
        }
    }

    [Fact]
    public async Task Bad_period_is_reported_at_its_field_and_the_default_period_is_shown()
    {
        await portal.CreateUserAsync("dash-bad-coord@test.local", Roles.Coordinator);
        var coordinator = await portal.SignedInClientAsync("dash-bad-coord@test.local");

        var response = await coordinator.GetAsync("/dashboard?from=2026-05-01&to=2026-04-01&office=nonsense");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=to-error]")!.TextContent.Should().Contain("must not be before");
        page.QuerySelector("#dashboard-office-error")!.TextContent.Should().Contain("office");
        ((IHtmlInputElement)page.QuerySelector("#dashboard-to")!).Value.Should().Be("01/04/2026", "the typed date is kept, shown day first");
        page.QuerySelectorAll("table[data-testid=weeks] tbody tr").Should().HaveCount(12);

        var typo = HttpForms.Parse(await (await coordinator.GetAsync("/dashboard?from=31.31.2026")).Content.ReadAsStringAsync());
        typo.QuerySelector("[data-testid=from-error]")!.TextContent.Should().Contain("valid date");
    }

    [Fact]
    public async Task Triggers_leave_the_same_counts_as_a_rebuild_from_the_base_tables()
    {
        var seed = await SeedAsync("rebuild");
        await portal.WithDbAsync(async db =>
        {
            var @case = await db.Cases.SingleAsync(c => c.Id == seed.Cases[2].Id);
            @case.Close(CaseOutcome.PartlyResolved, Today, null, Guid.NewGuid(), portal.Clock.GetUtcNow());
            var client = await db.Clients.SingleAsync(c => c.Id == seed.Cases[0].ClientId);
            client.Citizenship = "KZ";
            var other = await db.Clients.Include(c => c.Documents).SingleAsync(c => c.Id == seed.Cases[4].ClientId);
            other.AddDocument(MigrationDocumentType.WorkPatent, null, null, null, Today.AddDays(12));
            return await db.SaveChangesAsync();
        });

        const string snapshot = """
            SELECT 'c' || office_id || status || lead_lawyer_id || is_urgent || ':' || cases FROM dashboard_open_cases WHERE cases <> 0
            UNION ALL SELECT 'k' || office_id || category_id || ':' || cases FROM dashboard_open_categories WHERE cases <> 0
            UNION ALL SELECT 'z' || office_id || citizenship || ':' || cases FROM dashboard_open_citizenships WHERE cases <> 0
            UNION ALL SELECT 'd' || office_id || lead_lawyer_id || due_on || ':' || deadlines FROM dashboard_open_deadlines WHERE deadlines <> 0
            UNION ALL SELECT 'w' || office_id || week_start || ':' || intakes || '/' || closed FROM dashboard_weeks WHERE intakes <> 0 OR closed <> 0
            UNION ALL SELECT 'm' || office_id || kind || on_date || '/' || days || ':' || cases FROM dashboard_durations WHERE cases <> 0
            UNION ALL SELECT 'f' || case_id || assigned_on || ':' || days FROM dashboard_first_assignments
            UNION ALL SELECT 'e' || office_id || document_id || client_id || expires_on || ':' || open_cases FROM dashboard_open_client_documents WHERE open_cases <> 0
            """;
        var kept = await portal.WithDbAsync(db => db.Database.SqlQueryRaw<string>(snapshot).ToListAsync());
        await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("SELECT dashboard_rebuild()"));
        var rebuilt = await portal.WithDbAsync(db => db.Database.SqlQueryRaw<string>(snapshot).ToListAsync());

        kept.Should().NotBeEmpty();
        kept.Should().BeEquivalentTo(rebuilt, "the triggers keep exactly what a recount from the base tables gives");
    }

    [Fact]
    public void Median_of_a_histogram_is_the_middle_value_or_the_mean_of_the_two_middle_values()
    {
        DurationMedians.Median([]).Should().BeNull();
        DurationMedians.Median([(5, 1)]).Should().Be(5);
        DurationMedians.Median([(1, 1), (10, 1)]).Should().Be(5.5);
        DurationMedians.Median([(3, 2), (1, 2), (8, 1)]).Should().Be(3);
        DurationMedians.Median([(0, 3), (7, 3)]).Should().Be(3.5);
    }

    // ---- seed ---------------------------------------------------------------------------------

    private async Task<Seed> SeedAsync(string tag)
    {
        var office = await portal.Office().SaveAsync();
        var coordinatorUser = await portal.CreateUserAsync($"dash-{tag}-coord@test.local", Roles.Coordinator);
        var lawyer = await portal.CreateUserAsync($"dash-{tag}-lawyer@test.local", Roles.Lawyer);
        var otherLawyer = await portal.CreateUserAsync($"dash-{tag}-lawyer2@test.local", Roles.Lawyer);
        var caseworker = await portal.CreateUserAsync($"dash-{tag}-cw@test.local", Roles.Caseworker);
        foreach (var user in new[] { coordinatorUser, lawyer, otherLawyer, caseworker })
        {
            await StaffBuilder.PlaceAsync(portal, user.Id, office.Id);
        }

        var today = Today;
        var cases = new List<BuiltCase>();
        cases.AddRange(await new CaseBuilder(portal, office).WithClient("Dash Lead", "TJ").WithCategories("labour.unpaid-wages", "detention.entry-ban")
            .AssignedTo(lead: lawyer.Id).OpenedOn(today.AddDays(-40)).SaveManyAsync(3));
        cases.AddRange(await new CaseBuilder(portal, office).WithClient("Dash Urgent", "KG").Urgent()
            .AssignedTo(lead: lawyer.Id).OpenedOn(today.AddDays(-10)).SaveManyAsync(2));
        cases.AddRange(await new CaseBuilder(portal, office).WithClient("Dash Other", "UZ").WithCategories("documents.registration")
            .AssignedTo(caseworker: caseworker.Id, lead: otherLawyer.Id).OpenedOn(today.AddDays(-20)).SaveManyAsync(2));
        cases.AddRange(await new CaseBuilder(portal, office).WithClient("Dash Nobody", null).OpenedOn(today.AddDays(-5)).SaveManyAsync(2));
        cases.AddRange(await new CaseBuilder(portal, office).WithClient("Dash Closed", "TJ").AssignedTo(lead: lawyer.Id).Closed()
            .SaveManyAsync(4, i => today.AddDays(-30 - (7 * i))));

        var now = portal.Clock.GetUtcNow();
        var system = Guid.NewGuid();
        await portal.WithDbAsync(async db =>
        {
            // Deadlines: overdue, due soon, later, done, and on a closed case.
            void Deadline(BuiltCase c, int days, DeadlineStatus status = DeadlineStatus.Open) =>
                db.CaseDeadlines.Add(new CaseDeadline(c.Id, DeadlineKind.Manual, "Deadline", today.AddDays(days), system, now) { Status = status });
            Deadline(cases[0], -3);
            Deadline(cases[1], -1);
            Deadline(cases[1], -8);
            Deadline(cases[1], 0);
            Deadline(cases[3], 13);
            Deadline(cases[5], 14);
            Deadline(cases[5], -2);
            Deadline(cases[6], 5, DeadlineStatus.Done);
            Deadline(cases[^1], -4);

            // Court decisions and UN submissions.
            var proceeding = new CourtProceeding(cases[0].Id, "RU", "District court", CourtInstance.FirstInstance, ProceedingType.Civil, "Wages", ProceedingClientRole.Claimant, today.AddDays(-60), system, now);
            var kzProceeding = new CourtProceeding(cases[5].Id, "KZ", "City court", CourtInstance.FirstInstance, ProceedingType.Civil, "Wages", ProceedingClientRole.Claimant, today.AddDays(-60), system, now);
            db.CourtProceedings.AddRange(proceeding, kzProceeding);
            db.CourtDecisions.AddRange(
                new CourtDecision(proceeding.Id, cases[0].Id, today.AddDays(-10), DecisionOutcome.Granted, system, now),
                new CourtDecision(proceeding.Id, cases[0].Id, today.AddDays(-20), DecisionOutcome.Rejected, system, now),
                new CourtDecision(kzProceeding.Id, cases[5].Id, today.AddDays(-5), DecisionOutcome.PartlyGranted, system, now),
                new CourtDecision(kzProceeding.Id, cases[5].Id, today.AddDays(-200), DecisionOutcome.Granted, system, now));
            foreach (var (result, days) in new[] { (SubmissionResult.ViolationFound, -15), (SubmissionResult.Inadmissible, -25), (SubmissionResult.Pending, -5) })
            {
                db.InternationalSubmissions.Add(new InternationalSubmission(cases[2].Id, system, now)
                {
                    Body = InternationalBody.CMW,
                    StateConcerned = "RU",
                    SubmittedOn = today.AddDays(-300),
                    Result = result,
                    FinalDecisionOn = result == SubmissionResult.Pending ? null : today.AddDays(days),
                });
            }

            // Documents: expiring soon (two on one client), already expired, later; and on a closed case.
            var wanted = new[] { cases[0].ClientId, cases[3].ClientId, cases[4].ClientId, cases[^1].ClientId };
            var clients = await db.Clients.Include(c => c.Documents).Where(c => wanted.Contains(c.Id)).ToListAsync();
            var byId = clients.ToDictionary(c => c.Id);
            byId[cases[0].ClientId].AddDocument(MigrationDocumentType.Passport, null, null, null, today.AddDays(30));
            byId[cases[0].ClientId].AddDocument(MigrationDocumentType.MigrationCard, null, null, null, today.AddDays(2));
            byId[cases[3].ClientId].AddDocument(MigrationDocumentType.Passport, null, null, null, today.AddDays(-1));
            byId[cases[4].ClientId].AddDocument(MigrationDocumentType.Passport, null, null, null, today.AddDays(31));
            byId[cases[^1].ClientId].AddDocument(MigrationDocumentType.Passport, null, null, null, today.AddDays(3));

            // Urgent intakes waiting: one past its target, one not yet; one normal one past its target.
            var client = byId[cases[0].ClientId];
            var wages = await db.ComplaintCategories.Where(c => c.Code == "labour.unpaid-wages").Select(c => c.Id).SingleAsync();
            var late = new Web.Domain.Cases.Intake(office.Id, system, now.AddDays(-3)) { ClientId = client.Id, InDetention = true, CategoryIds = [wages] };
            late.Submit(now.AddDays(-3));
            var fresh = new Web.Domain.Cases.Intake(office.Id, system, now) { ClientId = client.Id, InDetention = true, CategoryIds = [wages] };
            fresh.Submit(now);
            var normal = new Web.Domain.Cases.Intake(office.Id, system, now.AddDays(-10)) { ClientId = client.Id, CategoryIds = [wages] };
            normal.Submit(now.AddDays(-10));
            db.Intakes.AddRange(late, fresh, normal);
            return await db.SaveChangesAsync();
        });

        // A case first assigned three days after its intake.
        portal.Clock.Advance(TimeSpan.FromDays(3));
        await portal.WithDbAsync(async db =>
        {
            var unassigned = await db.Cases.SingleAsync(c => c.Id == cases[7].Id);
            unassigned.Assign(caseworker.Id, null, [], system, portal.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        var coordinator = await portal.SignedInClientAsync($"dash-{tag}-coord@test.local");
        return new Seed(office, lawyer, otherLawyer, coordinator, cases);
    }

    // ---- independent counts --------------------------------------------------------------------

    private sealed record CaseFact(Guid Id, CaseStatus Status, Guid? Lead, bool IsUrgent, string? Citizenship, DateOnly? ClosedOn, DateOnly IntakeDate);

    private sealed record Facts(
        List<CaseFact> Cases, List<CaseCategory> Categories, List<CaseDeadline> Deadlines, List<DateTimeOffset?> Intakes, int UrgentOverdueIntakes, int ExpiringClients,
        List<(DateOnly On, bool Won, string Forum)> Decisions, List<(DateOnly On, bool Won, bool Decided)> Submissions, List<(DateOnly On, int Days)> FirstAssignments)
    {
        public List<CaseFact> Open => Cases.Where(c => c.Status != CaseStatus.Closed).ToList();
    }

    private async Task<Facts> FactsAsync(AppDbContext db, Guid office, DateOnly today)
    {
        var now = portal.Clock.GetUtcNow();
        var cases = await (from c in db.Cases
                           join cl in db.Clients on c.PrincipalClientId equals cl.Id
                           join i in db.Intakes on c.IntakeId equals i.Id
                           where c.OfficeId == office
                           select new { c.Id, c.Status, c.LeadLawyerId, c.IsUrgent, cl.Citizenship, c.ClosedOn, i.SubmittedAt, c.OpenedOn }).ToListAsync();
        var facts = cases.Select(c => new CaseFact(c.Id, c.Status, c.LeadLawyerId, c.IsUrgent, c.Citizenship, c.ClosedOn,
            c.SubmittedAt is { } at ? LocalDate(at) : c.OpenedOn)).ToList();
        var ids = facts.Select(c => c.Id).ToList();
        var categories = await db.CaseCategories.Where(cc => ids.Contains(cc.CaseId)).ToListAsync();
        var deadlines = await db.CaseDeadlines.Where(d => ids.Contains(d.CaseId)).ToListAsync();
        var intakes = await db.Intakes.Where(i => i.OfficeId == office && i.SubmittedAt != null).Select(i => i.SubmittedAt).ToListAsync();
        var urgent = await db.Intakes.CountAsync(i => i.OfficeId == office && i.Status == IntakeStatus.Submitted
            && (i.InDetention || i.ImminentExpulsion || i.SeparatedChild) && i.ResponseDueAt < now);
        var openIds = facts.Where(c => c.Status != CaseStatus.Closed).Select(c => c.Id).ToList();
        var openClients = await db.CaseClients.Where(cc => openIds.Contains(cc.CaseId)).Select(cc => cc.ClientId).Distinct().ToListAsync();
        var expiring = (await db.Clients.Include(c => c.Documents).Where(c => openClients.Contains(c.Id)).ToListAsync())
            .Count(c => c.Documents.Any(d => d.ExpiresOn is { } e && e >= today && e <= today.AddDays(30)));
        var decisions = (await (from d in db.CourtDecisions
                                join p in db.CourtProceedings on d.ProceedingId equals p.Id
                                where ids.Contains(d.CaseId)
                                select new { d.DecidedOn, d.Outcome, p.Jurisdiction }).ToListAsync())
            .Select(d => (d.DecidedOn, d.Outcome is DecisionOutcome.Granted or DecisionOutcome.PartlyGranted, d.Jurisdiction)).ToList();
        var submissions = (await db.InternationalSubmissions.Where(s => ids.Contains(s.CaseId) && s.FinalDecisionOn != null).ToListAsync())
            .Select(s => (s.FinalDecisionOn!.Value, s.Result == SubmissionResult.ViolationFound,
                s.Result is SubmissionResult.ViolationFound or SubmissionResult.NoViolation or SubmissionResult.Inadmissible or SubmissionResult.Discontinued)).ToList();
        var events = await db.CaseEvents.Where(e => ids.Contains(e.CaseId) && e.Kind == CaseEventKind.Assigned).ToListAsync();
        var first = events.GroupBy(e => e.CaseId).Select(g =>
        {
            var at = LocalDate(g.OrderBy(e => e.Id).First().OccurredAt);
            var fact = facts.Single(c => c.Id == g.Key);
            return (at, at.DayNumber - fact.IntakeDate.DayNumber);
        }).ToList();
        return new Facts(facts, categories, deadlines, intakes, urgent, expiring, decisions, submissions, first);
    }

    // ---- page helpers ---------------------------------------------------------------------------

    private static IElement Link(IHtmlDocument page, string table, string key) =>
        page.QuerySelector($"table[data-testid={table}] a[data-key='{key}']") ?? throw new InvalidOperationException($"no figure {key} in {table}");

    private static IElement Card(IHtmlDocument page, string key) =>
        page.QuerySelector($"a[data-testid=figure][data-key='{key}']") ?? throw new InvalidOperationException("no figure " + key);

    private static int Count(IElement figure) =>
        int.Parse(figure.TextContent.Trim().Replace(",", "").Replace("\u00a0", "").Replace(" ", ""), System.Globalization.CultureInfo.InvariantCulture);

    private static string MedianText(List<int> days)
    {
        if (days.Count == 0)
        {
            return "—";
        }

        var sorted = days.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
        return median.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("en"));
    }

    /// <summary>The figure equals the count, and its link lists exactly that many rows (following every "Next page").</summary>
    private static async Task ExpectAsync(HttpClient client, IElement figure, int expected, string what)
    {
        Count(figure).Should().Be(expected, what);
        var url = figure.GetAttribute("href")!;
        var rows = 0;
        for (var pages = 0; url is not null && pages < 50; pages++)
        {
            var list = await client.GetDocumentAsync(url);
            rows += list.QuerySelectorAll("tr[data-testid=case-row], tr[data-testid=filtered-row], tr[data-testid=client-row], tr[data-testid=list-row]").Length;
            url = list.QuerySelector("a[data-testid=next-page]")?.GetAttribute("href");
        }

        rows.Should().Be(expected, what + ": the link " + figure.GetAttribute("href") + " lists the counted rows");
    }
}
