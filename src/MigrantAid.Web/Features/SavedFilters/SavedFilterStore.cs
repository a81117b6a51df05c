using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Lists;

namespace MigrantAid.Web.Features.SavedFilters;

/// <summary>One saved filter as its list shows it: a name and a link.</summary>
public sealed record SavedFilterLink(Guid Id, string List, string Name, string Url);

/// <summary>What a save or a rename found wrong, field by field (the controller shows each at its field).</summary>
public enum SavedFilterProblem
{
    NameRequired,
    NameTooLong,
    NameTaken,
    QueryTooLong,
}

/// <summary>Reads and checks a user's saved filters; every read is narrowed to the user, so another user's filter is "not found".</summary>
public static class SavedFilterStore
{
    /// <summary>A user has few filters; a bound keeps the list short all the same.</summary>
    public const int MaxShown = 100;

    /// <summary>Page positions are not part of a filter: a saved filter always opens on its first page.</summary>
    private static readonly HashSet<string> Positions = new(StringComparer.OrdinalIgnoreCase) { "after", "before", "hearingsAfter", "hearingsBefore" };

    /// <summary><see cref="Of"/> narrowed to one list, as one compiled query.</summary>
    private static readonly CompiledForModel<Func<AppDbContext, Guid, string, IAsyncEnumerable<SavedFilter>>> OfOneList = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid userId, string list) => db.Set<SavedFilter>().AsNoTracking()
            .Where(f => f.UserId == userId && f.List == list)
            .OrderBy(f => f.List).ThenBy(f => f.Name)
            .Take(MaxShown)));

    public static IQueryable<SavedFilter> Of(AppDbContext db, Guid userId) => db.Set<SavedFilter>().Where(f => f.UserId == userId);

    public static async Task<IReadOnlyList<SavedFilterLink>> LinksAsync(AppDbContext db, Guid userId, string? list, CancellationToken cancellationToken)
    {
        if (list is null)
        {
            var filters = await Of(db, userId).AsNoTracking()
                .OrderBy(f => f.List).ThenBy(f => f.Name)
                .TakeFixed(MaxShown)
                .ToListAsync(cancellationToken);
            return filters.Select(f => new SavedFilterLink(f.Id, f.List, f.Name, f.Url)).ToList();
        }

        // One list's filters, which every request of that list reads: a compiled query (ADR 0027).
        return await OfOneList.For(db)(db, userId, list).Select(f => new SavedFilterLink(f.Id, f.List, f.Name, f.Url)).ToListAsync(cancellationToken);
    }

    /// <summary>The query string as it will be stored: parsed and rebuilt (so it is only name=value pairs), positions dropped.</summary>
    public static string Normalize(string? query)
    {
        var text = query ?? "";
        var mark = text.IndexOf('?', StringComparison.Ordinal);
        var parsed = QueryHelpers.ParseQuery(mark >= 0 ? text[(mark + 1)..] : text);
        var builder = new QueryBuilder();
        foreach (var (name, values) in parsed)
        {
            if (Positions.Contains(name))
            {
                continue;
            }

            foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)))
            {
                builder.Add(name, value!.Trim());
            }
        }

        return builder.ToQueryString().Value?.TrimStart('?') ?? "";
    }

    /// <summary>Checks a name (and, when saving, the query) against the rules; <paramref name="except"/> is the filter being renamed.</summary>
    public static async Task<List<SavedFilterProblem>> CheckAsync(
        AppDbContext db, Guid userId, string list, string? name, string? query, Guid? except, CancellationToken cancellationToken)
    {
        var problems = new List<SavedFilterProblem>();
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            problems.Add(SavedFilterProblem.NameRequired);
        }
        else if (trimmed.Length > SavedFilter.MaxNameLength)
        {
            problems.Add(SavedFilterProblem.NameTooLong);
        }
        else
        {
            // Unique per user and list regardless of letter case: "Detention" and "detention" are one name to a reader.
            var lower = trimmed.ToLower();
            if (await Of(db, userId).AnyAsync(f => f.List == list && f.Id != except && f.Name.ToLower() == lower, cancellationToken))
            {
                problems.Add(SavedFilterProblem.NameTaken);
            }
        }

        if (query is { Length: > SavedFilter.MaxQueryLength })
        {
            problems.Add(SavedFilterProblem.QueryTooLong);
        }

        return problems;
    }

    public static bool IsList(string? list) => list is not null && SavedFilter.Lists.Contains(list);

    /// <summary>True when the database refused the row for the unique name (another request saved the same name in between).</summary>
    public static bool IsNameTaken(DbUpdateException e) =>
        e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };
}
