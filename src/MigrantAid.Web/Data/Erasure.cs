using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Privacy;

namespace MigrantAid.Web.Data;

/// <summary>
/// A client's request to be forgotten (issue 15, point 4): the client is anonymised everywhere at once, with every
/// case they lead and every intake of theirs, unless one of their cases is still open. The request is then kept
/// and carried out by the retention run once the last such case is closed.
/// </summary>
public static class Erasure
{
    /// <summary>The cases that hold a request back: not closed, and the client is on them.</summary>
    public static IQueryable<Case> OpenCasesOf(AppDbContext db, Guid clientId) =>
        db.Cases.Where(k => k.Status != CaseStatus.Closed && (k.PrincipalClientId == clientId || k.Clients.Any(c => c.ClientId == clientId)));

    /// <summary>Clients whose request is recorded and not yet carried out (by the partial index of 0030).</summary>
    public static IQueryable<Domain.Clients.Client> Waiting(AppDbContext db) =>
        db.Clients.Where(c => c.ErasureRequestedOn != null && c.AnonymisedAt == null);

    /// <summary>Clients whose request is waiting and no longer held back by an open case.</summary>
    public static Task<List<Guid>> ClientsReadyAsync(AppDbContext db, int take, CancellationToken cancellationToken) =>
        Waiting(db)
            .Where(c => !db.Cases.Any(k => k.Status != CaseStatus.Closed && (k.PrincipalClientId == c.Id || k.Clients.Any(x => x.ClientId == c.Id))))
            .OrderBy(c => c.ErasureRequestedOn).ThenBy(c => c.Id).Select(c => c.Id).Take(take)
            .ToListAsync(cancellationToken);

    /// <summary>Anonymises the clients, the cases they lead and their intakes, in the caller's transaction.</summary>
    public static async Task<AnonymisationCounts> ApplyAsync(AppDbContext db, IReadOnlyCollection<Guid> clients, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var cases = await db.Cases.Where(k => clients.Contains(k.PrincipalClientId) && k.AnonymisedAt == null)
            .Select(k => k.Id).ToListAsync(cancellationToken);
        var intakes = await db.Intakes.Where(i => i.ClientId != null && clients.Contains(i.ClientId.Value) && i.AnonymisedAt == null)
            .Select(i => i.Id).ToListAsync(cancellationToken);
        return await Anonymisation.ApplyAsync(db, cases, intakes, clients, at, cancellationToken);
    }
}
