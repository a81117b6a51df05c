using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Tests.Features.Cases.Deadlines;

/// <summary>
/// <see cref="IDeadlineTriggers"/> as the proceedings and submissions use it: matching rules, the forum's
/// calendar from the database, and one deadline per source and rule when a date is corrected.
/// </summary>
public class DeadlineTriggersTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_civil_decision_in_final_form_gets_the_appeal_deadline_and_not_the_cassation_one()
    {
        var caseId = await CaseAsync("TCIV");
        var source = Guid.NewGuid();

        // Final form on Saturday 31 January 2026 (a decision can be written up on any day): + 1 month = Saturday 28 February, moved to Monday 2 March.
        var recorded = await RecordAsync(new DeadlineTrigger(caseId, TriggerEvent.DecisionInFinalForm, "RU", new DateOnly(2026, 1, 31), "decision", source,
            ProceedingType.Civil, CourtInstance.FirstInstance));

        recorded.Should().ContainSingle().Which.RuleId.Should().Be(2, "the cassation rule is for appeal decisions");
        var stored = await StoredAsync(caseId);
        stored.Should().ContainSingle().Which.DueOn.Should().Be(new DateOnly(2026, 3, 2));
        DeadlineArithmetic.FromJson(stored[0].Arithmetic)!.MonthEnd.Should().BeTrue();

        var appeal = await RecordAsync(new DeadlineTrigger(caseId, TriggerEvent.DecisionInFinalForm, "RU", new DateOnly(2026, 4, 15), "decision", Guid.NewGuid(),
            ProceedingType.Civil, CourtInstance.Appeal));
        appeal.Should().ContainSingle().Which.RuleId.Should().Be(5);
        (await StoredAsync(caseId)).Single(d => d.RuleId == 5).DueOn.Should().Be(new DateOnly(2026, 7, 15));
    }

    [Fact]
    public async Task A_corrected_date_updates_the_open_deadline_instead_of_adding_one()
    {
        var caseId = await CaseAsync("TFIX");
        var source = Guid.NewGuid();
        DeadlineTrigger Received(DateOnly date) => new(caseId, TriggerEvent.DecisionReceived, "RU", date, "decision", source, ProceedingType.AdministrativeOffence, CourtInstance.FirstInstance);

        await RecordAsync(Received(new DateOnly(2026, 4, 1)));
        var first = (await StoredAsync(caseId)).Should().ContainSingle().Subject;
        first.DueOn.Should().Be(new DateOnly(2026, 4, 13), "10 days end on Saturday 11 April");

        // 29 April + 10 days = Saturday 9 May (Victory Day), Sunday 10, Monday 11 (day off): Tuesday 12 May.
        await RecordAsync(Received(new DateOnly(2026, 4, 29)));
        var corrected = (await StoredAsync(caseId)).Should().ContainSingle("recording the same source again does not add a deadline").Subject;
        corrected.Id.Should().Be(first.Id);
        corrected.DueOn.Should().Be(new DateOnly(2026, 5, 12));
        corrected.ComputedOn.Should().Be(new DateOnly(2026, 5, 12));
        corrected.TriggerDate.Should().Be(new DateOnly(2026, 4, 29));
        DeadlineArithmetic.FromJson(corrected.Arithmetic)!.TriggerDate.Should().Be(new DateOnly(2026, 4, 29));
    }

    [Fact]
    public async Task A_moved_date_stays_where_the_lawyer_put_it_and_closed_deadlines_are_left_alone()
    {
        var caseId = await CaseAsync("TMOV");
        var source = Guid.NewGuid();
        DeadlineTrigger Exhausted(DateOnly date) => new(caseId, TriggerEvent.DomesticRemediesExhausted, "CRC", date, "submission", source);
        await RecordAsync(Exhausted(new DateOnly(2026, 3, 10)));
        var deadline = (await StoredAsync(caseId)).Single();
        await portal.WithDbAsync(async db =>
        {
            var d = await db.CaseDeadlines.SingleAsync(x => x.Id == deadline.Id);
            d.DueOn = new DateOnly(2027, 1, 15);
            d.OverrideReason = "File early, before the winter break.";
            return await db.SaveChangesAsync();
        });

        await RecordAsync(Exhausted(new DateOnly(2026, 3, 20)));
        var moved = (await StoredAsync(caseId)).Single();
        moved.DueOn.Should().Be(new DateOnly(2027, 1, 15), "the lawyer's date is kept");
        moved.ComputedOn.Should().Be(new DateOnly(2027, 3, 20), "the rule's date follows the correction");

        await portal.WithDbAsync(async db =>
        {
            var d = await db.CaseDeadlines.SingleAsync(x => x.Id == deadline.Id);
            d.Status = DeadlineStatus.Done;
            d.ClosingNote = "Communication sent.";
            return await db.SaveChangesAsync();
        });
        var again = await RecordAsync(Exhausted(new DateOnly(2026, 3, 25)));
        again.Should().BeEmpty();
        var done = (await StoredAsync(caseId)).Should().ContainSingle().Subject;
        done.ComputedOn.Should().Be(new DateOnly(2027, 3, 20), "a done deadline is history");
    }

    [Fact]
    public async Task Inactive_rules_and_other_forums_produce_nothing()
    {
        var caseId = await CaseAsync("TNON");
        await portal.WithDbAsync(async db =>
        {
            var rule = await db.DeadlineRules.SingleAsync(r => r.Id == 10);
            rule.IsActive = false;
            return await db.SaveChangesAsync();
        });

        (await RecordAsync(new DeadlineTrigger(caseId, TriggerEvent.FinalDomesticDecision, "ECtHR", new DateOnly(2026, 2, 2), "event", Guid.NewGuid()))).Should().BeEmpty();
        (await RecordAsync(new DeadlineTrigger(caseId, TriggerEvent.DomesticRemediesExhausted, "TJ", new DateOnly(2026, 2, 2), "event", Guid.NewGuid()))).Should().BeEmpty();
        (await StoredAsync(caseId)).Should().BeEmpty();
    }

    private async Task<Guid> CaseAsync(string code)
    {
        var office = await portal.Office().WithCode(code).SaveAsync();
        var lawyer = await portal.Staff($"triggers-{code.ToLowerInvariant()}@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        return (await portal.Case(office).WithClient("Триггеров Бахтиёр", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync()).Id;
    }

    /// <summary>As a caller does: record, then save in its own unit of work.</summary>
    private async Task<IReadOnlyList<CaseDeadline>> RecordAsync(DeadlineTrigger trigger)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var triggers = scope.ServiceProvider.GetRequiredService<IDeadlineTriggers>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var recorded = await triggers.RecordAsync(trigger, Guid.NewGuid(), CancellationToken.None);
        await db.SaveChangesAsync();
        return recorded;
    }

    private Task<List<CaseDeadline>> StoredAsync(Guid caseId) =>
        portal.WithDbAsync(db => db.CaseDeadlines.AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.CreatedAt).ToListAsync());
}
