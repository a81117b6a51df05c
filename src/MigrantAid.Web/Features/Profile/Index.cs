using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Features.Profile;

public sealed record ProfileModel(
    string FullName,
    string Email,
    string? Office,
    IReadOnlyList<string> Roles,
    string Language,
    bool TwoFactorEnabled)
{
    public IReadOnlyList<SessionRow> Sessions { get; init; } = [];
}

/// <summary>Reads the user's own account as stored (not as remembered in the cookie).</summary>
public sealed class ShowProfileHandler(AppDbContext db)
{
    public async Task<ProfileModel?> HandleAsync(Guid userId)
    {
        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.FullName,
                u.Email,
                Office = u.Office != null ? u.Office.Name : null,
                u.PreferredLanguage,
                u.TwoFactorEnabled,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
                    .ToList(),
            })
            .FirstOrDefaultAsync();
        if (row is null)
        {
            return null;
        }

        var language = SupportedLanguages.IsSupported(row.PreferredLanguage) ? row.PreferredLanguage : SupportedLanguages.English;
        return new ProfileModel(
            row.FullName,
            row.Email ?? "",
            row.Office,
            Domain.Roles.All.Where(row.Roles.Contains).ToList(),
            language,
            row.TwoFactorEnabled);
    }
}
