using Microsoft.Extensions.Localization;

namespace MigrantAid.Web.Features.Intake;

/// <summary>Wording shared by the intake pages.</summary>
public static class IntakeText
{
    /// <summary>The groups of the shipped taxonomy (domain.md); their names are resources "CategoryGroup.&lt;code&gt;".</summary>
    public static IReadOnlyList<string> CategoryGroups => Shared.CategoryGroups.Known;

    public static string Group(IStringLocalizer l, string code) => CategoryGroups.Contains(code) ? l["CategoryGroup." + code].Value : code;

    /// <summary>"2 d 3 h left" / "overdue by 5 h 10 min": the time to a response target.</summary>
    public static string Remaining(IStringLocalizer l, DateTimeOffset due, DateTimeOffset now)
    {
        // Whole minutes: instants are stored to the microsecond, so "24 h" must not show as "23 h 59 min".
        var span = TimeSpan.FromMinutes(Math.Round((due - now).TotalMinutes));
        var overdue = span < TimeSpan.Zero;
        var text = Span(l, overdue ? -span : span);
        return overdue ? l["Overdue by {0}", text].Value : l["{0} left", text].Value;
    }

    public static bool IsOverdue(DateTimeOffset due, DateTimeOffset now) => due < now;

    private static string Span(IStringLocalizer l, TimeSpan span) =>
        span.TotalDays >= 1
            ? l["{0} d {1} h", (int)span.TotalDays, span.Hours].Value
            : l["{0} h {1} min", (int)span.TotalHours, span.Minutes].Value;
}
