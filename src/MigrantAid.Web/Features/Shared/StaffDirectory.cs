using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;

namespace MigrantAid.Web.Features.Shared;

/// <summary>A person who can be put on a case, as a select shows them.</summary>
public sealed record StaffOption(Guid Id, string Name, string? Office);

/// <summary>The active users holding a role: the choices of the assignment selects.</summary>
public static class StaffDirectory
{
    /// <summary>Staff lists are small (an organisation's lawyers or caseworkers); a cap keeps a select usable.</summary>
    public const int MaxOptions = 500;

    private static readonly RequestMemo<string> KnownNames = new();

    public static async Task<IReadOnlyList<StaffOption>> ActiveAsync(AppDbContext db, string role, CancellationToken cancellationToken = default)
    {
        var roleId = await db.Roles.AsNoTracking().Where(r => r.Name == role).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (roleId is null)
        {
            return [];
        }

        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .OrderBy(u => u.FullName).ThenBy(u => u.Id)
            .TakeFixed(MaxOptions)
            .Select(u => new StaffOption(u.Id, u.FullName, u.Office != null ? u.Office.Name : null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Display names of users by id (for assignments and the timeline). Names already read in this request are not read
    /// again: a page and its sections name the same people (issue 14).
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(AppDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var known = KnownNames.Of(db);
        var wanted = ids.Distinct().ToList();
        var missing = wanted.Where(id => !known.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var read = await db.Users.AsNoTracking().Where(u => missing.Contains(u.Id)).Select(u => new { u.Id, u.FullName }).ToListAsync(cancellationToken);
            foreach (var user in read)
            {
                known[user.Id] = user.FullName;
            }
        }

        return wanted.Where(known.ContainsKey).ToDictionary(id => id, id => known[id]);
    }
}
