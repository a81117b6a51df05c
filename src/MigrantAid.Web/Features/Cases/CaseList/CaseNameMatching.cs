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
        var text = search.Trim();
        var referencePrefix = text.ToUpperInvariant();
        var byReference = db.Cases.Where(c => c.Reference.StartsWith(referencePrefix)).Select(c => c.Id);
        if (ReferenceShape().IsMatch(text))
        {
            return byReference;
        }

        // Text that cannot begin a reference ("Rahimov") is not looked up as one: the name search then stays
        // one semi-join that PostgreSQL may drive from the cases' order or from the matching clients.
        var found = ReferenceStart().IsMatch(text) ? byReference : null;
        var significant = SignificantWords(search);
        var words = significant.Count == 0 ? null : await NameWordSearch.SimilarAsync(db, significant, cancellationToken);
        if (words is { FindsNobody: false })
        {
            found = Either(found, ClientAccess.CasesNaming(db, viewer, words.Clients(db)));
            if (words.RespondentsMayMatch)
            {
                var respondents = words.Respondents(db);
                var intakes = db.Respondents.Where(r => respondents.Contains(r.Id)).Select(r => r.IntakeId);
                found = Either(found, db.Cases.Where(c => intakes.Contains(c.IntakeId)).Select(c => c.Id));
            }
        }

        return found ?? db.Cases.Where(c => false).Select(c => c.Id);
    }

    private static IQueryable<Guid> Either(IQueryable<Guid>? found, IQueryable<Guid> more) => found is null ? more : found.Union(more);

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
