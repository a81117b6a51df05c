using System.Text.RegularExpressions;
using MigrantAid.Web.Data;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Cases.CaseList;

/// <summary>The search box of the case list (and of the top bar): which cases a typed text finds.</summary>
public static partial class CaseNameMatching
{
    /// <summary>
    /// Ids of the cases the search box finds: by reference (exact or its start, e.g. "SPB-2026-00"),
    /// by a client's name in any script or spelling, and by a respondent's name. Text shaped like a
    /// reference is looked up only as a reference. Otherwise each typed word (of three letters or more,
    /// else of two) must be trigram-word-similar to a word of the name's match key, so "Rahimov Farrukh"
    /// finds "Рахимов Фаррух Алиевич": the similar words come from the dictionary of match-key words
    /// (<see cref="NameWordSearch"/>, ADR 0018) and reach the clients through its B-tree, however common
    /// the name. A client who withdrew or refused consent is found only by coordinators and the people
    /// assigned to that client's cases (<see cref="ClientAccess.CasesNaming"/>).
    /// </summary>
    public static async Task<IQueryable<Guid>> MatchingAsync(AppDbContext db, Viewer viewer, string search, CancellationToken cancellationToken = default)
    {
        var referencePrefix = search.Trim().ToUpperInvariant();
        var found = db.Cases.Where(c => c.Reference.StartsWith(referencePrefix)).Select(c => c.Id);
        if (ReferenceShape().IsMatch(search.Trim()))
        {
            return found;
        }

        var significant = SignificantWords(search);
        if (significant.Count == 0)
        {
            return found;
        }

        var words = await NameWordSearch.SimilarAsync(db, significant, cancellationToken);
        if (words.FindsNobody)
        {
            return found;
        }

        found = found.Union(ClientAccess.CasesNaming(db, viewer, words.Clients(db)));
        var respondents = words.Respondents(db);
        var intakes = db.Respondents.Where(r => respondents.Contains(r.Id)).Select(r => r.IntakeId);
        return found.Union(db.Cases.Where(c => intakes.Contains(c.IntakeId)).Select(c => c.Id));
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
}
