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

        // Ranked by the words alike enough to match (0.6). When that cannot stop a round, the clients holding a word
        // only partly alike (0.5: "hurchid" for "hourchid") are ranked as well and read: a few clients, reached by
        // their words. Everyone else holds no such word, so a typed word they hold no hit for adds under 0.5 of its
        // trigrams, and the bound for them follows from the first ranking at the lower threshold (ADR 0018).
        var near = await NameWordSearch.NearAsync(db, NameWordSearch.KeyWords(key), cancellationToken);
        var strict = near.AtLeast(NameWordSearch.HitThreshold);
        var nameCount = NameWordSearch.KeyWords(name).Count;
        var (strictName, nearName) = withPatronymic ? (strict.First(nameCount), near.First(nameCount)) : (null, null);
        var rows = new List<CandidateRow>();
        for (var take = FirstRound; take <= LastRound; take *= 8)
        {
            var ranked = await RankAsync(db, strict, strictName, take, ClientNameRanking.TopAsync, cancellationToken);
            rows = await Compared(db, viewer, ranked.Ids, nameKey, key, withPatronymic).ToListAsync(cancellationToken);
            if (NoneUnreadCanRankAbove(rows, ranked.Unread, limit, birthDate, birthYear))
            {
                break;
            }

            if (near.Hits.Count == strict.Hits.Count)
            {
                continue;
            }

            var partly = await RankAsync(db, near, nearName, take, ClientNameRanking.PartlyAlikeTopAsync, cancellationToken);
            var more = partly.Ids.Except(ranked.Ids).ToArray();
            if (more.Length > 0)
            {
                rows = [.. rows.Concat(await Compared(db, viewer, more, nameKey, key, withPatronymic).ToListAsync(cancellationToken))
                    .OrderByDescending(r => r.Similarity).Take(Best)];
            }

            var unread = Math.Max(partly.Unread, ranked.UnreadAt(near, nearName));
            if (NoneUnreadCanRankAbove(rows, unread, limit, birthDate, birthYear))
            {
                break;
            }
        }

        return Shown(rows, birthDate, birthYear, limit);
    }

    /// <summary>A round's ranking: by the whole typed name, joined (with a patronymic) by the name alone.</summary>
    private static async Task<Round> RankAsync(
        AppDbContext db, TypedNameWords words, TypedNameWords? nameWords, int take,
        Func<AppDbContext, TypedNameWords, int, CancellationToken, Task<RankedClients>> rank, CancellationToken cancellationToken)
    {
        var top = await rank(db, words, take, cancellationToken);
        var byName = nameWords is null ? null : await rank(db, nameWords, take, cancellationToken);
        return new Round(byName is null ? top.Ids : [.. top.Ids.Union(byName.Ids)], Math.Max(top.UnreadBound, byName?.UnreadBound ?? 0), top, byName);
    }

    /// <summary>What a round read, and the most anyone it left unread can score.</summary>
    private sealed record Round(Guid[] Ids, double Unread, RankedClients Top, RankedClients? ByName)
    {
        /// <summary>The bound for the unread among those holding no partly alike word: the same last weights, the lower threshold.</summary>
        public double UnreadAt(TypedNameWords near, TypedNameWords? nearName) => Math.Max(
            Top.UnreadBound == 0 ? 0 : ClientNameRanking.UnreadBound(near, Top.LastWeight),
            ByName is null || ByName.UnreadBound == 0 || nearName is null ? 0 : ClientNameRanking.UnreadBound(nearName, ByName.LastWeight));
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
            .TakeFixed(Best);
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
