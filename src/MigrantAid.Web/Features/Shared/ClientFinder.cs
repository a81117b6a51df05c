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
/// come from the dictionary of match-key words (<see cref="NameWordSearch"/>, ADR 0018), so the
/// similarity is computed only for clients holding enough of the typed words, never by a trigram
/// scan of every client's key.
/// </summary>
public static class ClientFinder
{
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

        var words = await NameWordSearch.SimilarAsync(db, NameWordSearch.KeyWords(name), cancellationToken);
        var near = words.ClientsNear(db);
        var clients = db.Clients.AsNoTracking().Where(c => near.Contains(c.Id)).Where(ClientAccess.VisibleClients(viewer, db));
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
                // The patronymic counts only when both sides have one; a different one then lowers the rank.
                Similarity = withPatronymic && c.Patronymic != null
                    ? EF.Functions.TrigramsWordSimilarity(key, c.SearchKey)
                    : EF.Functions.TrigramsWordSimilarity(nameKey, c.SearchKey),
            })
            .OrderByDescending(c => c.Similarity)
            .Take(50)
            .ToListAsync(cancellationToken);

        return rows
            .Select(r => new ClientCandidate(r.Id, r.FullName, r.Patronymic, r.LatinName, r.BirthDate, r.BirthYear, r.Citizenship,
                DuplicateScoring.Score(r.Similarity, birthDate, birthYear, r.BirthDate, r.BirthYear)))
            .Where(c => c.Score >= DuplicateScoring.Threshold)
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.FullName, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }
}
