using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;

namespace MigrantAid.Web.Security;

/// <summary>
/// A client that <see cref="ClientAccess"/> lets the viewer see, as the proof the client page's sections take
/// (as <see cref="AuthorizedCase"/> is for the case page): only <see cref="ViewAsync"/> makes one, so a section
/// can only ever be shown for a client the user was authorized for, never for an id it is given.
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
}
