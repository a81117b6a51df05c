using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Cases.CaseList;

/// <summary>The search box of the case list (and of the top bar): which cases a typed text finds.</summary>
public static partial class CaseNameMatching
{
    /// <summary>
    /// How many distinct cases a name may match and still be counted and sorted from its own ids (configuration
    /// "Lists:CountableNameMatches"); a name matching more (a common surname alone) is searched by walking the
    /// list's order instead, where the matches are dense, and the list says it matches more than this rather
    /// than counting them.
    /// </summary>
    public const int CountableMatches = 1000;

    /// <summary>
    /// The cases the search box finds: by reference (exact or its start, e.g. "SPB-2026-00"), by a client's
    /// name in any script or spelling, and by a respondent's name. Text shaped like a reference is looked up
    /// only as a reference. Otherwise each typed word (of three letters or more, else of two) must be
    /// trigram-word-similar to a word of the name's match key, so "Rahimov Farrukh" finds "Рахимов Фаррух
    /// Алиевич": the similar words come from the dictionary of match-key words (<see cref="NameWordSearch"/>,
    /// ADR 0018) and reach the clients through its B-tree, however common the name. A client who withdrew or
    /// refused consent is found only by coordinators and the people assigned to that client's cases
    /// (<see cref="ClientAccess.CasesNaming"/>).
    /// <para>
    /// A name is first probed from the word side (one statement, at most twice <see cref="CountableMatches"/>
    /// links): when it matches few cases their ids are handed to the list, so PostgreSQL fetches and sorts
    /// exactly those (its estimate of a two-word intersection is too high by twenty times, which made it walk
    /// a million cases for 26 rows); when it matches many, the list walks its own order and stops at 26.
    /// </para>
    /// </summary>
    public static async Task<CaseMatches> MatchingAsync(
        AppDbContext db, Viewer viewer, string search, CancellationToken cancellationToken = default, int countable = CountableMatches)
    {
        var text = search.Trim();
        var referencePrefix = text.ToUpperInvariant();
        var byReference = db.Cases.Where(c => c.Reference.StartsWith(referencePrefix)).Select(c => c.Id);
        if (ReferenceShape().IsMatch(text))
        {
            return CaseMatches.Walking(byReference);
        }

        var branches = new List<IQueryable<Guid>>();
        if (ReferenceStart().IsMatch(text))
        {
            branches.Add(byReference);
        }

        var significant = SignificantWords(search);
        var words = significant.Count == 0 ? null : await NameWordSearch.SimilarAsync(db, significant, cancellationToken);
        if (words is { FindsNobody: false })
        {
            branches.Add(ClientAccess.CasesNaming(db, viewer, words.Clients(db)));
            if (words.RespondentsMayMatch)
            {
                var respondents = words.Respondents(db);
                var intakes = db.Respondents.Where(r => respondents.Contains(r.Id)).Select(r => r.IntakeId);
                branches.Add(db.Cases.Where(c => intakes.Contains(c.IntakeId)).Select(c => c.Id));
            }
        }

        if (branches.Count == 0)
        {
            return CaseMatches.Found([]);
        }

        // UNION ALL under a LIMIT stops reading as soon as enough links are found; duplicates (a case naming two
        // namesakes, a client who is also a respondent) are removed here.
        var probe = await branches.Aggregate((a, b) => a.Concat(b)).Take((2 * countable) + 1).ToListAsync(cancellationToken);
        var distinct = probe.Distinct().ToList();
        if (probe.Count <= 2 * countable)
        {
            return CaseMatches.Found(distinct);
        }

        var all = branches.Aggregate((a, b) => a.Union(b));
        return distinct.Count > countable ? CaseMatches.TooManyToCount(all) : CaseMatches.Walking(all);
    }

    /// <summary>The typed match-key words of three letters or more; when there are none, those of two.</summary>
    public static IReadOnlyList<string> SignificantWords(string search)
    {
        var words = NameWordSearch.KeyWords(search);
        var significant = words.Where(w => w.Length >= 3).ToList();
        return significant.Count > 0 ? significant : words.Where(w => w.Length >= 2).ToList();
    }

    /// <summary>"SPB-2026-0042", "SPB-2026-00", "spb-2026": an office code, a year, perhaps the start of a number.</summary>
    [GeneratedRegex(@"^[A-Za-z]{2,5}-\d{4}(-\d*)?$")]
    private static partial Regex ReferenceShape();

    /// <summary>What a reference ("SPB-2026-0042": 2 to 5 letters, a year, a number) can begin with: "SPB", "spb-20".</summary>
    [GeneratedRegex(@"^[A-Za-z]{1,5}(-\d{0,4}(-\d*)?)?$")]
    private static partial Regex ReferenceStart();
}
