using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;

namespace MigrantAid.Web.Features.Shared;

/// <summary>
/// The clients most like a typed name, ranked by their dictionary words alone (ADR 0018), without reading a
/// client row: each typed word scores the best similarity among the client's words, weighted by its trigrams
/// (a word of n letters has n + 1), and the scores are summed. That sum, divided by all the typed trigrams, is
/// pg_trgm's word similarity of the whole typed name with the client's key whenever each typed word is best
/// matched within one stored word, so the order is the one <see cref="ClientFinder"/> ranks by.
/// </summary>
public static class ClientNameRanking
{
    /// <summary>
    /// The ids of the <paramref name="take"/> best-ranked clients, best first (ties by id), and the rank of the last
    /// one read as a word similarity (its weight over all the typed trigrams): no client left unread ranks above it.
    /// The bound is 0 when fewer than <paramref name="take"/> clients hold any of the words (none is left unread).
    /// </summary>
    public static async Task<RankedClients> TopAsync(AppDbContext db, TypedNameWords words, int take, CancellationToken cancellationToken = default)
    {
        if (words.Hits.Count == 0)
        {
            return new RankedClients([], 0, 0);
        }

        var (ids, positions, weights) = Weighted(words);
        var top = await db.Database.SqlQuery<RankedClient>($"""
            SELECT p.client_id AS "Id", sum(p.weight) AS "Weight"
            FROM (SELECT w.client_id, max(h.weight) AS weight
                  FROM unnest({ids}, {positions}, {weights}) AS h(word_id, position, weight)
                  JOIN client_name_words w ON w.word_id = h.word_id
                  GROUP BY w.client_id, h.position) p
            GROUP BY p.client_id
            ORDER BY sum(p.weight) DESC, p.client_id
            LIMIT {take}
            """).ToListAsync(cancellationToken);
        return Ranked(words, top, take);
    }

    /// <summary>
    /// The <paramref name="take"/> best-ranked of the clients that hold a word only partly like a typed one (under
    /// <see cref="NameWordSearch.HitThreshold"/>, at least <paramref name="words"/>' threshold), ranked by all their
    /// hits. Few clients hold such words, so this reads their words by client instead of every namesake's link
    /// again: with the first ranking's bound for everyone else (<see cref="ClientFinder"/>), it completes a round.
    /// </summary>
    public static async Task<RankedClients> PartlyAlikeTopAsync(AppDbContext db, TypedNameWords words, int take, CancellationToken cancellationToken = default)
    {
        var partly = words.Hits.Where(h => h.Similarity < NameWordSearch.HitThreshold).Select(h => h.Id).Distinct().ToArray();
        if (partly.Length == 0)
        {
            return new RankedClients([], 0, 0);
        }

        var (ids, positions, weights) = Weighted(words);
        var top = await db.Database.SqlQuery<RankedClient>($"""
            SELECT p.client_id AS "Id", sum(p.weight) AS "Weight"
            FROM (SELECT w.client_id, max(h.weight) AS weight
                  FROM (SELECT DISTINCT client_id FROM client_name_words WHERE word_id = ANY ({partly})) c
                  JOIN client_name_words w ON w.client_id = c.client_id
                  JOIN unnest({ids}, {positions}, {weights}) AS h(word_id, position, weight) ON h.word_id = w.word_id
                  GROUP BY w.client_id, h.position) p
            GROUP BY p.client_id
            ORDER BY sum(p.weight) DESC, p.client_id
            LIMIT {take}
            """).ToListAsync(cancellationToken);
        return Ranked(words, top, take);
    }

    private static (int[] Ids, int[] Positions, double[] Weights) Weighted(TypedNameWords words) => (
        words.Hits.Select(h => h.Id).ToArray(),
        words.Hits.Select(h => h.Position).ToArray(),
        words.Hits.Select(h => h.Similarity * (words.Words[h.Position].Length + 1)).ToArray());

    private static RankedClients Ranked(TypedNameWords words, List<RankedClient> top, int take)
    {
        var last = top.Count < take ? 0 : top[^1].Weight;
        return new RankedClients([.. top.Select(t => t.Id)], top.Count < take ? 0 : UnreadBound(words, last), last);
    }

    /// <summary>
    /// The most a client left unread can score when the last one read weighs <paramref name="lastWeight"/>. Its
    /// hits weigh no more than that, but a typed word it holds no hit for still adds up to the hits' threshold
    /// (<see cref="TypedNameWords.Threshold"/>) of its trigrams to the real similarity ("hurshid" is 0.22 like
    /// "hourchid", yet lifts "Ismoilov Hurshid" to 0.61). With h the typed trigrams its hits cover, it scores at
    /// most min(last, h) + threshold × (all − h), which is largest at h = last: last + threshold × (all − last).
    /// </summary>
    public static double UnreadBound(TypedNameWords words, double lastWeight)
    {
        var total = words.Words.Sum(w => w.Length + 1.0);
        var last = Math.Min(lastWeight, total);
        return (last + (words.Threshold * (total - last))) / total;
    }

    private sealed class RankedClient
    {
        public Guid Id { get; init; }

        public double Weight { get; init; }
    }
}

/// <summary>
/// Clients best first, the most any client left unread may score (0 when none is left), and the weight of the last
/// one read (0 when none is left), from which a bound under another threshold follows.
/// </summary>
public sealed record RankedClients(Guid[] Ids, double UnreadBound, double LastWeight);
