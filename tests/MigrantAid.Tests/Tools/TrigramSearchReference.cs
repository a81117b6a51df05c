using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Tests.Tools;

/// <summary>
/// The name searches as they were before issue 14 (trigram word similarity of each typed word, or of the
/// whole typed name, with every client's whole match key), kept unchanged as the reference that the
/// search by match-key words is held against (<see cref="SearchRecallTests"/>).
/// </summary>
internal static partial class TrigramSearchReference
{
    /// <summary>The case search box: reference prefix, clients' names (each typed word) and respondents' names.</summary>
    public static IQueryable<Guid> Matching(AppDbContext db, Viewer viewer, string search)
    {
        var referencePrefix = search.Trim().ToUpperInvariant();
        var found = db.Cases.Where(c => c.Reference.StartsWith(referencePrefix)).Select(c => c.Id);
        if (ReferenceShape().IsMatch(search.Trim()))
        {
            return found;
        }

        var words = Transliteration.MatchKey(search).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var significant = words.Where(w => w.Length >= 3).Distinct().ToList();
        if (significant.Count == 0)
        {
            significant = words.Where(w => w.Length >= 2).Distinct().ToList();
        }

        if (significant.Count == 0)
        {
            return found;
        }

        var clients = db.Clients.AsQueryable();
        var respondents = db.Respondents.AsQueryable();
        foreach (var word in significant)
        {
            clients = clients.Where(cl => EF.Functions.TrigramsAreWordSimilar(word, cl.SearchKey));
            respondents = respondents.Where(r => EF.Functions.TrigramsAreWordSimilar(word, r.SearchKey));
        }

        found = found.Union(CasesNaming(db, viewer, clients));
        var intakes = respondents.Select(r => r.IntakeId);
        return found.Union(db.Cases.Where(c => intakes.Contains(c.IntakeId)).Select(c => c.Id));
    }

    /// <summary>"Find before you create": the whole typed name against every visible client's key, best 50, then the birth.</summary>
    public static async Task<IReadOnlyList<ClientCandidate>> FindAsync(
        AppDbContext db, Viewer viewer, string name, string? patronymic, DateOnly? birthDate, int? birthYear, int limit)
    {
        var nameKey = Transliteration.MatchKey(name);
        var withPatronymic = !string.IsNullOrWhiteSpace(patronymic);
        var key = withPatronymic ? Transliteration.MatchKey(name + " " + patronymic) : nameKey;
        if (nameKey.Length < 2)
        {
            return [];
        }

        var clients = db.Clients.AsNoTracking().Where(ClientAccess.VisibleClients(viewer, db));
        clients = withPatronymic
            ? clients.Where(c => EF.Functions.TrigramsAreWordSimilar(nameKey, c.SearchKey) || EF.Functions.TrigramsAreWordSimilar(key, c.SearchKey))
            : clients.Where(c => EF.Functions.TrigramsAreWordSimilar(nameKey, c.SearchKey));
        var rows = await clients
            .Select(c => new
            {
                c.Id,
                c.FullName,
                c.Patronymic,
                c.LatinName,
                c.BirthDate,
                c.BirthYear,
                c.Citizenship,
                Similarity = withPatronymic && c.Patronymic != null
                    ? EF.Functions.TrigramsWordSimilarity(key, c.SearchKey)
                    : EF.Functions.TrigramsWordSimilarity(nameKey, c.SearchKey),
            })
            .OrderByDescending(c => c.Similarity)
            .Take(50)
            .ToListAsync();

        return rows
            .Select(r => new ClientCandidate(r.Id, r.FullName, r.Patronymic, r.LatinName, r.BirthDate, r.BirthYear, r.Citizenship,
                DuplicateScoring.Score(r.Similarity, birthDate, birthYear, r.BirthDate, r.BirthYear)))
            .Where(c => c.Score >= DuplicateScoring.Threshold)
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.FullName, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    /// <summary>The cases naming the clients: consenting clients on any case, restricted ones only to coordinators and on the viewer's own cases.</summary>
    private static IQueryable<Guid> CasesNaming(AppDbContext db, Viewer viewer, IQueryable<Client> clients)
    {
        if (viewer.IsCoordinator)
        {
            var ids = clients.Select(cl => cl.Id);
            return db.CaseClients.Where(cc => ids.Contains(cc.ClientId)).Select(cc => cc.CaseId);
        }

        var restricted = clients.Where(ClientAccess.Restricted).Select(cl => cl.Id);
        var consenting = clients.Where(cl => cl.ConsentStatus != ConsentStatus.Withdrawn && cl.ConsentStatus != ConsentStatus.Refused).Select(cl => cl.Id);
        var mine = CaseAccess.AssignedCaseIds(db, viewer.UserId);
        return db.CaseClients.Where(cc => consenting.Contains(cc.ClientId)).Select(cc => cc.CaseId)
            .Union(db.CaseClients.Where(cc => restricted.Contains(cc.ClientId) && mine.Contains(cc.CaseId)).Select(cc => cc.CaseId));
    }

    [GeneratedRegex(@"^[A-Za-z]{2,5}-\d{4}(-\d*)?$")]
    private static partial Regex ReferenceShape();
}
