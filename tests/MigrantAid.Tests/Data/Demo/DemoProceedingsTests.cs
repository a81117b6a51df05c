using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data.Demo;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Tests.Data.Demo;

/// <summary>The demo's court proceedings, on a database of their own.</summary>
public class DemoProceedingsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Demo_proceedings_have_chains_hearings_to_come_and_decisions_that_computed_deadlines_and_a_second_seed_adds_nothing()
    {
        var rule = await new DeadlineRuleBuilder(portal, "Appeal against an administrative-offence decision (demo test)").SaveAsync();
        await SeedAsync();
        var first = await CountsAsync();

        await SeedAsync();

        (await CountsAsync()).Should().Equal(first, "seeding again adds nothing");
        await portal.WithDbAsync(async db =>
        {
            (await db.CourtProceedings.Select(p => p.CaseId).Distinct().CountAsync()).Should().BeInRange(4, 6);
            (await db.CourtProceedings.CountAsync(p => p.Instance == CourtInstance.Appeal && p.ChallengesId != null)).Should().BeGreaterThan(0, "an appeal chain is shown");
            (await db.CourtProceedings.Select(p => p.Jurisdiction).Distinct().ToListAsync()).Should().Contain(["RU", "KZ"]);
            var now = portal.Clock.GetUtcNow();
            (await db.Hearings.CountAsync(h => h.StartsAt > now && !h.IsHeld)).Should().BeGreaterThanOrEqualTo(3, "the desk has hearings to come");
            (await db.Hearings.CountAsync(h => h.IsHeld)).Should().BeGreaterThan(0);
            var decisions = await db.CourtDecisions.Select(d => d.Id).ToListAsync();
            var computed = await db.CaseDeadlines.Where(d => d.SourceType == "decision" && d.RuleId == rule).ToListAsync();
            computed.Should().NotBeEmpty("recent decisions went through the deadline triggers");
            computed.Should().OnlyContain(d => d.SourceId != null && decisions.Contains(d.SourceId.Value) && d.Trigger == TriggerEvent.DecisionReceived);
            computed.Should().Contain(d => d.DueOn > DateOnly.FromDateTime(now.UtcDateTime), "a demo appeal is still due");
            return 0;
        });

        var coordinator = await portal.SignedInClientAsync("coordinator@demo.local", DemoSeeder.Password);
        var caseId = await portal.WithDbAsync(db => db.Cases.Where(c => c.Title == "Выдворение ребёнка отдельно от родителей").Select(c => c.Id).SingleAsync());
        var page = await coordinator.GetDocumentAsync($"/cases/{caseId}");
        page.QuerySelector("[data-testid=proceeding-chain]")!.QuerySelectorAll("[data-testid=proceeding]")
            .Select(p => p.GetAttribute("data-instance")).Should().Equal("FirstInstance", "Appeal");
        page.QuerySelectorAll("[data-testid=next-hearing]").Should().ContainSingle("an upcoming hearing is shown at the top of the section");
    }

    private async Task SeedAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    private Task<int[]> CountsAsync() => portal.WithDbAsync(async db => new[]
    {
        await db.CourtProceedings.CountAsync(),
        await db.Hearings.CountAsync(),
        await db.CourtDecisions.CountAsync(),
        await db.CaseDeadlines.CountAsync(),
    });
}
