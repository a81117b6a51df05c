using System.Text.RegularExpressions;

namespace MigrantAid.Tests.Security;

/// <summary>
/// Fills an unsafe route's template with real seeded ids: from the record page that shares the
/// longest start with it (POST /cases/{id}/notes takes a case of GET /cases/{id}), using a record the
/// user may see; a parameter no record page names gets a plausible value of its type.
/// </summary>
public static partial class RouteFiller
{
    public static string Url(string template, ILookup<RecordKind, RecordRow> records, ExpectedAnswers? user)
    {
        var names = Parameters(template).Select(p => p.Name).ToHashSet();
        var page = RecordPage.All
            .Where(p => Parameters(p.Route).All(q => names.Contains(q.Name)) && SharedStart(p.Route, template) >= 2)
            .OrderByDescending(p => SharedStart(p.Route, template)).ThenByDescending(p => Parameters(p.Route).Count)
            .FirstOrDefault();
        var record = page is null ? null : records[page.Kind].FirstOrDefault(r => user is null || user.MaySee(r));
        return string.Join('/', template.Split('/').Select(segment => segment.StartsWith('{')
            ? record?.Values.GetValueOrDefault(Name(segment)) ?? Placeholder(segment)
            : segment));
    }

    private static IReadOnlyList<(string Name, string Segment)> Parameters(string template) =>
        template.Split('/').Where(s => s.StartsWith('{')).Select(s => (Name(s), s)).ToList();

    private static string Name(string segment) => segment.Trim('{', '}').Split(':')[0];

    private static int SharedStart(string a, string b) =>
        a.Split('/').Zip(b.Split('/')).TakeWhile(p => p.First == p.Second).Count();

    /// <summary>A value the route's constraint accepts, for a parameter no seeded record page fills.</summary>
    private static string Placeholder(string segment)
    {
        var constraint = segment.Trim('{', '}');
        return constraint switch
        {
            _ when constraint.Contains(":guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
            _ when constraint.Contains(":int", StringComparison.Ordinal) || constraint.Contains(":long", StringComparison.Ordinal) => "1",
            _ when constraint.Contains(":regex(", StringComparison.Ordinal) => FirstAlternative().Match(constraint).Groups[1].Value,
            "country" => "RU",
            "date" => "2026-01-07",
            _ => "x",
        };
    }

    [GeneratedRegex(@"\^\(([^|)]+)")]
    private static partial Regex FirstAlternative();
}
