using System.Linq.Expressions;
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

/// <summary>Intakes in lists.</summary>
public static class IntakeAccess
{
    /// <summary>Who may see an intake as such (before its case's rule, once accepted): coordinators, its author, the caseworkers of its office.</summary>
    public static readonly Expression<Func<Intake, Viewer, bool>> SeenBy = (intake, viewer) =>
        viewer.IsCoordinator
        || (viewer.DoesCaseWork && intake.CreatedBy == viewer.UserId)
        || (viewer.IsCaseworker && viewer.OfficeId != null && intake.OfficeId == viewer.OfficeId);

    /// <summary>The intakes <paramref name="viewer"/> may see as such, as a query filter (<see cref="SeenBy"/>).</summary>
    public static Expression<Func<Intake, bool>> Seen(Viewer viewer) => RuleExpressions.Bind(SeenBy, viewer);

    /// <summary>The intakes of the sealed cases <paramref name="userId"/> is not named on: lists of intakes leave them out (issue 15).</summary>
    public static IQueryable<Guid> SealedAgainst(AppDbContext db, Guid userId)
    {
        var cases = CaseAccess.SealedAgainst(db, userId);
        return db.Cases.Where(c => cases.Contains(c.Id)).Select(c => c.IntakeId);
    }
}

/// <summary>An intake as stored and, once it is accepted, the case it became (with its lawyers), which then decides who sees it.</summary>
public sealed record IntakeRecord(Intake Intake, Case? AcceptedCase);

/// <summary>
/// Who may see and work on an intake (before it is a case): its author; coordinators; the caseworkers
/// of its office. Once accepted, the intake is part of its case: only those who may see the case may
/// open it (a confidential case stays closed to the office's other caseworkers), and an accepted intake
/// without its case is refused. Given the records as stored by <see cref="IntakeGate"/>; anyone refused
/// gets 404, as for a missing intake.
/// </summary>
public sealed class IntakeAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, IntakeRecord>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, IntakeRecord resource)
    {
        var viewer = Viewer.From(context.User);
        var intake = resource.Intake;
        var allowed = requirement.Name switch
        {
            nameof(IntakeOperations.View) => true,
            nameof(IntakeOperations.Edit) => intake.Status is IntakeStatus.Draft or IntakeStatus.Submitted,
            nameof(IntakeOperations.Decide) => viewer.IsCoordinator || viewer.IsCaseworker,
            _ => false,
        };
        if (allowed && SeesIntake(intake, viewer)
            && (intake.Status != IntakeStatus.Accepted || (resource.AcceptedCase is { } c && CaseAccess.CanView(c, viewer))))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private static readonly Func<Intake, Viewer, bool> SeesIntake = IntakeAccess.SeenBy.Compile();
}

/// <summary>Loads one intake as stored (with its respondents, and its case once accepted) and asks <see cref="IntakeAuthorizationHandler"/> what the viewer may do.</summary>
public sealed class IntakeGate(AppDbContext db, IAuthorizationService authorization)
{
    /// <summary>The intake, or null when it is missing or not the viewer's to see (answered 404 alike).</summary>
    public async Task<Intake?> LoadAsync(Guid id, Viewer viewer, bool track, CancellationToken cancellationToken = default)
    {
        var query = db.Intakes.Include(i => i.Respondents);
        var intake = await (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        return intake is not null && await AllowsAsync(intake, viewer, IntakeOperations.View, cancellationToken) ? intake : null;
    }

    public async Task<bool> AllowsAsync(Intake intake, Viewer viewer, OperationAuthorizationRequirement operation, CancellationToken cancellationToken = default)
    {
        var accepted = intake.Status == IntakeStatus.Accepted
            ? await db.Cases.AsNoTracking().Include(c => c.Lawyers).FirstOrDefaultAsync(c => c.IntakeId == intake.Id, cancellationToken)
            : null;
        return (await authorization.AuthorizeAsync(viewer.AsPrincipal(), new IntakeRecord(intake, accepted), operation)).Succeeded;
    }
}
