using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Clients;

/// <summary>
/// What every client action shares: reading a client only when the viewer may see it (otherwise
/// it does not exist for them), the office's calendar, and saving a change together with its audit
/// event so that neither is written without the other.
/// </summary>
public sealed class ClientRecords(AppDbContext db, IAuditLog audit, TimeProvider clock)
{
    public AppDbContext Db => db;

    public DateTimeOffset Now => clock.GetUtcNow();

    public IQueryable<Client> Visible(Viewer viewer) => db.Clients.Where(ClientAccess.VisibleClients(viewer, db));

    /// <summary>Clients the viewer may see and change: an anonymised client is a record of facts, never edited again (404).</summary>
    public IQueryable<Client> Editable(Viewer viewer) => Visible(viewer).Where(c => c.AnonymisedAt == null);

    /// <summary>The client, tracked, with its details; null when missing or not visible to the viewer.</summary>
    public Task<Client?> LoadAsync(Viewer viewer, Guid id, CancellationToken cancellationToken) =>
        Editable(viewer)
            .Include(c => c.Aliases)
            .Include(c => c.Contacts)
            .Include(c => c.Documents)
            .Include(c => c.Stays)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>Name and Latin form for the heading of a small form; null when not visible.</summary>
    public Task<ClientHeading?> HeadingAsync(Viewer viewer, Guid id, CancellationToken cancellationToken) =>
        Editable(viewer).AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new ClientHeading(c.Id, c.FullName, c.Patronymic, c.LatinName))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The time zone of the viewer's office, else of the client's office, else UTC.</summary>
    public async Task<TimeZoneInfo> TimeZoneAsync(Guid? viewerOfficeId, Guid? clientOfficeId, CancellationToken cancellationToken)
    {
        foreach (var officeId in new[] { viewerOfficeId, clientOfficeId })
        {
            if (officeId is null)
            {
                continue;
            }

            var zoneId = await db.Offices.AsNoTracking().Where(o => o.Id == officeId).Select(o => o.TimeZoneId).FirstOrDefaultAsync(cancellationToken);
            if (zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
            {
                return zone;
            }
        }

        return TimeZoneInfo.Utc;
    }

    /// <summary>Today's date in the office's time zone: the day legal dates are compared with.</summary>
    public async Task<DateOnly> TodayAsync(Guid? viewerOfficeId, Guid? clientOfficeId, CancellationToken cancellationToken)
    {
        var zone = await TimeZoneAsync(viewerOfficeId, clientOfficeId, cancellationToken);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }

    /// <summary>
    /// Saves the pending changes and their audit event in one transaction. False when someone else
    /// changed the client in between (row version): nothing is written and the context is cleared.
    /// </summary>
    public Task<bool> SaveAsync(string action, Guid clientId, object details, CancellationToken cancellationToken) =>
        SaveAsync(action, [(clientId, details)], cancellationToken);

    /// <summary>As above, with one audit event per client touched (a family link changes two records).</summary>
    public Task<bool> SaveAsync(string action, IReadOnlyList<(Guid ClientId, object Details)> events, CancellationToken cancellationToken) =>
        VersionedSave.SaveAsync(db, async () =>
        {
            foreach (var (clientId, details) in events)
            {
                await audit.RecordAsync(action, "client", clientId.ToString(), details, cancellationToken: cancellationToken);
            }
        }, cancellationToken);

    public Task RecordViewAsync(Guid clientId, string page, CancellationToken cancellationToken) =>
        audit.RecordAsync(ClientAuditActions.Viewed, "client", clientId.ToString(), new { page }, cancellationToken: cancellationToken);

    /// <summary>The answer to a small form whose save met someone else's change to the client: nothing saved, the entries kept.</summary>
    public static FormOutcome Conflict(IStringLocalizer l) =>
        FormOutcome.Conflict(l["Someone else changed this client at the same moment, so nothing was saved. Your entries are kept: save again."]);

    /// <summary>Audit details of field changes: field, old and new value (never contact values or narratives).</summary>
    public static object Changes(IEnumerable<FieldChange> changes) =>
        new { changes = changes.Select(c => new { field = c.Field, old = c.Old, @new = c.New }).ToList() };
}

public sealed record ClientHeading(Guid Id, string FullName, string? Patronymic, string LatinName)
{
    public string DisplayName => Patronymic is null ? FullName : FullName + " " + Patronymic;
}

public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>Base of the small forms that add something to a client: they show whose record it is.</summary>
public abstract class ClientDetailInput
{
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public ClientHeading? Client { get; set; }
}
