using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Intake;

/// <summary>
/// Who may see and work on an intake (before it is a case): its author; coordinators; the
/// caseworkers of its office. Deciding (accept or reject) is for coordinators and caseworkers.
/// Anyone else gets 404, as for a missing intake.
/// </summary>
public static class IntakeAccess
{
    public static bool CanView(Domain.Cases.Intake intake, Viewer viewer) =>
        viewer.IsCoordinator
        || (viewer.DoesCaseWork && intake.CreatedBy == viewer.UserId)
        || (viewer.IsCaseworker && viewer.OfficeId is { } office && intake.OfficeId == office);

    /// <summary>Drafts, and submitted intakes still waiting (e.g. triage changed), can be edited.</summary>
    public static bool CanEdit(Domain.Cases.Intake intake, Viewer viewer) =>
        CanView(intake, viewer) && intake.Status is IntakeStatus.Draft or IntakeStatus.Submitted;

    public static bool CanDecide(Domain.Cases.Intake intake, Viewer viewer) =>
        CanView(intake, viewer) && (viewer.IsCoordinator || viewer.IsCaseworker);

    /// <summary>Loads an intake with its respondents, or null when it is missing or not the viewer's to see.</summary>
    public static async Task<Domain.Cases.Intake?> LoadAsync(AppDbContext db, Guid id, Viewer viewer, bool track, CancellationToken cancellationToken = default)
    {
        var query = db.Intakes.Include(i => i.Respondents);
        var intake = await (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (intake is null || !CanView(intake, viewer))
        {
            return null;
        }

        // Once accepted, the intake is part of its case: only those who may see the case may open it
        // (a confidential case stays closed to the office's other caseworkers).
        if (intake.Status == IntakeStatus.Accepted)
        {
            var linked = await db.Cases.AsNoTracking().Include(c => c.Lawyers).FirstOrDefaultAsync(c => c.IntakeId == intake.Id, cancellationToken);
            if (linked is null || !CaseAccess.CanView(linked, viewer))
            {
                return null;
            }
        }

        return intake;
    }
}
