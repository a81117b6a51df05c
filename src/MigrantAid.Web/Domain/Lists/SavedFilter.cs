namespace MigrantAid.Web.Domain.Lists;

/// <summary>
/// A user's named filter of a list (the case list or the desk): the list's query string only, never
/// its results, so opening it always shows what the filter finds now, under the viewer's access.
/// </summary>
public class SavedFilter
{
    public const int MaxNameLength = 80;
    public const int MaxQueryLength = 2000;

    /// <summary>The lists that keep saved filters, as stored.</summary>
    public static readonly IReadOnlyList<string> Lists = ["cases", "desk"];

    private SavedFilter()
    {
    }

    public SavedFilter(Guid userId, string list, string name, string query, DateTimeOffset now)
    {
        if (!Lists.Contains(list))
        {
            throw new DomainException("Unknown list.");
        }

        Id = Guid.NewGuid();
        UserId = userId;
        List = list;
        Rename(name);
        Query = query.Length <= MaxQueryLength ? query : throw new DomainException("The filter is too long.");
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string List { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The query string without its leading "?" and without a page position.</summary>
    public string Query { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The list's address with this filter.</summary>
    public string Url => "/" + List + (Query.Length == 0 ? "" : "?" + Query);

    public void Rename(string name)
    {
        var trimmed = name.Trim();
        Name = trimmed.Length is > 0 and <= MaxNameLength ? trimmed : throw new DomainException("A name of 1 to 80 characters is required.");
    }
}
