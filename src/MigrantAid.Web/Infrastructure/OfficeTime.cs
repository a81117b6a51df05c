using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Infrastructure;

/// <summary>An office's clock: instants are shown, and "today" is decided, in the office's time zone.</summary>
public sealed record OfficeTime(TimeZoneInfo Zone)
{
    public static readonly OfficeTime Utc = new(TimeZoneInfo.Utc);

    /// <summary>
    /// The clocks already read in this request: a page and its sections ask for the same office's zone several times,
    /// and it is read once (issue 14). Keyed by office id and by case id.
    /// </summary>
    private static readonly RequestMemo<OfficeTime> Known = new();

    public string ZoneId => Zone.Id;

    public DateTime Local(DateTimeOffset instant) => LocalTimes.Local(instant, Zone);

    public DateOnly Today(DateTimeOffset now) => LocalTimes.Today(now, Zone);

    public static OfficeTime For(string? timeZoneId) => new(LocalTimes.ZoneOrUtc(timeZoneId));

    public static async Task<OfficeTime> OfOfficeAsync(AppDbContext db, Guid officeId, CancellationToken cancellationToken = default)
    {
        var known = Known.Of(db);
        if (!known.TryGetValue(officeId, out var time))
        {
            known[officeId] = time = For(await db.Offices.AsNoTracking().Where(o => o.Id == officeId).Select(o => o.TimeZoneId).FirstOrDefaultAsync(cancellationToken));
        }

        return time;
    }

    /// <summary>The clock of the office a case belongs to (UTC for a case that does not exist).</summary>
    public static async Task<OfficeTime> OfCaseAsync(AppDbContext db, Guid caseId, CancellationToken cancellationToken = default)
    {
        var known = Known.Of(db);
        if (!known.TryGetValue(caseId, out var time))
        {
            known[caseId] = time = For(await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
                .Select(c => db.Offices.Where(o => o.Id == c.OfficeId).Select(o => o.TimeZoneId).FirstOrDefault()).FirstOrDefaultAsync(cancellationToken));
        }

        return time;
    }

    /// <summary>Keeps a zone read with other facts (the case page reads its office once), for the sections that ask next.</summary>
    public static OfficeTime Remember(AppDbContext db, Guid officeId, Guid? caseId, string? timeZoneId)
    {
        var known = Known.Of(db);
        var time = known[officeId] = For(timeZoneId);
        if (caseId is { } id)
        {
            known[id] = time;
        }

        return time;
    }
}
