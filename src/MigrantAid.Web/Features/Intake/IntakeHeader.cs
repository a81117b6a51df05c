using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Infrastructure;

namespace MigrantAid.Web.Features.Intake;

/// <summary>What every intake page shows above its form: whose intake, where it stands, how urgent it is.</summary>
public sealed record IntakeHeader(
    Guid Id,
    IntakeStatus Status,
    IntakeStep Step,
    string? ClientName,
    Guid? ClientId,
    bool IsUrgent,
    DateTimeOffset? ResponseDueAt,
    DateTimeOffset Now,
    OfficeTime Time,
    string OfficeName,
    Guid? CaseId)
{
    public static async Task<IntakeHeader> ReadAsync(AppDbContext db, Domain.Cases.Intake intake, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var office = await db.Offices.AsNoTracking().Where(o => o.Id == intake.OfficeId).Select(o => new { o.Name, o.TimeZoneId }).FirstAsync(cancellationToken);
        var client = intake.ClientId is { } clientId
            ? await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
                .Select(c => c.Patronymic == null ? c.FullName : c.FullName + " " + c.Patronymic).FirstOrDefaultAsync(cancellationToken)
            : null;
        var caseId = intake.Status == IntakeStatus.Accepted
            ? await db.Cases.AsNoTracking().Where(c => c.IntakeId == intake.Id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new IntakeHeader(intake.Id, intake.Status, intake.Step, client, intake.ClientId, intake.IsUrgent, intake.ResponseDueAt, now,
            OfficeTime.For(office.TimeZoneId), office.Name, caseId);
    }
}
