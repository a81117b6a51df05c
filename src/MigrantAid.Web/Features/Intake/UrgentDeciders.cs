using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Web.Features.Intake;

/// <summary>Who decides an urgent intake waiting in an office where no active caseworker works: the coordinators.</summary>
public static class UrgentDeciders
{
    /// <summary>More coordinators than this are not named one by one.</summary>
    public const int MaxNames = 10;

    /// <summary>
    /// Null when someone in the office decides (or the intake is not urgent and waiting); otherwise the
    /// active coordinators' names (empty when there are none, or too many to list).
    /// </summary>
    public static async Task<IReadOnlyList<string>?> ForAsync(AppDbContext db, Domain.Cases.Intake intake, CancellationToken cancellationToken)
    {
        if (!intake.IsUrgent || intake.Status != IntakeStatus.Submitted)
        {
            return null;
        }

        var office = intake.OfficeId;
        var caseworkerRole = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.Caseworker).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        var hasCaseworker = await db.Users.AsNoTracking()
            .AnyAsync(u => u.IsActive && u.OfficeId == office && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == caseworkerRole), cancellationToken);
        if (hasCaseworker)
        {
            return null;
        }

        var coordinators = await StaffDirectory.ActiveAsync(db, Roles.Coordinator, cancellationToken);
        return coordinators.Count > MaxNames ? [] : coordinators.Select(c => c.Name).ToList();
    }
}
