using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;

namespace MigrantAid.Web.Security;

public static class IntakeOperations
{
    public static readonly OperationAuthorizationRequirement View = new() { Name = nameof(View) };

    /// <summary>Drafts, and submitted intakes still waiting (e.g. triage changed), can be edited.</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };

    /// <summary>Accepting or rejecting: coordinators and caseworkers.</summary>
    public static readonly OperationAuthorizationRequirement Decide = new() { Name = nameof(Decide) };
}

/// <summary>
/// Who may see and work on an intake (before it is a case): its author; coordinators; the caseworkers
/// of its office. Once accepted, the intake is part of its case: only those who may see the case may
/// open it (a confidential case stays closed to the office's other caseworkers). Given the intake as
/// stored; anyone refused gets 404, as for a missing intake (<see cref="IntakeGate"/>).
/// </summary>
public sealed class IntakeAuthorizationHandler(AppDbContext db) : AuthorizationHandler<OperationAuthorizationRequirement, Intake>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Intake resource)
    {
        var viewer = Viewer.From(context.User);
        var allowed = requirement.Name switch
        {
            nameof(IntakeOperations.View) => true,
            nameof(IntakeOperations.Edit) => resource.Status is IntakeStatus.Draft or IntakeStatus.Submitted,
            nameof(IntakeOperations.Decide) => viewer.IsCoordinator || viewer.IsCaseworker,
            _ => false,
        };
        if (allowed && SeesIntake(resource, viewer) && (resource.Status != IntakeStatus.Accepted || await SeesCaseOfAsync(resource, viewer)))
        {
            context.Succeed(requirement);
        }
    }

    private static bool SeesIntake(Intake intake, Viewer viewer) =>
        viewer.IsCoordinator
        || (viewer.DoesCaseWork && intake.CreatedBy == viewer.UserId)
        || (viewer.IsCaseworker && viewer.OfficeId is { } office && intake.OfficeId == office);

    private Task<bool> SeesCaseOfAsync(Intake intake, Viewer viewer) =>
        db.Cases.AsNoTracking().Where(c => c.IntakeId == intake.Id).Where(CaseAccess.VisibleCases(viewer, db)).AnyAsync();
}

/// <summary>Loads one intake as stored (with its respondents) and asks <see cref="IntakeAuthorizationHandler"/> what the viewer may do.</summary>
public sealed class IntakeGate(AppDbContext db, IAuthorizationService authorization)
{
    /// <summary>The intake, or null when it is missing or not the viewer's to see (answered 404 alike).</summary>
    public async Task<Intake?> LoadAsync(Guid id, Viewer viewer, bool track, CancellationToken cancellationToken = default)
    {
        var query = db.Intakes.Include(i => i.Respondents);
        var intake = await (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        return intake is not null && await AllowsAsync(intake, viewer, IntakeOperations.View) ? intake : null;
    }

    public async Task<bool> AllowsAsync(Intake intake, Viewer viewer, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(viewer.ToPrincipal(), intake, operation)).Succeeded;
}
