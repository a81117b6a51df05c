using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Intake;

/// <summary>
/// When an intake becomes a case, its triage's answers about the person (no identity documents, a
/// separated child) are recorded on its client, in the same transaction, and audited as a client change.
/// </summary>
public static class IntakeClientSituation
{
    public sealed record Change(Guid ClientId, string Before, string After);

    /// <summary>Marks the tracked client; null when the triage said nothing new about the person.</summary>
    public static async Task<Change?> RecordAsync(AppDbContext db, Domain.Cases.Intake intake, DateOnly openedOn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if ((!intake.NoDocuments && !intake.SeparatedChild) || intake.ClientId is not { } clientId)
        {
            return null;
        }

        var client = await db.Clients.FirstAsync(c => c.Id == clientId, cancellationToken);
        var before = client.Vulnerabilities;
        var answeredOn = intake.SubmittedAt is { } submitted ? DateOnly.FromDateTime(submitted.UtcDateTime) : openedOn;
        return client.RecordTriage(intake.NoDocuments, intake.SeparatedChild, answeredOn, now)
            ? new Change(clientId, before.ToString(), client.Vulnerabilities.ToString())
            : null;
    }

    public static Task AuditAsync(IAuditLog audit, Change? change, Guid intakeId, CancellationToken cancellationToken) =>
        change is null
            ? Task.CompletedTask
            : audit.RecordAsync(ClientAuditActions.Updated, "client", change.ClientId.ToString(), new
            {
                source = "intake",
                intake = intakeId,
                changes = new[] { new { field = "Vulnerabilities", old = change.Before, @new = change.After } },
            }, cancellationToken: cancellationToken);
}
