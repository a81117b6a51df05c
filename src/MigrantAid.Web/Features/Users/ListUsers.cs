using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Features.Users;

/// <summary>The list's query string: search, filters and the keyset position.</summary>
public sealed class ListUsersQuery
{
    public const int MaxSearchLength = 200;

    /// <summary>Part of a name or e-mail, any case.</summary>
    public string? Q { get; set; }

    public string? Role { get; set; }

    public Guid? Office { get; set; }

    /// <summary>Include disabled users (by default only active ones are listed).</summary>
    public bool Disabled { get; set; }

    /// <summary>The normalized e-mail of the last row of the previous page.</summary>
    public string? After { get; set; }

    /// <summary>The normalized e-mail of the first row of the next page (the "Previous page" link).</summary>
    public string? Before { get; set; }
}

public sealed record UserRow(
    Guid Id,
    string FullName,
    string Email,
    string? OfficeName,
    IReadOnlyList<string> Roles,
    string Language,
    bool IsActive,
    bool TwoFactorEnabled);

public sealed record ListUsersModel(
    ListUsersQuery Query,
    IReadOnlyList<UserRow> Rows,
    string? NextAfter,
    IReadOnlyList<OfficeOption> Offices)
{
    /// <summary>The "Previous page" position (the first row's e-mail); null on the first page.</summary>
    public string? PreviousBefore { get; init; }

    public Shared.ListTotal? Total { get; init; }
}

/// <summary>One page of users, ordered by normalized e-mail (keyset), never the whole table.</summary>
public sealed class ListUsersHandler(AppDbContext db, ILookupNormalizer normalizer, UserFormHandler form, Shared.ListTotalHandler totals)
{
    public const int PageSize = 25;

    public async Task<ListUsersModel> HandleAsync(ListUsersQuery query, CancellationToken cancellationToken = default)
    {
        var users = Filtered(query);
        var total = await totals.CountAsync(users, "user", cancellationToken);
        var backwards = string.IsNullOrEmpty(query.After) && !string.IsNullOrEmpty(query.Before);
        if (!string.IsNullOrEmpty(query.After))
        {
            var after = query.After;
            users = users.Where(u => string.Compare(u.NormalizedEmail, after) > 0);
        }
        else if (backwards)
        {
            var before = query.Before;
            users = users.Where(u => string.Compare(u.NormalizedEmail, before) < 0);
        }

        var page = await (backwards ? users.OrderByDescending(u => u.NormalizedEmail) : users.OrderBy(u => u.NormalizedEmail))
            .TakeFixed(PageSize + 1)
            .Select(u => new
            {
                u.Id,
                u.FullName,
                u.Email,
                u.NormalizedEmail,
                OfficeName = u.Office == null ? null : u.Office.Name,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
                    .ToList(),
                u.PreferredLanguage,
                u.IsActive,
                u.TwoFactorEnabled,
            })
            .ToListAsync(cancellationToken);

        var more = page.Count > PageSize;
        var shown = page.Take(PageSize).ToList();
        if (backwards)
        {
            shown.Reverse();
        }

        var rows = shown
            .Select(u => new UserRow(u.Id, u.FullName, u.Email ?? "", u.OfficeName,
                Roles.All.Where(u.Roles.Contains).ToList(), u.PreferredLanguage, u.IsActive, u.TwoFactorEnabled))
            .ToList();
        var nextAfter = shown.Count > 0 && (more || backwards) ? shown[^1].NormalizedEmail : null;
        var previous = shown.Count > 0 && (backwards ? more : !string.IsNullOrEmpty(query.After)) ? shown[0].NormalizedEmail : null;
        return new ListUsersModel(query, rows, nextAfter, await form.OfficesAsync()) { PreviousBefore = previous, Total = total };
    }

    /// <summary>Active users (or all), by name or e-mail, role and office; an unknown role is dropped, a long search cut.</summary>
    private IQueryable<AppUser> Filtered(ListUsersQuery query)
    {
        var users = db.Users.AsNoTracking();
        if (!query.Disabled)
        {
            users = users.Where(u => u.IsActive);
        }

        var search = query.Q?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            search = search.Length > ListUsersQuery.MaxSearchLength ? search[..ListUsersQuery.MaxSearchLength] : search;
            query.Q = search;
            var namePattern = "%" + EscapeLike(search) + "%";
            var emailPattern = "%" + EscapeLike(normalizer.NormalizeEmail(search)) + "%";
            users = users.Where(u => EF.Functions.ILike(u.FullName, namePattern, @"\")
                || EF.Functions.Like(u.NormalizedEmail!, emailPattern, @"\"));
        }

        if (query.Role is { } role && Roles.All.Contains(role))
        {
            var normalizedRole = normalizer.NormalizeName(role);
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalizedRole)));
        }
        else
        {
            query.Role = null;
        }

        if (query.Office is { } officeId)
        {
            users = users.Where(u => u.OfficeId == officeId);
        }

        return users;
    }

    /// <summary>What the user typed is matched literally: LIKE's wildcards are escaped.</summary>
    private static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
