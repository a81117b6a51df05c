using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Shared;

/// <summary>A person offered by a people filter: only an id and names, nothing else about them.</summary>
public sealed record StaffSuggestion(Guid Id, string Name, string? Office);

/// <summary>
/// The lawyers and caseworkers a viewer may filter or reassign by, a few at a time, so that no page lists every
/// member of staff (792 of them at 1,000,000 cases made the case list 133 KB). Coordinators may pick anyone active;
/// lawyers and caseworkers the people of their own office and those of no office (who work for every office).
/// </summary>
public static class StaffSuggestions
{
    /// <summary>Suggestions shown for one typed text.</summary>
    public const int Max = 10;

    public const int MaxTextLength = 100;

    /// <summary>The roles a filter may ask for, by the name the endpoint takes.</summary>
    public static string? Role(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "lawyer" => Roles.Lawyer,
        "caseworker" => Roles.Caseworker,
        _ => null,
    };

    /// <summary>Active people holding <paramref name="role"/> whose name contains <paramref name="text"/>, first by name.</summary>
    public static async Task<IReadOnlyList<StaffSuggestion>> FindAsync(AppDbContext db, Viewer viewer, string role, string text,
        CancellationToken cancellationToken = default)
    {
        var pattern = "%" + Escape(text.Trim()) + "%";
        var office = viewer.IsCoordinator ? null : viewer.OfficeId;
        var people = Active(db, role).Where(u => EF.Functions.ILike(u.FullName, pattern, "\\"));
        if (!viewer.IsCoordinator)
        {
            people = people.Where(u => u.OfficeId == null || u.OfficeId == office);
        }

        return await people.OrderBy(u => u.FullName).ThenBy(u => u.Id).TakeFixed(Max)
            .Select(u => new StaffSuggestion(u.Id, u.FullName, u.Office != null ? u.Office.Name : null))
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<Guid> Holders(AppDbContext db, string role) =>
        db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)).Select(ur => ur.UserId);

    private static IQueryable<AppUser> Active(AppDbContext db, string role)
    {
        var holders = Holders(db, role);
        return db.Users.AsNoTracking().Where(u => u.IsActive && holders.Contains(u.Id));
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
