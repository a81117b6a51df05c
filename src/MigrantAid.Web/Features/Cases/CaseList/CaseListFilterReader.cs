using System.Globalization;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Web.Features.Cases.CaseList;

/// <summary>
/// Reads the case list's values, which bind as text (a hand-edited link never ends in a binding error page), into
/// typed ones, one small reader per kind of value. An empty value is no filter; a value that does not read is
/// dropped and its problem noted, in the order the fields are read, for the message at that field.
/// </summary>
public sealed class CaseListFilterReader
{
    private readonly List<CaseListProblem> _problems = [];

    public IReadOnlyList<CaseListProblem> Problems => _problems;

    /// <summary>Text up to <paramref name="maxLength"/> characters; longer is refused, never cut.</summary>
    public string? Text(string? value, int maxLength, CaseListProblem tooLong)
    {
        var text = Clean(value);
        if (text is not null && text.Length > maxLength)
        {
            _problems.Add(tooLong);
            return null;
        }

        return text;
    }

    public Guid? Id(string? value, CaseListProblem problem) =>
        Read<Guid>(value, text => Guid.TryParse(text, out var id) ? id : null, problem);

    public int? Number(string? value, CaseListProblem problem) =>
        Read<int>(value, text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null, problem);

    /// <summary>A date as date inputs send it (ISO), or as typed in the user's culture by a browser without them.</summary>
    public DateOnly? Date(string? value, CaseListProblem problem) =>
        Read<DateOnly>(value, text => (CaseListFilter.TryDate(text, out var date) || DateOnly.TryParse(text, CultureInfo.CurrentCulture, DateTimeStyles.None, out date))
            && date.Year is >= 1900 and <= 9998 ? date : null, problem);

    /// <summary>Two dates; both are kept when the end is before the start, which is noted as <paramref name="endBeforeStart"/>.</summary>
    public (DateOnly? From, DateOnly? To) Period(string? from, string? to, CaseListProblem badFrom, CaseListProblem badTo, CaseListProblem endBeforeStart)
    {
        var start = Date(from, badFrom);
        var end = Date(to, badTo);
        if (start is not null && end is not null && start > end)
        {
            _problems.Add(endBeforeStart);
        }

        return (start, end);
    }

    /// <summary>A status by name (a number is no status), or "active": open or in progress.</summary>
    public (CaseStatus? Status, bool Active) Status(string? value, CaseListProblem problem)
    {
        if (Clean(value) is not { } text)
        {
            return (null, false);
        }

        if (string.Equals(text, CaseListQuery.ActiveStatus, StringComparison.OrdinalIgnoreCase))
        {
            return (null, true);
        }

        if (Enum.TryParse<CaseStatus>(text, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(text, out _))
        {
            return (status, false);
        }

        _problems.Add(problem);
        return (null, false);
    }

    /// <summary>A known citizenship code (upper-cased), or "none": clients whose citizenship is not recorded.</summary>
    public (string? Code, bool None) Citizenship(string? value, CaseListProblem problem)
    {
        if (Clean(value) is not { } text)
        {
            return (null, false);
        }

        if (string.Equals(text, CaseListQuery.NoCitizenship, StringComparison.OrdinalIgnoreCase))
        {
            return (null, true);
        }

        if (Citizenships.IsKnown(text.ToUpperInvariant()))
        {
            return (text.ToUpperInvariant(), false);
        }

        _problems.Add(problem);
        return (null, false);
    }

    /// <summary>A situation of the principal client (see <see cref="ClientSituation"/>).</summary>
    public Vulnerability? Situation(string? value, CaseListProblem problem)
    {
        var situation = ClientSituation.Parse(value, out var known);
        if (!known)
        {
            _problems.Add(problem);
        }

        return situation;
    }

    /// <summary>A keyset position, which must belong to <paramref name="sort"/>.</summary>
    public CaseListPosition? Position(string? value, CaseListSort sort, CaseListProblem problem)
    {
        if (Clean(value) is not { } text)
        {
            return null;
        }

        var position = CaseListFilter.ParsePosition(text, sort);
        if (position is null)
        {
            _problems.Add(problem);
        }

        return position;
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private T? Read<T>(string? value, Func<string, T?> parse, CaseListProblem problem)
        where T : struct
    {
        if (Clean(value) is not { } text)
        {
            return null;
        }

        var parsed = parse(text);
        if (parsed is null)
        {
            _problems.Add(problem);
        }

        return parsed;
    }
}
