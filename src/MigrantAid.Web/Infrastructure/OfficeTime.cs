using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;

namespace MigrantAid.Web.Infrastructure;

/// <summary>An office's clock: instants are shown, and "today" is decided, in the office's time zone.</summary>
public sealed record OfficeTime(TimeZoneInfo Zone)
{
    public static readonly OfficeTime Utc = new(TimeZoneInfo.Utc);

    public string ZoneId => Zone.Id;

    public DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(Local(now));

    public static OfficeTime For(string? timeZoneId) =>
        timeZoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? new(zone) : Utc;

    public static async Task<OfficeTime> OfOfficeAsync(AppDbContext db, Guid officeId, CancellationToken cancellationToken = default) =>
        For(await db.Offices.AsNoTracking().Where(o => o.Id == officeId).Select(o => o.TimeZoneId).FirstOrDefaultAsync(cancellationToken));
}
