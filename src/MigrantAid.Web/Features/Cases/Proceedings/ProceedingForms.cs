using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Cases.Proceedings;

/// <summary>A stored value shown when someone else saved in between.</summary>
public sealed record StoredValue(string Label, string Value);

/// <summary>The proceeding a hearing or decision form is about, as its heading shows it.</summary>
public sealed record ProceedingHeading(Guid Id, CourtInstance Instance, ProceedingType Type, string Court, string? CourtCaseNumber, DateOnly OpenedOn);

/// <summary>The part every proceedings form shares: the row version it was read at, and the case it is about.</summary>
public abstract class ProceedingFormInput : CaseFormHeading
{
    /// <summary>The row version (xmin) an edit form was read at; a save against a newer row is refused. Unused when adding.</summary>
    public uint Version { get; set; }

    /// <summary>The case office's time zone, in which times are typed and shown.</summary>
    [BindNever]
    [ValidateNever]
    public string TimeZoneId { get; set; } = "";

    [BindNever]
    [ValidateNever]
    public bool IsNew { get; set; }

    /// <summary>Where the form posts.</summary>
    [BindNever]
    [ValidateNever]
    public string FormAction { get; set; } = "";

    /// <summary>Set when someone else saved in between: the values stored now.</summary>
    [BindNever]
    [ValidateNever]
    public IReadOnlyList<StoredValue>? Current { get; set; }

    public void Describe(Case c, OfficeTime time, string formAction, bool isNew)
    {
        DescribeCase(c);
        TimeZoneId = time.ZoneId;
        FormAction = formAction;
        IsNew = isNew;
    }

    /// <summary>Someone else saved: show their values and take the stored version, so saving again is a deliberate choice.</summary>
    public FormOutcome ShowConflict(IReadOnlyList<StoredValue> current, uint version, string message)
    {
        Current = current;
        Version = version;
        return FormOutcome.Conflict(message, nameof(Version));
    }
}

/// <summary>Opens a case for a proceedings form: the user must be allowed to change the case; times follow its office.</summary>
internal static class ProceedingAccess
{
    /// <returns>No case when it is missing, not visible or not to be changed by the user: the pages answer 404 alike.</returns>
    public static async Task<(Case? Case, OfficeTime Time)> OpenAsync(
        AppDbContext db, IAuthorizationService authorization, Viewer viewer, Guid caseId, CancellationToken cancellationToken)
    {
        var (c, _) = await authorization.LoadCaseAsync(db, viewer, caseId, CaseOperations.Edit, track: false, cancellationToken);
        return c is null ? (null, OfficeTime.Utc) : (c, await OfficeTime.OfOfficeAsync(db, c.OfficeId, cancellationToken));
    }

    /// <summary>The case's proceeding a decision or hearing form belongs to; null when the case has no such proceeding.</summary>
    public static Task<CourtProceeding?> ProceedingAsync(AppDbContext db, Guid caseId, Guid proceedingId, CancellationToken cancellationToken) =>
        db.CourtProceedings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == proceedingId && p.CaseId == caseId, cancellationToken);

    /// <summary>The heading a form shows for a loaded proceeding.</summary>
    public static ProceedingHeading Heading(CourtProceeding p) => new(p.Id, p.Instance, p.Type, p.Court, p.CourtCaseNumber, p.OpenedOn);
}
