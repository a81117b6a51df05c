using MigrantAid.Web.Data;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Intake;

/// <summary>A respondent whose name matches a client: the organisation may be acting against its own client.</summary>
public sealed record RespondentConflict(string RespondentName, Guid ClientId, string ClientName);

/// <summary>
/// Checks respondents' names against the clients (with <see cref="ClientFinder"/>, so across scripts and
/// spellings, and only among the clients the viewer may see).
/// </summary>
public static class RespondentConflicts
{
    public static async Task<IReadOnlyList<RespondentConflict>> FindAsync(AppDbContext db, Viewer viewer, IEnumerable<string> names, Guid? ownClientId, CancellationToken cancellationToken = default)
    {
        var conflicts = new List<RespondentConflict>();
        foreach (var name in names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal))
        {
            var matches = await ClientFinder.FindAsync(db, viewer, name, null, null, null, limit: 3, cancellationToken: cancellationToken);
            conflicts.AddRange(matches
                .Where(m => m.Id != ownClientId)
                .Select(m => new RespondentConflict(name, m.Id, m.Patronymic is null ? m.FullName : m.FullName + " " + m.Patronymic)));
        }

        return conflicts;
    }
}
