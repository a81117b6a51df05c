namespace MigrantAid.Web.Domain.Cases;

/// <summary>
/// Sealing a case (issue 15): a sealed case may be opened only by the people named on it, coordinators included.
/// Sealing names at least one person; changing who is named and lifting the seal say who was named or removed.
/// </summary>
public static class CaseSealing
{
    /// <summary>Is the user named on this sealed case?</summary>
    public static bool IsNamed(this Case c, Guid userId) => c.IsSealed && c.SealedPeople.Any(p => p.UserId == userId);

    /// <summary>Seals the case (or changes who is named on it): only <paramref name="people"/> may open it from now on.</summary>
    /// <returns>Who was named and who was removed by this call (both empty when nothing changed).</returns>
    public static (IReadOnlyList<Guid> Named, IReadOnlyList<Guid> Removed) Seal(this Case c, IReadOnlyCollection<Guid> people, Guid by, DateTimeOffset now)
    {
        var wanted = people.Distinct().ToList();
        if (wanted.Count == 0)
        {
            throw new DomainException("Name at least one person who may open the sealed case.");
        }

        var removed = c.SealedPeople.Where(p => !wanted.Contains(p.UserId)).Select(p => p.UserId).ToList();
        var named = wanted.Where(u => c.SealedPeople.All(p => p.UserId != u)).ToList();
        if (c.IsSealed && removed.Count == 0 && named.Count == 0)
        {
            return ([], []);
        }

        c.NamedPeople.RemoveAll(p => removed.Contains(p.UserId));
        c.NamedPeople.AddRange(named.Select(u => new CaseSealedPerson(c.Id, u, by, now)));
        c.SetSeal(true, c.IsSealed ? [] : [Change(c, by, now, sealing: true)], now);
        return (named, removed);
    }

    /// <summary>Lifts the seal: the case follows the usual rule again and no one is named any more.</summary>
    /// <returns>Who had been named.</returns>
    public static IReadOnlyList<Guid> Unseal(this Case c, Guid by, DateTimeOffset now)
    {
        if (!c.IsSealed)
        {
            return [];
        }

        var removed = c.SealedPeople.Select(p => p.UserId).ToList();
        c.NamedPeople.Clear();
        c.SetSeal(false, [Change(c, by, now, sealing: false)], now);
        return removed;
    }

    /// <summary>The timeline shows the seal put on or lifted; who is named is kept in the audit trail, not in the timeline every named person reads.</summary>
    private static CaseEvent Change(Case c, Guid by, DateTimeOffset now, bool sealing) =>
        CaseEvent.Create(c.Id, CaseEventKind.Changed, by, now, null, new { changes = new[] { new { field = "Sealed", old = !sealing, @new = sealing } } });
}
