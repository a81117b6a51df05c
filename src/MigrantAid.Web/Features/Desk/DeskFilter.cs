using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Desk;

/// <summary>
/// The desk's and the calendar's query string, as typed. Every value is text checked by
/// <see cref="DeskFilter.ResolveAsync"/>, so a hand-edited link never ends in a binding error.
/// </summary>
public sealed class DeskQuery
{
    public const string All = "all";

    /// <summary>Coordinators: a lawyer's id, or empty/"all" for everyone.</summary>
    public string? Lawyer { get; set; }

    /// <summary>Coordinators: an office's id, "all", or empty for their own office (all when they have none).</summary>
    public string? Office { get; set; }

    /// <summary>Desk: one group shown alone, paged (overdue, today, week, month).</summary>
    public string? Bucket { get; set; }

    /// <summary>Desk: keyset position of the deadlines of <see cref="Bucket"/> (due date and id).</summary>
    public string? After { get; set; }

    /// <summary>Desk: keyset position of the hearings of <see cref="Bucket"/> (instant and id).</summary>
    public string? HearingsAfter { get; set; }

    /// <summary>Desk: keyset position of the first deadline of the next page, from "Previous deadlines in this group".</summary>
    public string? Before { get; set; }

    /// <summary>Desk: keyset position of the first hearing of the next page, from "Previous hearings in this group".</summary>
    public string? HearingsBefore { get; set; }

    /// <summary>Calendar: month (default) or week.</summary>
    public string? View { get; set; }

    /// <summary>Calendar: a day of the period shown (yyyy-MM-dd); today by default.</summary>
    public string? Date { get; set; }

    /// <summary>Calendar: grid (default) or list.</summary>
    public string? Layout { get; set; }

    /// <summary>A link to <paramref name="path"/> keeping the filters, with other values where given.</summary>
    public string ToUrl(string path, IReadOnlyDictionary<string, string?>? with = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["lawyer"] = Lawyer,
            ["office"] = Office,
        };
        foreach (var (name, value) in with ?? new Dictionary<string, string?>())
        {
            values[name] = value;
        }

        var parts = values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).Select(v => v.Key + "=" + Uri.EscapeDataString(v.Value!.Trim())).ToList();
        return parts.Count == 0 ? path : path + "?" + string.Join("&", parts);
    }
}

public enum DeskProblem
{
    UnknownLawyer,
    UnknownOffice,
    BadDate,
    BadPosition,
}

public sealed record DeskOption(string Value, string Text);

/// <summary>
/// Whose dates are shown. A lawyer or caseworker sees the dates that concern them; a coordinator sees
/// everyone's, narrowed to one lawyer (as that lawyer's own desk shows them) and/or one office.
/// </summary>
public sealed record DeskFilter(
    Guid? LawyerId,
    Guid? OfficeId,
    bool IsCoordinator,
    string LawyerValue,
    string OfficeValue,
    IReadOnlyList<DeskOption> Lawyers,
    IReadOnlyList<DeskOption> Offices,
    IReadOnlyList<DeskProblem> Problems)
{
    /// <summary>The person whose dates are shown; null for a coordinator's view of everyone.</summary>
    public Guid? PersonId(Viewer viewer) => IsCoordinator ? LawyerId : viewer.UserId;

    public static async Task<DeskFilter> ResolveAsync(
        AppDbContext db, ILookupNormalizer normalizer, DeskOffices allOffices, Viewer viewer, DeskQuery query, CancellationToken cancellationToken)
    {
        var problems = new List<DeskProblem>();
        if (!viewer.IsCoordinator)
        {
            return new DeskFilter(null, null, false, "", "", [], [], problems);
        }

        var lawyerRole = normalizer.NormalizeName(Roles.Lawyer);
        var lawyers = (await db.Users.AsNoTracking()
                .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == lawyerRole)))
                .OrderBy(u => u.FullName).ThenBy(u => u.Id)
                .Select(u => new { u.Id, u.FullName })
                .ToListAsync(cancellationToken))
            .Select(u => new DeskOption(u.Id.ToString(), u.FullName))
            .ToList();
        var offices = allOffices.All.Select(o => new DeskOption(o.Id.ToString(), o.Name)).ToList();

        Guid? lawyer = null;
        var lawyerText = query.Lawyer?.Trim();
        if (!string.IsNullOrEmpty(lawyerText) && !string.Equals(lawyerText, DeskQuery.All, StringComparison.OrdinalIgnoreCase))
        {
            if (Guid.TryParse(lawyerText, out var id) && lawyers.Any(l => l.Value == id.ToString()))
            {
                lawyer = id;
            }
            else
            {
                problems.Add(DeskProblem.UnknownLawyer);
            }
        }

        // No office chosen: the coordinator's own office, when they have one; "all" is a choice of its own.
        Guid? office = null;
        var officeText = query.Office?.Trim();
        if (string.IsNullOrEmpty(officeText))
        {
            office = lawyer is null && viewer.OfficeId is { } own && offices.Any(o => o.Value == own.ToString()) ? own : null;
        }
        else if (!string.Equals(officeText, DeskQuery.All, StringComparison.OrdinalIgnoreCase))
        {
            if (Guid.TryParse(officeText, out var id) && offices.Any(o => o.Value == id.ToString()))
            {
                office = id;
            }
            else
            {
                problems.Add(DeskProblem.UnknownOffice);
            }
        }

        return new DeskFilter(lawyer, office, true,
            lawyer?.ToString() ?? DeskQuery.All,
            office?.ToString() ?? DeskQuery.All,
            lawyers, offices, problems);
    }

    public const string DateFormat = "yyyy-MM-dd";

    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Iso(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
}
