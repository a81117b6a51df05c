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
    internal TypedNameWords(IReadOnlyList<string> words, IReadOnlyList<int[]> similar)
    {
        Words = words;
        Similar = similar;
    }

    /// <summary>The typed words, as match-key words.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>For each typed word, the ids of the similar dictionary words (empty when none is).</summary>
    public IReadOnlyList<int[]> Similar { get; }

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

    /// <summary>
    /// Ids of the clients that can reach the trigram word similarity of the whole typed phrase (0.6, pg_trgm's
    /// default): those holding a similar word for each typed word of a set whose trigrams make up 60% of the
    /// phrase's. For "Rahimov Farrukh" both words are needed; for "Karimov Ali" the surname alone can be enough,
    /// and a name typed with its patronymic still finds the record saved without it.
    /// </summary>
    public IQueryable<Guid> ClientsNear(AppDbContext db)
    {
        IQueryable<Guid>? ids = null;
        foreach (var set in SufficientSets())
        {
            var clients = Clients(db, set);
            ids = ids is null ? clients : ids.Union(clients);
        }

        return ids ?? Clients(db, []);
    }

    /// <summary>The smallest sets of typed words (by position, at most <see cref="MostWords"/> of the longest) whose trigrams reach the threshold.</summary>
    private List<int[]> SufficientSets()
    {
        // pg_trgm pads each word: a word of n letters has n + 1 trigrams.
        var longest = Enumerable.Range(0, Words.Count).Where(p => Similar[p].Length > 0)
            .OrderByDescending(p => Words[p].Length).Take(MostWords).ToList();
        var total = Words.Sum(w => w.Length + 1);
        var sets = new List<int[]>();
        for (var mask = 1; mask < 1 << longest.Count; mask++)
        {
            var set = longest.Where((_, i) => (mask & (1 << i)) != 0).ToArray();
            if (set.Sum(p => Words[p].Length + 1) >= Threshold * total && !sets.Any(smaller => smaller.All(set.Contains)))
            {
                sets.Add(set);
            }
        }

        return sets;
    }

    /// <summary>pg_trgm's word_similarity_threshold, which the searches' operators use.</summary>
    public const double Threshold = 0.6;

    /// <summary>Typed words beyond this many (the shortest) are left to the ranking.</summary>
    public const int MostWords = 5;

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

    public static async Task<TypedNameWords> SimilarAsync(AppDbContext db, IReadOnlyList<string> words, CancellationToken cancellationToken = default)
    {
        var similar = words.Select(_ => new List<int>()).ToList();
        if (words.Count > 0)
        {
            var hits = await Lookup(db, words).ToListAsync(cancellationToken);
            foreach (var hit in hits)
            {
                similar[hit.Position].Add(hit.Id);
            }
        }

        return new TypedNameWords(words, similar.Select(ids => ids.Distinct().ToArray()).ToList());
    }

    private static IQueryable<WordHit> Lookup(AppDbContext db, IReadOnlyList<string> words)
    {
        IQueryable<WordHit>? query = null;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var position = i;
            var hits = db.Set<NameWord>().Where(n => EF.Functions.TrigramsAreWordSimilar(word, n.Word))
                .Select(n => new WordHit { Position = position, Id = n.Id });
            query = query is null ? hits : query.Concat(hits);
        }

        return query!;
    }

    private sealed class WordHit
    {
        public int Position { get; init; }

        public int Id { get; init; }
    }
}
