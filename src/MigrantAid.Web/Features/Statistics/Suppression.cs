namespace MigrantAid.Web.Features.Statistics;

/// <summary>How a number of a statistics table is shown.</summary>
public enum Disclosure
{
    Shown = 0,

    /// <summary>1 to 4: shown as "&lt;5".</summary>
    Small = 1,

    /// <summary>Hidden so that a small number cannot be worked out from the others (shown as "x").</summary>
    Hidden = 2,
}

/// <summary>
/// A set of numbers tied by totals. A line says: the terms add up to the total (<see cref="Exact"/>,
/// when each counted case falls in exactly one term), or add up to at least the total with each term at
/// most the total (a multi-valued dimension: a case in several terms is counted once in the total).
/// </summary>
public sealed record SuppressionLine(IReadOnlyList<int> Terms, int Total, bool Exact);

/// <summary>
/// Small-number suppression, pure (no database) and deterministic: every count from 1 to
/// <see cref="Threshold"/>-1 is <see cref="Disclosure.Small"/>; then, until nothing changes, (1) a line
/// with exactly one hidden number (term or total) gets its smallest other non-zero shown number hidden
/// as well, and (2) an audit narrows, from every line, the range each hidden number can take (a small
/// one is 1..4, a secondary one 5 or more, a shown one itself); a hidden number whose range shrinks to
/// one value could be worked out, so the smallest non-zero shown number of one of its lines is hidden too.
/// Numbers in <c>keepShown</c> (the grand total) are never hidden as "x": the others are hidden instead.
/// When that cannot protect every number (a small table whose grand total gives away that its hidden
/// numbers are, say, 1 and 5), it starts again in a last pass where a line that still gives a number
/// away first has all its small numbers and zeros shown as "x", which then may stand for any count.
/// </summary>
public static class Suppression
{
    public const int Threshold = 5;

    private const long Infinity = long.MaxValue / 8;

    public static Disclosure[] Apply(IReadOnlyList<long> values, IReadOnlyList<SuppressionLine> lines, IReadOnlySet<int>? keepShown = null)
    {
        var primary = values.Select(v => v is > 0 and < Threshold ? Disclosure.Small : Disclosure.Shown).ToArray();
        var byValue = new List<SuppressionLine>[values.Count];
        foreach (var line in lines)
        {
            foreach (var index in Members(line))
            {
                (byValue[index] ??= []).Add(line);
            }
        }

        var keep = keepShown ?? new HashSet<int>();
        var marks = (Disclosure[])primary.Clone();
        if (!new Run(values, lines, marks, byValue, keep).Protect(lastPass: false))
        {
            marks = (Disclosure[])primary.Clone();
            new Run(values, lines, marks, byValue, keep).Protect(lastPass: true);
        }

        return marks;
    }

    private static IEnumerable<int> Members(SuppressionLine line) => line.Terms.Append(line.Total);

    /// <summary>One suppression of one table; only its last pass may show small numbers and zeros as "x".</summary>
    private sealed record Run(IReadOnlyList<long> Values, IReadOnlyList<SuppressionLine> Lines, Disclosure[] Marks,
        List<SuppressionLine>[] ByValue, IReadOnlySet<int> Keep)
    {
        public bool Protect(bool lastPass)
        {
            // Each pass hides at least one more number or stops: at most two passes per number.
            for (var pass = 0; pass <= 2 * Values.Count; pass++)
            {
                var changed = false;
                foreach (var line in Lines)
                {
                    var members = Members(line).ToList();
                    changed |= members.Count(i => Marks[i] != Disclosure.Shown) == 1 && Hide(members, Secondary);
                }

                if (changed)
                {
                    continue;
                }

                var pinned = Recoverable(Values, Marks, Lines);
                if (pinned.Count == 0)
                {
                    return true;
                }

                if (!pinned.Any(p => Fix(p, lastPass)))
                {
                    return false;
                }
            }

            return Recoverable(Values, Marks, Lines).Count == 0;
        }

        /// <summary>
        /// Hides more in a line of the pinned number: the smallest shown one; in the last pass first every
        /// small number and zero of the line, so that its "x"s cannot be told apart.
        /// </summary>
        private bool Fix(int pinned, bool lastPass)
        {
            var lines = (ByValue[pinned] ?? []).Select(line => Members(line).ToList()).ToList();
            return (lastPass && lines.Any(HideAnyValue)) || lines.Any(members => Hide(members, Secondary));
        }

        private bool HideAnyValue(List<int> members)
        {
            var hidden = members.Where(i => !Keep.Contains(i) && (Marks[i] == Disclosure.Small || (Marks[i] == Disclosure.Shown && Values[i] == 0))).ToList();
            hidden.ForEach(i => Marks[i] = Disclosure.Hidden);
            return hidden.Count > 0;
        }

        private bool Secondary(int i) => Marks[i] == Disclosure.Shown && Values[i] > 0 && !Keep.Contains(i);

        /// <summary>Hides the smallest eligible member (the first by position on a tie).</summary>
        private bool Hide(IReadOnlyList<int> members, Func<int, bool> eligible)
        {
            var candidate = members.Where(eligible).OrderBy(i => Values[i]).ThenBy(i => i).Select(i => (int?)i).FirstOrDefault();
            if (candidate is not { } chosen)
            {
                return false;
            }

            Marks[chosen] = Disclosure.Hidden;
            return true;
        }
    }

    /// <summary>
    /// The hidden numbers someone could work out exactly from the shown ones and the lines, by
    /// narrowing every hidden number's range until nothing narrows further. The intruder is taken to know
    /// that an "x" hiding 5 or more is at least 5 (the usual case); one hiding a small number or a zero
    /// (last pass only) could be any count.
    /// </summary>
    public static IReadOnlyList<int> Recoverable(IReadOnlyList<long> values, IReadOnlyList<Disclosure> marks, IReadOnlyList<SuppressionLine> lines)
    {
        var lo = new long[values.Count];
        var hi = new long[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            (lo[i], hi[i]) = marks[i] switch
            {
                Disclosure.Small => (1L, (long)Threshold - 1),
                Disclosure.Hidden => (values[i] >= Threshold ? Threshold : 0L, Infinity),
                _ => (values[i], values[i]),
            };
        }

        for (var round = 0; round < 200; round++)
        {
            var narrowed = false;
            foreach (var line in lines)
            {
                var t = line.Total;
                var sumLo = Sum(line.Terms.Select(i => lo[i]));
                var sumHi = Sum(line.Terms.Select(i => hi[i]));
                var unbounded = line.Terms.Count(i => hi[i] >= Infinity);
                var finiteHi = Sum(line.Terms.Where(i => hi[i] < Infinity).Select(i => hi[i]));
                foreach (var i in line.Terms)
                {
                    var othersHi = unbounded - (hi[i] >= Infinity ? 1 : 0) > 0 ? Infinity : finiteHi - (hi[i] < Infinity ? hi[i] : 0);
                    var newLo = othersHi >= Infinity ? lo[i] : Math.Max(lo[i], lo[t] - othersHi);
                    var newHi = Math.Min(hi[i], hi[t]);
                    if (line.Exact)
                    {
                        newHi = Math.Min(newHi, hi[t] >= Infinity ? Infinity : hi[t] - (sumLo - lo[i]));
                    }

                    narrowed |= Narrow(lo, hi, i, newLo, newHi);
                }

                var totalLo = line.Exact ? Math.Max(lo[t], sumLo) : Math.Max(lo[t], line.Terms.Count == 0 ? 0 : line.Terms.Max(i => lo[i]));
                narrowed |= Narrow(lo, hi, t, totalLo, Math.Min(hi[t], sumHi));
            }

            if (!narrowed)
            {
                break;
            }
        }

        return Enumerable.Range(0, values.Count).Where(i => marks[i] != Disclosure.Shown && lo[i] == hi[i]).ToList();
    }

    private static bool Narrow(long[] lo, long[] hi, int i, long newLo, long newHi)
    {
        // Never cross (the data are consistent; this only guards against a line that does not hold).
        newLo = Math.Min(newLo, hi[i]);
        newHi = Math.Max(newHi, newLo);
        if (newLo <= lo[i] && newHi >= hi[i])
        {
            return false;
        }

        lo[i] = Math.Max(lo[i], newLo);
        hi[i] = Math.Min(hi[i], newHi);
        return true;
    }

    private static long Sum(IEnumerable<long> values)
    {
        long sum = 0;
        foreach (var value in values)
        {
            sum = Math.Min(Infinity, sum + value);
        }

        return sum;
    }
}
