using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Cases.Proceedings;

/// <summary>What a save came to; <paramref name="Deadlines"/> is set when trigger events were recorded (how many deadlines they made).</summary>
public sealed record ProceedingSaveResult(CaseChangeOutcome Outcome, Guid? Id = null, int? Deadlines = null);

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
    public void ShowConflict(IReadOnlyList<StoredValue> current, uint version, ModelStateDictionary modelState, string message)
    {
        Current = current;
        Version = version;
        modelState.Remove(nameof(Version));
        modelState.AddModelError("", message);
    }
}

/// <summary>Opens a case for a proceedings form: the user must be allowed to change the case; times follow its office.</summary>
internal static class ProceedingAccess
{
    public static async Task<(Case? Case, OfficeTime Time, CaseChangeOutcome Refusal)> OpenAsync(
        AppDbContext db, IAuthorizationService authorization, ClaimsPrincipal user, Guid caseId, CancellationToken cancellationToken)
    {
        var (c, result) = await CaseGate.LoadAsync(db, authorization, user, caseId, CaseOperations.Edit, track: false, cancellationToken);
        if (c is null)
        {
            return (null, OfficeTime.Utc, result == CaseGateResult.Forbidden ? CaseChangeOutcome.Forbidden : CaseChangeOutcome.NotFound);
        }

        return (c, await OfficeTime.OfOfficeAsync(db, c.OfficeId, cancellationToken), CaseChangeOutcome.Saved);
    }

    /// <summary>The case's proceeding a decision or hearing form belongs to; null when the case has no such proceeding.</summary>
    public static Task<CourtProceeding?> ProceedingAsync(AppDbContext db, Guid caseId, Guid proceedingId, CancellationToken cancellationToken) =>
        db.CourtProceedings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == proceedingId && p.CaseId == caseId, cancellationToken);

    /// <summary>The heading a form shows for a loaded proceeding.</summary>
    public static ProceedingHeading Heading(CourtProceeding p) => new(p.Id, p.Instance, p.Type, p.Court, p.CourtCaseNumber, p.OpenedOn);

    public static Task<ProceedingHeading?> HeadingAsync(AppDbContext db, Guid caseId, Guid proceedingId, CancellationToken cancellationToken) =>
        db.CourtProceedings.AsNoTracking()
            .Where(p => p.Id == proceedingId && p.CaseId == caseId)
            .Select(p => new ProceedingHeading(p.Id, p.Instance, p.Type, p.Court, p.CourtCaseNumber, p.OpenedOn))
            .FirstOrDefaultAsync(cancellationToken);
}
