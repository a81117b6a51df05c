using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Security;

/// <summary>
/// A client that <see cref="ClientAccess"/> lets the viewer see, as the proof the client page's sections take
/// (as <see cref="AuthorizedCase"/> is for the case page): only <see cref="ViewAsync"/> makes one, so a section
/// can only ever be shown for a client the user was authorized for, never for an id it is given. The client page
/// gets one with the client it loads (<see cref="LoadAsync"/>), in the same statement.
/// </summary>
public sealed class AuthorizedClient
{
    private AuthorizedClient(Guid id, Viewer viewer)
    {
        Id = id;
        Viewer = viewer;
    }

    public Guid Id { get; }

    /// <summary>Who the client was authorized for: a section filters what it shows by the same viewer.</summary>
    public Viewer Viewer { get; }

    /// <summary>The client for reading; null when missing or not visible to <paramref name="viewer"/> (answered 404 alike).</summary>
    public static async Task<AuthorizedClient?> ViewAsync(AppDbContext db, Viewer viewer, Guid id, CancellationToken cancellationToken = default) =>
        await db.Clients.AsNoTracking().Where(ClientAccess.VisibleClients(viewer, db)).AnyAsync(c => c.Id == id, cancellationToken)
            ? new AuthorizedClient(id, viewer)
            : null;

    /// <summary>
    /// The client loaded through the same visibility rule, shaped by <paramref name="shape"/> (includes), with its
    /// proof; null when missing or not visible to <paramref name="viewer"/>.
    /// </summary>
    public static async Task<(AuthorizedClient Access, Client Record)?> LoadAsync(AppDbContext db, Viewer viewer, Guid id,
        Func<IQueryable<Client>, IQueryable<Client>> shape, CancellationToken cancellationToken = default)
    {
        var record = await shape(db.Clients.AsNoTracking().Where(ClientAccess.VisibleClients(viewer, db)))
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return record is null ? null : (new AuthorizedClient(id, viewer), record);
    }
}
