using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Users;

/// <summary>What the page showing a freshly issued "set your password" link needs.</summary>
public sealed record PasswordLinkModel(
    Guid UserId,
    string FullName,
    string Email,
    bool IsActive,
    string Link,
    DateTimeOffset ExpiresAt,
    string TimeZoneId,
    bool JustCreated);

/// <summary>
/// Issues a one-time link to /account/reset-password. The token is bound to the user's security
/// stamp, which changes when the password is set, so the link works once; it also expires after
/// the token lifespan (DataProtectionTokenProviderOptions, 3 days).
/// </summary>
public sealed class IssuePasswordLinkHandler(
    UserManager<AppUser> users,
    AppDbContext db,
    IAuditLog audit,
    TimeProvider clock,
    IOptions<DataProtectionTokenProviderOptions> tokenOptions)
{
    /// <param name="origin">scheme://host[/path-base] of the current request, for an absolute link.</param>
    /// <returns>null when there is no such user.</returns>
    public async Task<PasswordLinkModel?> HandleAsync(Guid userId, string origin, bool justCreated = false)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return null;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{origin}/account/reset-password?userId={user.Id}&token={Uri.EscapeDataString(token)}";
        var expiresAt = clock.GetUtcNow() + tokenOptions.Value.TokenLifespan;
        await audit.RecordAsync(AuditActions.PasswordResetLinkIssued, "user", user.Id.ToString(),
            new { expiresAt, userIsActive = user.IsActive });

        // Shown in the time zone of the user's office: that is where the link will be used.
        var timeZone = user.OfficeId is { } officeId
            ? await db.Offices.AsNoTracking().Where(o => o.Id == officeId).Select(o => o.TimeZoneId).FirstOrDefaultAsync()
            : null;
        return new PasswordLinkModel(user.Id, user.FullName, user.Email ?? "", user.IsActive, link, expiresAt,
            timeZone ?? "UTC", justCreated);
    }
}
