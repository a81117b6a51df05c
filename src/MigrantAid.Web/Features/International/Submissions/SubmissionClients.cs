using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Shared.Forms;

namespace MigrantAid.Web.Features.International.Submissions;

/// <summary>A client of the case, offered on the submission form.</summary>
public sealed record SubmissionClientOption(Guid Id, string Name, CaseClientRole Role);

/// <summary>The clients a submission is for: chosen among its case's clients, stored in submission_clients.</summary>
public static class SubmissionClients
{
    /// <summary>The case's clients, the principal first.</summary>
    public static Task<List<SubmissionClientOption>> OptionsAsync(AppDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        db.CaseClients.AsNoTracking().Where(cc => cc.CaseId == caseId)
            .Join(db.Clients, cc => cc.ClientId, c => c.Id, (cc, c) => new { c.Id, c.FullName, c.Patronymic, cc.Role })
            .OrderBy(c => c.Role).ThenBy(c => c.FullName)
            .Select(c => new SubmissionClientOption(c.Id, c.Patronymic == null ? c.FullName : c.FullName + " " + c.Patronymic, c.Role))
            .ToListAsync(cancellationToken);

    public static Task<List<Guid>> IdsAsync(AppDbContext db, Guid submissionId, CancellationToken cancellationToken) =>
        db.SubmissionClients.AsNoTracking().Where(sc => sc.SubmissionId == submissionId).Select(sc => sc.ClientId).ToListAsync(cancellationToken);

    /// <summary>Every chosen client must be one of the case's (<see cref="SubmissionInput.CaseClients"/>, loaded first); true when they are.</summary>
    public static bool Check(SubmissionInput input, FormErrors errors, IStringLocalizer l)
    {
        input.ClientIds = input.ClientIds.Distinct().ToList();
        if (input.ClientIds.All(id => input.CaseClients.Any(c => c.Id == id)))
        {
            return true;
        }

        errors.Add(nameof(SubmissionInput.ClientIds), l["Choose the clients among this case's clients."]);
        return false;
    }

    /// <summary>Makes the stored links those chosen (added to the context, not saved).</summary>
    public static async Task SetAsync(AppDbContext db, Guid submissionId, IReadOnlyCollection<Guid> chosen, CancellationToken cancellationToken)
    {
        var stored = await db.SubmissionClients.Where(sc => sc.SubmissionId == submissionId).ToListAsync(cancellationToken);
        db.SubmissionClients.RemoveRange(stored.Where(sc => !chosen.Contains(sc.ClientId)));
        db.SubmissionClients.AddRange(chosen.Where(id => stored.All(sc => sc.ClientId != id)).Select(id => new SubmissionClient(submissionId, id)));
    }

    /// <summary>The audit's view: the clients' ids in a stable order (never their names).</summary>
    public static string? AuditValue(IEnumerable<Guid> ids)
    {
        var sorted = ids.Order().Select(id => id.ToString()).ToList();
        return sorted.Count == 0 ? null : string.Join(",", sorted);
    }
}
