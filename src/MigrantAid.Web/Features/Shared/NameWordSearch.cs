using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Features.Shared;

/// <summary>
/// The typed words of a name search, each with the dictionary words (name_words, migration 0026) that are
/// trigram-word-similar to it. A record matches a typed word when its match key holds one of those words.
/// </summary>
public sealed class TypedNameWords
{
    internal TypedNameWords(IReadOnlyList<string> words, IReadOnlyList<NameWordHit> hits, double threshold)
    {
        Words = words;
        Hits = hits;
        Threshold = threshold;
        Similar = words.Select((_, p) => hits.Where(h => h.Position == p).Select(h => h.Id).Distinct().ToArray()).ToList();
    }

    /// <summary>The first <paramref name="count"/> typed words alone (the name without the patronymic typed after it).</summary>
    public TypedNameWords First(int count) => new(Words.Take(count).ToList(), Hits.Where(h => h.Position < count).ToList(), Threshold);

    /// <summary>Only the hits at least <paramref name="threshold"/> like their typed word (the bound for the unread follows).</summary>
    public TypedNameWords AtLeast(double threshold) => new(Words, Hits.Where(h => h.Similarity >= threshold).ToList(), threshold);

    /// <summary>The typed words, as match-key words.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Each similar dictionary word with the typed word it is like and how much.</summary>
    public IReadOnlyList<NameWordHit> Hits { get; }

    /// <summary>The least word similarity of a hit: a dictionary word less like its typed word was not looked up.</summary>
    public double Threshold { get; }

    /// <summary>For each typed word, the ids of the similar dictionary words (empty when none is).</summary>
    public IReadOnlyList<int[]> Similar { get; }

    /// <summary>True when some respondent may hold every typed word (each has a similar word that a respondent holds).</summary>
    public bool RespondentsMayMatch => Similar.Count > 0 && Enumerable.Range(0, Similar.Count).All(p => Hits.Any(h => h.Position == p && h.HeldByRespondent));

    /// <summary>True when no record can hold every typed word: a word is like no stored word, or nothing was typed.</summary>
    public bool FindsNobody => Similar.Count == 0 || Similar.Any(ids => ids.Length == 0);

    /// <summary>Ids of the clients whose match key holds a word similar to each of the typed words at <paramref name="positions"/>.</summary>
    public IQueryable<Guid> Clients(AppDbContext db, IEnumerable<int> positions)
    {
        var words = db.Set<ClientNameWord>();
        IQueryable<Guid>? ids = null;
        foreach (var similar in positions.Select(p => Similar[p]))
        {
            ids = ids is null
                ? words.Where(w => similar.Contains(w.WordId)).Select(w => w.ClientId)
                : ids.Where(id => words.Any(w => w.ClientId == id && similar.Contains(w.WordId)));
        }

        return ids ?? words.Where(w => false).Select(w => w.ClientId);
    }

    /// <summary>Ids of the clients whose match key holds a word similar to every typed word.</summary>
    public IQueryable<Guid> Clients(AppDbContext db) => Clients(db, Enumerable.Range(0, Similar.Count));

    /// <summary>Ids of the respondents whose match key holds a word similar to every typed word.</summary>
    public IQueryable<Guid> Respondents(AppDbContext db)
    {
        var words = db.Set<RespondentNameWord>();
        IQueryable<Guid>? ids = null;
        foreach (var similar in Similar)
        {
            ids = ids is null
                ? words.Where(w => similar.Contains(w.WordId)).Select(w => w.RespondentId)
                : ids.Where(id => words.Any(w => w.RespondentId == id && similar.Contains(w.WordId)));
        }

        return ids ?? words.Where(w => false).Select(w => w.RespondentId);
    }
}

/// <summary>
/// Looks typed words up in the dictionary of match-key words (ADR 0018): one statement, a trigram index scan
/// of the small set of distinct words per typed word. The ids then reach the records through the B-tree of
/// the word tables, so the cost of a search follows the page it shows, not the number of namesakes.
/// </summary>
public static class NameWordSearch
{
    /// <summary>The match-key words of <paramref name="text"/> (distinct, in typed order).</summary>
    public static IReadOnlyList<string> KeyWords(string? text) =>
        Transliteration.MatchKey(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();

    /// <summary>pg_trgm's <c>word_similarity_threshold</c>: a stored word less like a typed word does not match it.</summary>
    public const double HitThreshold = 0.6;

    /// <summary>The threshold of <see cref="NearAsync"/> (migration 0028_name_words_near).</summary>
    public const double NearThreshold = 0.5;

    public static async Task<TypedNameWords> SimilarAsync(AppDbContext db, IReadOnlyList<string> words, CancellationToken cancellationToken = default)
    {
        var hits = words.Count == 0 ? [] : await Lookup(db, words).ToListAsync(cancellationToken);
        return new TypedNameWords(words, hits, HitThreshold);
    }

    /// <summary>
    /// The typed words with the dictionary words at least <see cref="NearThreshold"/> like each, for ranking (a
    /// word only partly like a typed one still lifts a whole name's similarity): one statement, the dictionary's
    /// trigram index at the lower threshold. <see cref="NameWordHit.HeldByRespondent"/> is not looked up.
    /// </summary>
    public static async Task<TypedNameWords> NearAsync(AppDbContext db, IReadOnlyList<string> words, CancellationToken cancellationToken = default)
    {
        var typed = words.ToArray();
        var hits = typed.Length == 0 ? [] : await db.Database.SqlQuery<NameWordHit>($"""
            SELECT (t.position - 1)::integer AS "Position", n.id AS "Id", n.similarity::double precision AS "Similarity", false AS "HeldByRespondent"
            FROM unnest({typed}::text[]) WITH ORDINALITY AS t(word, position)
            CROSS JOIN LATERAL name_words_near(t.word) AS n
            """).ToListAsync(cancellationToken);
        return new TypedNameWords(words, hits, NearThreshold);
    }

    private static IQueryable<NameWordHit> Lookup(AppDbContext db, IReadOnlyList<string> words)
    {
        IQueryable<NameWordHit>? query = null;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var position = i;
            var hits = db.Set<NameWord>().Where(n => EF.Functions.TrigramsAreWordSimilar(word, n.Word))
                .Select(n => new NameWordHit
                {
                    Position = position,
                    Id = n.Id,
                    Similarity = EF.Functions.TrigramsWordSimilarity(word, n.Word),
                    HeldByRespondent = db.Set<RespondentNameWord>().Any(r => r.WordId == n.Id),
                });
            query = query is null ? hits : query.Concat(hits);
        }

        return query!;
    }
}

/// <summary>A dictionary word similar to the typed word at <see cref="Position"/>, with their trigram word similarity.</summary>
public sealed class NameWordHit
{
    public int Position { get; init; }

    public int Id { get; init; }

    public double Similarity { get; init; }

    /// <summary>Whether a respondent's key holds the word (most names are only clients').</summary>
    public bool HeldByRespondent { get; init; }
}
