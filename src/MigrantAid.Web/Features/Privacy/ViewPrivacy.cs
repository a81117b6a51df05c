using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Privacy;

namespace MigrantAid.Web.Features.Privacy;

/// <summary>One role's accounts: how many are enabled, how many sign in with a second factor, how many are signed in now.</summary>
public sealed record RoleCoverage(string Role, int Enabled, int WithSecondFactor, int SignedInNow);

/// <summary>A data key as stored: what it protects, when it was made and when its wrapping last changed.</summary>
public sealed record DataKeyRow(string Purpose, DateTimeOffset CreatedAt, DateTimeOffset? RewrappedAt);

public sealed record PrivacyPage(string KekFingerprint, IReadOnlyList<DataKeyRow> DataKeys, IReadOnlyList<RoleCoverage> Roles)
{
    /// <summary>The retention schedule in force (issue 15, point 7).</summary>
    public RetentionPolicy? Retention { get; init; }

    /// <summary>The last anonymisation (a run of the schedule or an erasure), if any.</summary>
    public RetentionRunRow? LastRun { get; init; }
}

/// <summary>
/// The administrators' privacy page (issue 15, point 7): the encryption keys in use (fingerprints and dates,
/// never a key), second-factor and session coverage per role, and the way to the data-protection review
/// (the audit log as CSV), the retention schedule and the last anonymisation. Five statements whatever the number of users.
/// </summary>
public sealed class ViewPrivacyHandler(AppDbContext db, TimeProvider clock)
{
    public async Task<PrivacyPage> HandleAsync(CancellationToken cancellationToken = default)
    {
        var fingerprint = db.Cipher.EnsureLoaded();
        var dataKeys = await db.DataKeys.AsNoTracking().OrderBy(k => k.Purpose)
            .Select(k => new DataKeyRow(k.Purpose, k.CreatedAt, k.RewrappedAt))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var coverage = await (
                from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                join u in db.Users on ur.UserId equals u.Id
                where u.IsActive
                group new { u.TwoFactorEnabled, SignedIn = db.UserSessions.Any(s => s.UserId == u.Id && s.EndedAt == null && s.ExpiresAt > now) }
                    by r.Name into g
                select new { Role = g.Key, Enabled = g.Count(), WithSecondFactor = g.Count(x => x.TwoFactorEnabled), SignedInNow = g.Count(x => x.SignedIn) })
            .ToListAsync(cancellationToken);
        var roles = Domain.Roles.All
            .Select(role => coverage.FirstOrDefault(c => c.Role == role) is { } c
                ? new RoleCoverage(role, c.Enabled, c.WithSecondFactor, c.SignedInNow)
                : new RoleCoverage(role, 0, 0, 0))
            .ToList();
        var retention = await db.RetentionPolicies.AsNoTracking().SingleAsync(cancellationToken);
        var lastRun = await RetentionRunRow.Newest(db).FirstOrDefaultAsync(cancellationToken);
        return new PrivacyPage(fingerprint, dataKeys, roles) { Retention = retention, LastRun = lastRun };
    }
}
