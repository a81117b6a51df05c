namespace MigrantAid.Web.Features.Desk;

/// <summary>How a group's page was reached: its first page, "more" (after a position) or "previous" (before one).</summary>
public enum DeskWalk
{
    First,
    Forward,
    Backward,
}

/// <summary>A group's page: the rows shown and the keyset positions of its "previous" and "more" links (null: no link).</summary>
public sealed record DeskPage<T>(IReadOnlyList<T> Shown, string? Previous, string? Next);

/// <summary>
/// Cuts a group's page from the rows read for it (up to one more than a page, in date order). Forwards: the
/// first rows; "more" when a row is left over after them, "previous" unless it is the group's first page.
/// Backwards (the index walked in reverse, the rows turned round): the last rows; "previous" when a row is
/// left over before them, "more" from the last row shown. So "previous" walks back exactly the pages "more"
/// walked forwards. A read that stopped at its limit goes on from where it stopped (<c>capped</c>).
/// </summary>
public static class DeskPages
{
    public static DeskWalk Walk(bool after, bool before) => after ? DeskWalk.Forward : before ? DeskWalk.Backward : DeskWalk.First;

    public static DeskPage<T> Cut<T>(IReadOnlyList<T> rows, int size, DeskWalk walk, Func<T, string> position, string? capped = null)
    {
        if (walk == DeskWalk.Backward)
        {
            var last = rows.TakeLast(size).ToList();
            var previous = rows.Count > size ? position(last[0]) : capped;
            return new DeskPage<T>(last, previous, last.Count > 0 ? position(last[^1]) : null);
        }

        var shown = rows.Take(size).ToList();
        var next = rows.Count > size ? position(shown[^1]) : capped;
        return new DeskPage<T>(shown, walk == DeskWalk.Forward && shown.Count > 0 ? position(shown[0]) : null, next);
    }
}
