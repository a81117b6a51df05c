using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Shared;

public sealed record ClientCandidate(
    Guid Id, string FullName, string? Patronymic, string LatinName, DateOnly? BirthDate, int? BirthYear, string? Citizenship, double Score);

/// <summary>
/// Finds clients by name in any script or spelling ("find before you create", search boxes):
/// the typed name becomes a match key, compared by trigram word similarity with the clients'
/// keys, among the clients the viewer may see; ranked with the birth closeness. The candidates
/// come ranked from the dictionary of match-key words (<see cref="ClientNameRanking"/>, ADR 0018),
/// best first, a few hundred at a time; only those rows are read, checked against the access rule
/// and compared with the whole typed name, so the cost does not follow the number of namesakes.
/// </summary>
public static class ClientFinder
{
    /// <summary>The best candidates compared with the whole name, before the births move them.</summary>
    private const int Best = 50;

    /// <summary>Candidates read in the first round; each further round (when too few were visible) reads eight times more.</summary>
    private const int FirstRound = 200;

    /// <summary>The most candidates read: the bound of a search whose typed words are like many names but the whole name like none.</summary>
    private const int LastRound = FirstRound * 64;

    public static async Task<IReadOnlyList<ClientCandidate>> FindAsync(
        AppDbContext db, Viewer viewer, string name, string? patronymic, DateOnly? birthDate, int? birthYear,
        int limit = 10, CancellationToken cancellationToken = default)
    {
        // With and without the patronymic: a record saved without it must still match a query that has it.
        var nameKey = Transliteration.MatchKey(name);
        var withPatronymic = !string.IsNullOrWhiteSpace(patronymic);
        var key = withPatronymic ? Transliteration.MatchKey(name + " " + patronymic) : nameKey;
        if (nameKey.Length < 2)
        {
            return [];
        }

        // First the words alike enough to match (0.6), one round: for most names the candidates shown then already
        // outrank anyone unread. Else the partly alike words too (0.5), which rank "Hurchid" for "Hourchid", round
        // after round. Each pass's stopping rule holds on its own (ADR 0018).
        var near = await NameWordSearch.NearAsync(db, NameWordSearch.KeyWords(key), cancellationToken);
        List<(TypedNameWords Words, int LastRound)> passes = near.Hits.Any(h => h.Similarity < NameWordSearch.HitThreshold)
            ? [(near.AtLeast(NameWordSearch.HitThreshold), FirstRound), (near, LastRound)]
            : [(near, LastRound)];
        var rows = new List<CandidateRow>();
        foreach (var (words, lastRound) in passes)
        {
            // With a patronymic, the best by the name alone join the best by name and patronymic: the comparison
            // below uses the name alone for a client saved without a patronymic.
            var nameWords = words.First(NameWordSearch.KeyWords(name).Count);
            for (var take = FirstRound; take <= lastRound; take *= 8)
            {
                var top = await ClientNameRanking.TopAsync(db, words, take, cancellationToken);
                var unread = top.UnreadBound;
                var ids = top.Ids;
                if (withPatronymic)
                {
                    var byName = await ClientNameRanking.TopAsync(db, nameWords, take, cancellationToken);
                    ids = [.. ids.Union(byName.Ids)];
                    unread = Math.Max(unread, byName.UnreadBound);
                }

                rows = await Compared(db, viewer, ids, nameKey, key, withPatronymic).ToListAsync(cancellationToken);
                if (NoneUnreadCanRankAbove(rows, unread, limit, birthDate, birthYear))
                {
                    return Shown(rows, birthDate, birthYear, limit);
                }
            }
        }

        return Shown(rows, birthDate, birthYear, limit);
    }

    private static List<ClientCandidate> Shown(List<CandidateRow> rows, DateOnly? birthDate, int? birthYear, int limit) =>
        rows
            .Select(r => Candidate(r, birthDate, birthYear))
            .Where(c => c.Score >= DuplicateScoring.Threshold)
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.FullName, StringComparer.Ordinal)
            .Take(limit)
            .ToList();

    /// <summary>
    /// Whether reading on could change what is shown. Nobody is left unread; or nobody unread can be as like the
    /// name as the comparison asks (<see cref="NameWordSearch.HitThreshold"/>); or the best <see cref="Best"/> are
    /// all at least as like it as anyone unread; or the <paramref name="limit"/> shown all score at least what
    /// anyone unread could, births included.
    /// </summary>
    private static bool NoneUnreadCanRankAbove(List<CandidateRow> rows, double unread, int limit, DateOnly? birthDate, int? birthYear)
    {
        if (unread < NameWordSearch.HitThreshold || (rows.Count >= Best && rows[^1].Similarity >= unread))
        {
            return true;
        }

        var mostUnread = unread + DuplicateScoring.MostBirthAdds(birthDate, birthYear);
        return limit <= Best && rows.Count(r => Candidate(r, birthDate, birthYear).Score >= mostUnread) >= limit;
    }

    private static ClientCandidate Candidate(CandidateRow r, DateOnly? birthDate, int? birthYear) =>
        new(r.Id, r.FullName, r.Patronymic, r.LatinName, r.BirthDate, r.BirthYear, r.Citizenship,
            DuplicateScoring.Score(r.Similarity, birthDate, birthYear, r.BirthDate, r.BirthYear));

    /// <summary>The candidates the viewer may see whose whole key is word-similar to the typed name, best <see cref="Best"/>.</summary>
    private static IQueryable<CandidateRow> Compared(AppDbContext db, Viewer viewer, Guid[] candidates, string nameKey, string key, bool withPatronymic)
    {
        // The candidates are read by their primary key behind a fence (OFFSET 0): with the similarity beside the
        // id in one condition, the planner took the similarity for cheap and computed it for every client (7 s at
        // 1,000,000 cases for 12,800 candidates).
        var clients = db.Clients.FromSql($"SELECT * FROM clients WHERE id = ANY ({candidates}) OFFSET 0")
            .AsNoTracking().Where(ClientAccess.VisibleClients(viewer, db));
        clients = withPatronymic
            ? clients.Where(c => EF.Functions.TrigramsAreWordSimilar(nameKey, c.SearchKey) || EF.Functions.TrigramsAreWordSimilar(key, c.SearchKey))
            : clients.Where(c => EF.Functions.TrigramsAreWordSimilar(nameKey, c.SearchKey));
        return clients
            .Select(c => new CandidateRow
            {
                Id = c.Id,
                FullName = c.FullName,
                Patronymic = c.Patronymic,
                LatinName = c.LatinName,
                BirthDate = c.BirthDate,
                BirthYear = c.BirthYear,
                Citizenship = c.Citizenship,
                // The patronymic counts only when both sides have one; a different one then lowers the rank.
                Similarity = withPatronymic && c.Patronymic != null
                    ? EF.Functions.TrigramsWordSimilarity(key, c.SearchKey)
                    : EF.Functions.TrigramsWordSimilarity(nameKey, c.SearchKey),
            })
            .OrderByDescending(c => c.Similarity)
            .Take(Best);
    }

    private sealed class CandidateRow
    {
        public Guid Id { get; init; }

        public string FullName { get; init; } = "";

        public string? Patronymic { get; init; }

        public string LatinName { get; init; } = "";

        public DateOnly? BirthDate { get; init; }

        public int? BirthYear { get; init; }

        public string? Citizenship { get; init; }

        public double Similarity { get; init; }
    }
}
