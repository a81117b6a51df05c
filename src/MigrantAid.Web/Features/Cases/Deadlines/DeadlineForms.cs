using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Cases.Deadlines;

/// <summary>The part every deadline form shares: the case it is about (shown in the heading), never bound from the request.</summary>
public abstract class DeadlineFormInput : CaseFormHeading
{
    public void Describe(Case c) => DescribeCase(c);
}

/// <summary>A form about one deadline: carries the row version (xmin) it was read at, and shows the deadline.</summary>
public abstract class OneDeadlineInput : DeadlineFormInput
{
    public uint Version { get; set; }

    [BindNever]
    [ValidateNever]
    public DeadlineItem? Deadline { get; set; }
}

/// <summary>
/// Access to a case's deadlines: whoever sees the case may work on its deadlines (like notes); anyone
/// else gets 404, as for a case that does not exist. A deadline of another case is not found either.
/// </summary>
public static class DeadlineGate
{
    public static async Task<Case?> CaseAsync(AppDbContext db, IAuthorizationService authorization, Viewer viewer, Guid caseId, CancellationToken ct)
    {
        var (c, _) = await authorization.LoadCaseAsync(db, viewer, caseId, CaseOperations.View, track: false, ct);
        return c;
    }
}
