using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;

namespace MigrantAid.Web.Features.Shared;

/// <summary>
/// A list's total: exact up to <see cref="Cap"/>; above it the list says "more than cap".
/// <paramref name="Noun"/> names the resource keys ("Total.case.One", "Total.case.Few", "Total.case.Many", "Total.case.More").
/// </summary>
public sealed record ListTotal(int Count, bool OverCap, int Cap, string Noun)
{
    /// <summary>"15 cases", "15 дел", "more than 10,000 cases", in the current UI language.</summary>
    public string Text(IStringLocalizer l)
    {
        var culture = CultureInfo.CurrentUICulture;
        if (OverCap)
        {
            return l[$"Total.{Noun}.More", Cap.ToString("N0", culture)];
        }

        return l[$"Total.{Noun}.{Plural.Form(Count, culture)}", Count.ToString("N0", culture)];
    }
}

/// <summary>
/// Counts a list's rows, exactly up to a cap (configuration "Lists:CountCap", 10,000 by default): one
/// statement, <c>SELECT count(*) FROM (… LIMIT cap + 1)</c>, so a broad filter over a million cases
/// stops reading at cap + 1 rows instead of counting them all.
/// </summary>
public sealed class ListTotalHandler(IConfiguration configuration)
{
    public const int DefaultCap = 10_000;

    public int Cap { get; } = Math.Max(1, configuration.GetValue("Lists:CountCap", DefaultCap));

    public async Task<ListTotal> CountAsync<T>(IQueryable<T> rows, string noun, CancellationToken cancellationToken = default)
    {
        var count = await rows.TakeFixed(Cap + 1).CountAsync(cancellationToken);
        return new ListTotal(Math.Min(count, Cap), count > Cap, Cap, noun);
    }
}
