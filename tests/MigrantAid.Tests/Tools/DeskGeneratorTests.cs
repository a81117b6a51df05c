using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tools.Generator;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Features.Desk;
using MigrantAid.Web.Security;
using Npgsql;

namespace MigrantAid.Tests.Tools;

/// <summary>The generator's deadlines and hearings (issue 4, scale): about three per case, spread and settled as in real work.</summary>
public class DeskGeneratorTests(DeskGeneratorTests.GeneratedPortal portal) : IClassFixture<DeskGeneratorTests.GeneratedPortal>
{
    public const int Cases = 1500;

    public sealed class GeneratedPortal() : GeneratedDataPortal(new GeneratorOptions(Cases, Seed: 11, BatchSize: 400));

    [Fact]
    public async Task About_three_deadlines_and_hearings_per_case()
    {
        var deadlines = await ScalarAsync("SELECT count(*) FROM case_deadlines");
        var hearings = await ScalarAsync("SELECT count(*) FROM hearings");
        portal.Report.Rows["case_deadlines"].Should().Be(deadlines);
        portal.Report.Rows["hearings"].Should().Be(hearings);
        ((deadlines + hearings) / (double)Cases).Should().BeInRange(2.8, 3.2, "1,000,000 cases give about 3,000,000 dates");
        (hearings / (double)(deadlines + hearings)).Should().BeInRange(0.15, 0.35, "fewer than half the cases go to court");
        (await ScalarAsync("SELECT count(*) FROM court_proceedings")).Should().BeGreaterThan(Cases / 3);
    }

    [Fact]
    public async Task Dates_are_consistent_with_their_cases()
    {
        (await ScalarAsync("SELECT count(*) FROM hearings h JOIN court_proceedings p ON p.id = h.proceeding_id WHERE p.case_id <> h.case_id"))
            .Should().Be(0, "a hearing's case is its proceeding's");
        (await ScalarAsync("""
            SELECT (SELECT count(*) FROM case_deadlines d JOIN cases c ON c.id = d.case_id
                    WHERE (d.office_id, d.case_lead_lawyer_id, d.case_caseworker_id) IS DISTINCT FROM (c.office_id, c.lead_lawyer_id, c.caseworker_id))
                 + (SELECT count(*) FROM hearings h JOIN cases c ON c.id = h.case_id
                    WHERE (h.office_id, h.case_lead_lawyer_id, h.case_caseworker_id) IS DISTINCT FROM (c.office_id, c.lead_lawyer_id, c.caseworker_id))
            """)).Should().Be(0, "each date carries its case's office, lead lawyer and caseworker, as the desk reads them");
        (await ScalarAsync("SELECT count(*) FROM case_deadlines WHERE case_lead_lawyer_id IS NOT NULL")).Should().BeGreaterThan(0);
        (await ScalarAsync("SELECT count(*) FROM court_proceedings a JOIN court_proceedings f ON f.id = a.challenges_id WHERE a.case_id <> f.case_id OR a.instance <> 1 OR a.opened_on < f.opened_on"))
            .Should().Be(0, "an appeal challenges a first instance of the same case, opened earlier");
        (await ScalarAsync("SELECT count(*) FROM case_deadlines d JOIN cases c ON c.id = d.case_id WHERE c.status = 2 AND d.status = 0"))
            .Should().Be(0, "a closed case leaves no open deadline");
        (await ScalarAsync("SELECT count(*) FROM case_deadlines d JOIN cases c ON c.id = d.case_id WHERE d.due_on < c.opened_on"))
            .Should().Be(0);
        (await ScalarAsync("SELECT count(*) FROM case_deadlines WHERE kind = 2 AND assignee_id IS NULL AND case_id IN (SELECT id FROM cases WHERE caseworker_id IS NOT NULL OR lead_lawyer_id IS NOT NULL)"))
            .Should().Be(0, "tasks have an assignee");
        (await ScalarAsync("SELECT count(*) FROM case_deadlines WHERE kind = 0 AND (computed_on IS NULL OR trigger_date IS NULL OR arithmetic IS NULL)"))
            .Should().Be(0, "computed deadlines keep their arithmetic");
        (await ScalarAsync("SELECT count(*) FROM case_deadlines WHERE (status = 0) <> (closed_at IS NULL)")).Should().Be(0);
        (await ScalarAsync("SELECT count(*) FROM hearings WHERE is_held <> (starts_at < now()) AND abs(extract(epoch FROM starts_at - now())) > 86400"))
            .Should().Be(0, "hearings in the past are held, those ahead are not");

        // Courts sit on weekdays, in office hours of the office's time zone.
        (await ScalarAsync("""
            SELECT count(*) FROM hearings h JOIN cases c ON c.id = h.case_id JOIN offices o ON o.id = c.office_id
            WHERE extract(isodow FROM h.starts_at AT TIME ZONE o.time_zone_id) > 5
               OR (h.starts_at AT TIME ZONE o.time_zone_id)::time NOT BETWEEN '09:00' AND '17:30'
            """)).Should().Be(0);
    }

    [Fact]
    public async Task Statuses_and_dates_spread_like_real_work()
    {
        var today = DateOnly.FromDateTime(portal.Clock.GetUtcNow().UtcDateTime);
        await portal.WithDbAsync(async db =>
        {
            var deadlines = await db.CaseDeadlines.AsNoTracking().Select(d => new { d.Status, d.DueOn, d.Kind }).ToListAsync();
            deadlines.Select(d => d.Kind).Distinct().Should().BeEquivalentTo(Enum.GetValues<DeadlineKind>());
            deadlines.Select(d => d.Status).Distinct().Should().BeEquivalentTo(Enum.GetValues<DeadlineStatus>());
            deadlines.Should().Contain(d => d.Status == DeadlineStatus.Open && d.DueOn < today, "some are overdue");
            deadlines.Should().Contain(d => d.Status == DeadlineStatus.Open && d.DueOn >= today && d.DueOn <= today.AddDays(30), "some are due within the month");
            (deadlines.Count(d => d.Status == DeadlineStatus.Open && d.DueOn < today) / (double)deadlines.Count).Should().BeLessThan(0.1, "most past deadlines were met");
            deadlines.Max(d => d.DueOn).Should().BeAfter(today.AddDays(30));
            deadlines.Min(d => d.DueOn).Should().BeBefore(today.AddYears(-3));
            return 0;
        });
    }

    [Fact]
    public async Task The_desk_and_the_calendar_answer_for_a_generated_lawyer_and_coordinator()
    {
        var lawyer = await portal.WithDbAsync(db => db.Users.AsNoTracking()
            .Where(u => u.Email!.StartsWith("lawyer") && u.Email.EndsWith("@" + SyntheticDataGenerator.EmailDomain))
            .OrderByDescending(u => db.Cases.Count(c => c.LeadLawyerId == u.Id)).Select(u => new { u.Id, u.OfficeId }).FirstAsync());
        await using var scope = portal.Services.CreateAsyncScope();
        var viewer = new Viewer(lawyer.Id, lawyer.OfficeId, false, true, false);
        var desk = await scope.ServiceProvider.GetRequiredService<ViewDeskHandler>().HandleAsync(new DeskQuery(), viewer);
        desk.Groups.SelectMany(g => g.Deadlines).Should().NotBeEmpty("a busy lawyer has deadlines on the desk");
        var ids = desk.Groups.SelectMany(g => g.Deadlines).Select(d => d.CaseId).Distinct().ToList();
        var notTheirs = await portal.WithDbAsync(db => db.Cases.CountAsync(c => ids.Contains(c.Id) && c.LeadLawyerId != lawyer.Id && c.CaseworkerId != lawyer.Id
            && !db.CaseLawyers.Any(l => l.CaseId == c.Id && l.UserId == lawyer.Id)));
        notTheirs.Should().Be(0);

        var coordinator = new Viewer(Guid.NewGuid(), lawyer.OfficeId, true, false, false);
        var calendar = await scope.ServiceProvider.GetRequiredService<ViewCalendarHandler>().HandleAsync(new DeskQuery(), coordinator);
        calendar.Days.Where(d => d.InPeriod).SelectMany(d => d.Deadlines).Should().NotBeEmpty("the office's month has deadlines");
        calendar.Days.Should().OnlyContain(d => d.Deadlines.Count + d.Hearings.Count <= ViewCalendarHandler.MonthItemsPerDay);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
