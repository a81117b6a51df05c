using System.Globalization;

namespace MigrantAid.Tests.Architecture;

/// <summary>
/// The size budget of docs/architecture.md ("Responsibilities, not files"): a type of at most
/// <see cref="TypeLines"/> code lines, a member of at most <see cref="MemberLines"/> (lines as
/// <see cref="CodeSize"/> counts them). Offenders that are older than the budget are listed with their size in
/// the debt file, which may only shrink: see <see cref="Compare"/>.
/// </summary>
public static class SizeBudget
{
    public const int TypeLines = 200;
    public const int MemberLines = 60;

    public static bool IsOver(SizeMeasure measure) => measure.Lines > (measure.IsType ? TypeLines : MemberLines);

    /// <summary>
    /// What is wrong with the debt list against the measurements: an offender that is not listed, an offender
    /// larger than listed, a listed entry that shrank (its number must come down, so that it cannot grow back), and
    /// a listed entry that is within budget or no longer exists (it must leave the list). Empty when the list is
    /// exactly the offenders with their sizes.
    /// </summary>
    public static IReadOnlyList<string> Compare(IReadOnlyCollection<SizeMeasure> measures, IReadOnlyDictionary<string, int> debt)
    {
        var problems = new List<string>();
        var byKey = measures.GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var over in measures.Where(IsOver).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var limit = over.IsType ? TypeLines : MemberLines;
            if (!debt.TryGetValue(over.Key, out var listed))
            {
                problems.Add($"{over.Key} has {over.Lines} lines, over the budget of {limit}: split it by responsibility.");
            }
            else if (over.Lines > listed)
            {
                problems.Add($"{over.Key} grew from {listed} to {over.Lines} lines (budget {limit}): it may only shrink.");
            }
            else if (over.Lines < listed)
            {
                problems.Add($"{over.Key} shrank from {listed} to {over.Lines} lines: lower its number in the debt list.");
            }
        }

        foreach (var (key, listed) in debt.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            if (!byKey.TryGetValue(key, out var measure))
            {
                problems.Add($"{key} ({listed} lines) is listed but no longer exists: remove it from the debt list.");
            }
            else if (!IsOver(measure))
            {
                problems.Add($"{key} is within budget now ({measure.Lines} lines): remove it from the debt list.");
            }
        }

        return problems;
    }

    /// <summary>The debt list: one "Key lines" per line; blank lines and lines starting with # are ignored.</summary>
    public static IReadOnlyDictionary<string, int> ParseDebt(IEnumerable<string> lines)
    {
        var debt = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var space = line.LastIndexOf(' ');
            if (space <= 0 || !int.TryParse(line[(space + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                throw new FormatException($"Debt list line \"{line}\" is not of the form \"Type.Member lines\".");
            }

            debt.Add(line[..space].Trim(), count);
        }

        return debt;
    }

    /// <summary>The debt list that matches the measurements exactly, for the message of a failing test.</summary>
    public static string Format(IEnumerable<SizeMeasure> measures) =>
        string.Join(Environment.NewLine, measures.Where(IsOver).OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Lines}")));
}
