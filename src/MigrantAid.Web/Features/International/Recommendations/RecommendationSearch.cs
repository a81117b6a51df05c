using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.International;

namespace MigrantAid.Web.Features.International.Recommendations;

/// <summary>The register's search box and filters as they arrive in the address: text, checked by <see cref="Parse"/>.</summary>
public sealed class RecommendationQuery
{
    public const int MaxSearchLength = 200;

    public string? Q { get; set; }

    public string? Body { get; set; }

    public string? State { get; set; }

    public string? Year { get; set; }

    public string? Theme { get; set; }

    public string? Response { get; set; }

    public string? Status { get; set; }

    /// <summary>The keyset of the next page: the last row's year and id.</summary>
    public string? AfterYear { get; set; }

    public string? AfterId { get; set; }

    public RecommendationFilter Parse()
    {
        var problems = new List<string>();
        T? Member<T>(string? value, string field)
            where T : struct, Enum
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
            {
                return parsed;
            }

            problems.Add(field);
            return null;
        }

        int? Number(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= Recommendation.MinYear and <= 9999)
            {
                return parsed;
            }

            problems.Add(field);
            return null;
        }

        var state = string.IsNullOrWhiteSpace(State) ? null : State.Trim().ToUpperInvariant();
        if (state is not null && !Countries.IsKnown(state))
        {
            problems.Add("state");
            state = null;
        }

        var q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
        if (q is { Length: > MaxSearchLength })
        {
            q = q[..MaxSearchLength];
        }

        (int Year, int Id)? after = null;
        if (int.TryParse(AfterYear, NumberStyles.None, CultureInfo.InvariantCulture, out var afterYear)
            && int.TryParse(AfterId, NumberStyles.None, CultureInfo.InvariantCulture, out var afterId))
        {
            after = (afterYear, afterId);
        }

        return new RecommendationFilter(
            q,
            Member<InternationalBody>(Body, "body"),
            state,
            Number(Year, "year"),
            Member<RecommendationTheme>(Theme, "theme"),
            Member<RecommendationResponse>(Response, "response"),
            Member<ImplementationStatus>(Status, "status"),
            after,
            problems);
    }

    /// <summary>This query's address with another keyset position (null: the first page).</summary>
    public string ToUrl(string path, (int Year, int Id)? after = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
            }
        }

        Add("q", Q);
        Add("body", Body);
        Add("state", State);
        Add("year", Year);
        Add("theme", Theme);
        Add("response", Response);
        Add("status", Status);
        if (after is { } a)
        {
            Add("afterYear", a.Year.ToString(CultureInfo.InvariantCulture));
            Add("afterId", a.Id.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? path : path + "?" + string.Join('&', parts);
    }
}

/// <summary>The checked filters; <see cref="Problems"/> names the filters whose value was not understood (and is ignored).</summary>
public sealed record RecommendationFilter(
    string? Search, InternationalBody? Body, string? State, int? Year, RecommendationTheme? Theme,
    RecommendationResponse? Response, ImplementationStatus? Status, (int Year, int Id)? After, IReadOnlyList<string> Problems);

public sealed record RecommendationRow(
    int Id, InternationalBody Body, string State, string Cycle, int Year, string? Paragraph, string? TextEn, string? TextRu,
    string? RecommendingState, RecommendationResponse Response, ImplementationStatus Status)
{
    public IReadOnlyList<RecommendationTheme> Themes { get; init; } = [];
}

/// <summary>
/// The register's query: each search word must occur (LIKE on the lower-cased search text, trigram
/// index) and each filter narrows through its own index; rows come newest year first, in entry order
/// within a year, after the keyset position (no OFFSET).
/// </summary>
public static class RecommendationSearch
{
    public const int PageSize = 25;
    public const int MaxWords = 8;

    public static IQueryable<Recommendation> Filter(AppDbContext db, RecommendationFilter filter)
    {
        var query = db.Recommendations.AsNoTracking();
        foreach (var word in Words(filter.Search))
        {
            var pattern = "%" + EscapeLike(word) + "%";
            query = query.Where(r => EF.Functions.Like(r.SearchText, pattern, "\\"));
        }

        if (filter.Body is { } body)
        {
            query = query.Where(r => r.Body == body);
        }

        if (filter.State is { } state)
        {
            query = query.Where(r => r.State == state);
        }

        if (filter.Year is { } year)
        {
            query = query.Where(r => r.Year == year);
        }

        if (filter.Theme is { } theme)
        {
            var tagged = db.RecommendationThemes.Where(t => t.Theme == theme).Select(t => t.RecommendationId);
            query = query.Where(r => tagged.Contains(r.Id));
        }

        if (filter.Response is { } response)
        {
            query = query.Where(r => r.Response == response);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (filter.After is { } after)
        {
            query = query.Where(r => r.Year < after.Year || (r.Year == after.Year && r.Id > after.Id));
        }

        return query.OrderByDescending(r => r.Year).ThenBy(r => r.Id);
    }

    /// <summary>One page of rows (with their themes) and the keyset of the next page, if there is one.</summary>
    public static async Task<(IReadOnlyList<RecommendationRow> Rows, (int Year, int Id)? Next)> PageAsync(
        AppDbContext db, RecommendationFilter filter, CancellationToken cancellationToken)
    {
        var rows = await Filter(db, filter)
            .TakeFixed(PageSize + 1)
            .Select(r => new RecommendationRow(r.Id, r.Body, r.State, r.Cycle, r.Year, r.Paragraph, r.TextEn, r.TextRu, r.RecommendingState, r.Response, r.Status))
            .ToListAsync(cancellationToken);
        (int, int)? next = null;
        if (rows.Count > PageSize)
        {
            rows.RemoveAt(PageSize);
            next = (rows[^1].Year, rows[^1].Id);
        }

        var ids = rows.Select(r => r.Id).ToList();
        var themes = (await db.RecommendationThemes.AsNoTracking().Where(t => ids.Contains(t.RecommendationId)).ToListAsync(cancellationToken))
            .ToLookup(t => t.RecommendationId, t => t.Theme);
        return (rows.Select(r => r with { Themes = themes[r.Id].Order().ToList() }).ToList(), next);
    }

    public static IReadOnlyList<string> Words(string? search) =>
        string.IsNullOrWhiteSpace(search)
            ? []
            : Recommendation.SearchForm(search)
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(w => w.Trim(',', ';', '"', '«', '»', '(', ')'))
                .Where(w => w.Length > 0)
                .Distinct()
                .Take(MaxWords)
                .ToList();

    private static string EscapeLike(string word) =>
        word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

/// <summary>The filter form's model: the query and where the form sends it.</summary>
public sealed record RecommendationFilterForm(RecommendationQuery Query, string Action);
