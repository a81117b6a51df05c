using System.Globalization;

namespace MigrantAid.Web.Security.Audit;

/// <summary>Collects the changed fields of an edit for the audit trail. Free text (names, narratives) is named, never copied.</summary>
internal sealed class ChangeList
{
    private readonly List<object> _changes = [];

    public IReadOnlyList<object> Changes => _changes;

    public int Count => _changes.Count;

    public void Value<T>(string field, T old, T @new)
    {
        if (!EqualityComparer<T>.Default.Equals(old, @new))
        {
            _changes.Add(new { field, old = Format(old), @new = Format(@new) });
        }
    }

    public void Text(string field, string? old, string? @new)
    {
        if (!string.Equals(old ?? "", @new ?? "", StringComparison.Ordinal))
        {
            _changes.Add(new { field, changed = true });
        }
    }

    private static string? Format<T>(T value) => value switch
    {
        null => null,
        DateOnly d => AuditValues.Iso(d),
        DateTimeOffset i => AuditValues.Iso(i),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>How dates and instants are written into the audit trail: ISO 8601, instants in UTC to the minute.</summary>
internal static class AuditValues
{
    public static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
