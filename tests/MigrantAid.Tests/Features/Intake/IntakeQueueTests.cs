using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Features.Intake;

/// <summary>The queue of intakes waiting for a decision: urgent first, then by response target, paged by keyset.</summary>
public class IntakeQueueTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Queue_pages_urgent_first_by_target_without_gaps_and_only_for_the_office()
    {
        var office = await portal.Office().WithCode("QUE").SaveAsync();
        var other = await portal.Office().WithCode("QOT").SaveAsync();
        await portal.Staff("queue-caseworker@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var category = await portal.CategoryIdAsync("documents.passport");
        var expected = new List<(Guid Id, bool Urgent, DateTimeOffset Due)>();
        var start = portal.Clock.GetUtcNow();
        Guid foreign = default;
        await portal.WithDbAsync(async db =>
        {
            for (var i = 0; i < 70; i++)
            {
                var client = new MigrantAid.Web.Domain.Clients.Client(office.Id, $"Queue Client {i:00}", null, Guid.NewGuid(), start);
                db.Clients.Add(client);
                var submittedAt = start.AddMinutes(-i * 7);
                var intake = new Web.Domain.Cases.Intake(office.Id, Guid.NewGuid(), submittedAt) { ClientId = client.Id, CategoryIds = [category], SeparatedChild = i % 3 == 0 };
                intake.Submit(submittedAt);
                db.Intakes.Add(intake);
                expected.Add((intake.Id, intake.IsUrgent, intake.ResponseDueAt!.Value));
            }

            var outsider = new MigrantAid.Web.Domain.Clients.Client(other.Id, "Queue Outsider", null, Guid.NewGuid(), start);
            db.Clients.Add(outsider);
            var foreignIntake = new Web.Domain.Cases.Intake(other.Id, Guid.NewGuid(), start) { ClientId = outsider.Id, CategoryIds = [category], InDetention = true };
            foreignIntake.Submit(start);
            db.Intakes.Add(foreignIntake);
            foreign = foreignIntake.Id;
            return await db.SaveChangesAsync();
        });
        var caseworker = await portal.SignedInClientAsync("queue-caseworker@test.local");

        var seen = new List<string>();
        string? url = "/intakes";
        for (var pages = 0; url is not null; pages++)
        {
            pages.Should().BeLessThan(5, "paging must end");
            var page = await caseworker.GetDocumentAsync(url);
            var rows = page.QuerySelectorAll("[data-testid=queue-row]");
            rows.Length.Should().BeLessThanOrEqualTo(50);
            seen.AddRange(rows.Select(r => r.GetAttribute("data-intake-id")!));
            url = page.QuerySelector("[data-testid=next-page]")?.GetAttribute("href");
        }

        seen.Should().NotContain(foreign.ToString(), "a caseworker's queue holds their office's intakes");
        seen.Should().Equal(expected.OrderBy(e => e.Urgent ? 0 : 1).ThenBy(e => e.Due).Select(e => e.Id.ToString()));
    }
}
