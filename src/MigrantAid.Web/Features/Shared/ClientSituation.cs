using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Features.Shared;

/// <summary>
/// The "situation" filter of the client and case lists (issue 12 point 6): its link values and the query
/// that keeps the flagged clients. Each branch tests its bit as a constant, the same expression as the
/// partial indexes' predicates (migration 0024), so PostgreSQL can use them.
/// </summary>
public static class ClientSituation
{
    public const string Undocumented = "undocumented";
    public const string SeparatedChild = "separated";

    /// <summary>The two situations a list can be filtered by, with their link values.</summary>
    public static readonly IReadOnlyList<(string Value, Vulnerability Flag)> Choices =
        [(Undocumented, Vulnerability.Undocumented), (SeparatedChild, Vulnerability.SeparatedChild)];

    /// <summary>The flag named by a link value; null when empty or unknown (<paramref name="known"/> tells which).</summary>
    public static Vulnerability? Parse(string? value, out bool known)
    {
        var text = value?.Trim();
        known = string.IsNullOrEmpty(text);
        foreach (var (name, flag) in Choices)
        {
            if (string.Equals(text, name, StringComparison.OrdinalIgnoreCase))
            {
                known = true;
                return flag;
            }
        }

        return null;
    }

    public static string? Value(Vulnerability? flag) => Choices.Where(c => c.Flag == flag).Select(c => c.Value).FirstOrDefault();

    /// <summary>The clients in that situation.</summary>
    public static IQueryable<Client> In(this IQueryable<Client> clients, Vulnerability situation) => situation switch
    {
        Vulnerability.Undocumented => clients.Where(c => (c.Vulnerabilities & Vulnerability.Undocumented) != 0),
        Vulnerability.SeparatedChild => clients.Where(c => (c.Vulnerabilities & Vulnerability.SeparatedChild) != 0),
        _ => throw new ArgumentOutOfRangeException(nameof(situation), situation, "Not a situation the lists filter by."),
    };
}
