using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Tests.Features.Clients;

/// <summary>
/// "Find before you create" ranks candidates by their dictionary words and stops reading when the best compared
/// already beat anyone left unread (ADR 0018). A typed word a client holds no hit for still lifts its real
/// similarity ("faruh" in "Farhod" is under the threshold): the bound for the unread must count that, or the best
/// namesakes are left unread when they sort late. At 100,000 generated clients that cost the 49th candidate.
/// </summary>
public class DuplicateCheckRoundsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_best_namesakes_are_found_even_when_the_first_round_reads_only_weaker_ones()
    {
        var office = await portal.Office().SaveAsync();
        // Ids chosen so that the ranking's ties (every client below holds the surname alone as a hit) put the
        // weaker namesakes first: 60 "Fayzullo" (0.76), 110 "Qodir" (0.65), then 60 "Farhod" (0.82).
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var groups = new[] { ("Qurbonzoda Fayzullo", 60), ("Qurbonzoda Qodir", 110), ("Qurbonzoda Farhod", 60) };
        var farhods = new List<Guid>();
        var n = 0;
        await portal.WithDbAsync(async db =>
        {
            foreach (var (name, count) in groups)
            {
                for (var i = 0; i < count; i++)
                {
                    var id = Guid.Parse($"{prefix}-0000-4000-8000-{++n:D12}");
                    portal.Client(office.Id).Named(name).With(c => typeof(Client).GetProperty(nameof(Client.Id))!.SetValue(c, id)).Add(db, portal.Clock.GetUtcNow());
                    if (name.EndsWith("Farhod", StringComparison.Ordinal))
                    {
                        farhods.Add(id);
                    }
                }
            }

            return await db.SaveChangesAsync();
        });
        var coordinator = new Viewer(Guid.NewGuid(), null, IsCoordinator: true, IsLawyer: false, IsCaseworker: false);

        var found = await portal.WithDbAsync(db => ClientFinder.FindAsync(db, coordinator, "Qurbonzoda Faruh", null, null, null, 50));

        found.Should().HaveCount(50);
        found.Select(c => c.Id).Should().OnlyContain(id => farhods.Contains(id), "the 60 Farhods score above everyone else, though they sort last");
    }
}
