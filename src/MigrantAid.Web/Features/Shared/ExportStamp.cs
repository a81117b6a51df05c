using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Infrastructure.Files;

namespace MigrantAid.Web.Features.Shared;

/// <summary>Who exported a file, and when (issue 15, point 6): written into every export so that a copy found later can be traced.</summary>
public sealed record Exporter(string Name, string Email, DateTimeOffset At)
{
    /// <summary>The signed-in user, at <paramref name="at"/>.</summary>
    public static Exporter From(ClaimsPrincipal user, DateTimeOffset at) =>
        new(user.DisplayName(), user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "", at);

    /// <summary>"Name &lt;e-mail&gt;".</summary>
    public string Person => string.IsNullOrEmpty(Email) || Email == Name ? Name : $"{Name} <{Email}>";

    /// <summary>The time as yyyy-MM-dd HH:mm:ss in UTC.</summary>
    public string UtcText => At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}

/// <summary>
/// The first line of every CSV and XLSX export: what it is, who exported it, when (UTC) and with which filters;
/// and the document properties of an XLSX. One sentence for every export, localized.
/// </summary>
public static class ExportStamp
{
    /// <summary>The line, e.g. "MigrantAid case list, exported by Anna Petrova &lt;anna@…&gt; at 2026-03-01 10:00:00 UTC. Filters: Status Open".</summary>
    public static string Line(IStringLocalizer l, string title, Exporter by, IEnumerable<(string Label, string? Value)> filters) =>
        l["{0}, exported by {1} at {2} UTC. Filters: {3}", title, by.Person, by.UtcText, Describe(l, filters)];

    /// <summary>The filters that are set, as "label value; label value" (a value without a label alone), or "None".</summary>
    public static string Describe(IStringLocalizer l, IEnumerable<(string Label, string? Value)> filters)
    {
        var parts = filters.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => f.Label.Length == 0 ? f.Value!.Trim() : $"{f.Label} {f.Value!.Trim()}").ToList();
        return parts.Count == 0 ? l["None"] : string.Join("; ", parts);
    }

    /// <summary>The CSV line of <see cref="Line"/>.</summary>
    public static string CsvLine(IStringLocalizer l, string title, Exporter by, IEnumerable<(string Label, string? Value)> filters) =>
        CsvText.Line([Line(l, title, by, filters)]);

    /// <summary>The XLSX stamp: creator and last modified by name the exporter, created is the time, and each sheet starts with <see cref="Line"/>.</summary>
    public static XlsxStamp Xlsx(IStringLocalizer l, string title, Exporter by, IEnumerable<(string Label, string? Value)> filters) =>
        new(by.Person, by.At, Line(l, title, by, filters));
}
