using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Infrastructure;

/// <summary>An office's clock: instants are shown, and "today" is decided, in the office's time zone.</summary>
public sealed record OfficeTime(TimeZoneInfo Zone)
{
    public static readonly OfficeTime Utc = new(TimeZoneInfo.Utc);

    public string ZoneId => Zone.Id;

    public DateTime Local(DateTimeOffset instant) => LocalTimes.Local(instant, Zone);

    public DateOnly Today(DateTimeOffset now) => LocalTimes.Today(now, Zone);

    public static OfficeTime For(string? timeZoneId) => new(LocalTimes.ZoneOrUtc(timeZoneId));

    public static async Task<OfficeTime> OfOfficeAsync(AppDbContext db, Guid officeId, CancellationToken cancellationToken = default) =>
        For(await db.Offices.AsNoTracking().Where(o => o.Id == officeId).Select(o => o.TimeZoneId).FirstOrDefaultAsync(cancellationToken));
}
