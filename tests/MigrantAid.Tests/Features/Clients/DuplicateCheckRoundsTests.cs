using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Tests.Features.Clients;

/// <summary>
/// "Find before you create" ranks candidates by their dictionary words and stops reading when nothing left unread
/// could change what is shown (ADR 0018). A typed word a client holds no near word for still lifts its real
/// similarity ("hourmat" is 0.44 like "hourchid", yet "Qurbonzoda Hourmat" is 0.75 like "Qurbonzoda Hourchid"): the
/// bound for the unread must count that, or the best namesakes are left unread when they sort late. At 100,000
/// generated clients that cost the 49th candidate. And a name whose shown candidates already outrank anyone unread
/// must not read on through every client of a common surname (3.7 s at 1,000,000 cases).
/// </summary>
public class DuplicateCheckRoundsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Viewer Coordinator = new(Guid.NewGuid(), null, IsCoordinator: true, IsLawyer: false, IsCaseworker: false);

    [Fact]
    public async Task The_best_namesakes_are_found_even_when_the_first_round_reads_only_weaker_ones()
    {
        // Every client below holds only the surname as a word near a typed one, so the ranking's ties (by id) put the
        // weaker namesakes first: 60 "Houdir" (0.70), 110 "Qodir" (0.55, under the threshold), then 60 "Hourmat" (0.75).
        var hourmats = await AddAsync(("Qurbonzoda Houdir", 60), ("Qurbonzoda Qodir", 110), ("Qurbonzoda Hourmat", 60));

        var found = await portal.WithDbAsync(db => ClientFinder.FindAsync(db, Coordinator, "Qurbonzoda Hourchid", null, null, null, 50));

        found.Should().HaveCount(50);
        found.Select(c => c.Id).Should().OnlyContain(id => hourmats.Contains(id), "the 60 Hourmats score above everyone else, though they sort last");
    }

    [Fact]
    public async Task A_check_whose_shown_candidates_outrank_everyone_unread_reads_one_round()
    {
        // 12 exact namesakes and 300 others of the surname sorted before them: the first round (200) reads the 12 and
        // 188 others, who all fall under the threshold. The ten shown (1.0) outrank anyone unread (at most 0.78).
        var exact = await AddAsync(("Sharipzoda Qodir", 300), ("Sharipzoda Hourchid", 12));

        var (found, statements) = await StatementCounter.CountAsync(() =>
            portal.WithDbAsync(db => ClientFinder.FindAsync(db, Coordinator, "Sharipzoda Hourchid", null, null, null, 10)));

        found.Should().HaveCount(10).And.OnlyContain(c => exact.Contains(c.Id));
        statements.Statements.Should().Be(3, "the words, one ranking and one comparison; a second round would add two: {0}", statements);
    }

    [Fact]
    public async Task Partly_alike_namesakes_sorted_after_every_other_holder_of_the_surname_are_found_in_the_first_round()
    {
        // "hourcid" is 0.56 like "hourchid" (under the 0.6 of a match), yet "Rajabzoda Hourcid" is 0.79 like the whole
        // name. Ranked by the surname alone they would come after 1,700 others (three rounds); the partly alike
        // words rank them at once, and the ten shown outrank anyone unread (at most 0.76).
        var hourcids = await AddAsync(("Rajabzoda Qodir", 1_700), ("Rajabzoda Hourcid", 12));

        var (found, statements) = await StatementCounter.CountAsync(() =>
            portal.WithDbAsync(db => ClientFinder.FindAsync(db, Coordinator, "Rajabzoda Hourchid", null, null, null, 10)));

        found.Should().HaveCount(10).And.OnlyContain(c => hourcids.Contains(c.Id));
        statements.Statements.Should().Be(5, "the words, the ranking and comparison by match, then by partly alike words; no second round: {0}", statements);
    }

    [Fact]
    public async Task With_a_birth_date_typed_the_check_reads_on_while_an_unread_namesake_born_that_day_could_rank_first()
    {
        // The same shape, but a date of birth is typed: an unread "Nazarzoda Hourmat" (0.75) born that day would
        // score 1.0 and be shown first, so the first round is not enough.
        await AddAsync(("Nazarzoda Qodir", 300), ("Nazarzoda Hourchid", 12));
        var born = new DateOnly(1990, 5, 17);
        var (found, statements) = await StatementCounter.CountAsync(() =>
            portal.WithDbAsync(db => ClientFinder.FindAsync(db, Coordinator, "Nazarzoda Hourchid", null, born, null, 10)));

        found.Should().HaveCount(10);
        statements.Statements.Should().BeGreaterThan(3, "the births may lift anyone unread by {0}: {1}", DuplicateScoring.SameDate, statements);
    }

    /// <summary>Adds the groups in order, with ids that sort in that order; returns the ids of the last group.</summary>
    private async Task<List<Guid>> AddAsync(params (string Name, int Count)[] groups)
    {
        var office = await portal.Office().SaveAsync();
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var last = new List<Guid>();
        var n = 0;
        await portal.WithDbAsync(async db =>
        {
            foreach (var (name, count) in groups)
            {
                last = [];
                for (var i = 0; i < count; i++)
                {
                    var id = Guid.Parse($"{prefix}-0000-4000-8000-{++n:D12}");
                    portal.Client(office.Id).Named(name).With(c => typeof(Client).GetProperty(nameof(Client.Id))!.SetValue(c, id)).Add(db, portal.Clock.GetUtcNow());
                    last.Add(id);
                }
            }

            return await db.SaveChangesAsync();
        });
        return last;
    }
}
