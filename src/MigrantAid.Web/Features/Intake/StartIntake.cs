using MigrantAid.Web.Data;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Intake;

/// <summary>Starts a draft intake in the user's office; the guided steps fill it.</summary>
public sealed class StartIntakeHandler(AppDbContext db, IAuditLog audit, TimeProvider clock)
{
    /// <returns>The new intake's id, or null when the user has no office to take intakes in.</returns>
    public async Task<Guid?> HandleAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (viewer.OfficeId is not { } office)
        {
            return null;
        }

        var intake = new Domain.Cases.Intake(office, viewer.UserId, clock.GetUtcNow());
        db.Intakes.Add(intake);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(CaseAuditActions.IntakeCreated, "intake", intake.Id.ToString(), new { office }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return intake.Id;
    }
}
