using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases.Proceedings;

/// <summary>What a hearing or decision form works on; <paramref name="Stored"/> is null when one is added.</summary>
internal sealed record ProceedingRecordScope<T>(Case Case, OfficeTime Time, CourtProceeding Proceeding, T? Stored)
    where T : class
{
    public ProceedingHeading Heading => ProceedingAccess.Heading(Proceeding);
}

/// <summary>What tells the hearing and decision forms apart: where they are, how the audit names them, their row version.</summary>
/// <param name="Segment">The address segment below the proceeding ("hearings").</param>
/// <param name="Kind">The audit entity of one record ("hearing").</param>
/// <param name="ViewedAction">The audit action of opening the form.</param>
internal sealed record ProceedingRecordForm<T>(string Segment, string Kind, string ViewedAction, Func<T, uint> Version);

/// <summary>The part the hearing and decision inputs share: the proceeding they belong to, as the heading shows it.</summary>
public abstract class ProceedingRecordInput : ProceedingFormInput
{
    [BindNever]
    [ValidateNever]
    public ProceedingHeading? Proceeding { get; set; }
}

/// <summary>
/// What the hearing and decision forms share, to show them and to save them: the opening (the case, which the user
/// must be allowed to change, the proceeding of that case, and the record of that proceeding being edited: anything
/// missing or out of the user's reach is not found alike), the form's address and heading, the audit of its
/// opening, the version check and the stored values shown on a conflict.
/// </summary>
internal sealed class ProceedingEditor<T>(AppDbContext db, IAuthorizationService authorization, IAuditLog audit, ProceedingRecordForm<T> form)
    where T : class, IProceedingRecord
{
    /// <param name="track">Whether the record edited is tracked for saving.</param>
    public async Task<ProceedingRecordScope<T>?> OpenAsync(Viewer viewer, Guid caseId, Guid proceedingId, Guid? id, bool track, CancellationToken cancellationToken)
    {
        var (c, time) = await ProceedingAccess.OpenAsync(db, authorization, viewer, caseId, cancellationToken);
        var proceeding = c is null ? null : await ProceedingAccess.ProceedingAsync(db, caseId, proceedingId, cancellationToken);
        if (c is null || proceeding is null)
        {
            return null;
        }

        if (id is not { } recordId)
        {
            return new(c, time, proceeding, null);
        }

        var records = track ? db.Set<T>() : db.Set<T>().AsNoTracking();
        var stored = await records.FirstOrDefaultAsync(x => x.Id == recordId && x.ProceedingId == proceedingId && x.CaseId == caseId, cancellationToken);
        return stored is null ? null : new(c, time, proceeding, stored);
    }

    /// <summary>The form's case, time zone, address and proceeding heading.</summary>
    public void Describe(ProceedingRecordInput input, ProceedingRecordScope<T> scope, Guid? id)
    {
        var path = $"/cases/{scope.Case.Id}/proceedings/{scope.Proceeding.Id}/{form.Segment}";
        input.Describe(scope.Case, scope.Time, id is { } recordId ? $"{path}/{recordId}/edit" : $"{path}/new", isNew: id is null);
        input.Proceeding = scope.Heading;
    }

    /// <summary>Audits the opening of the form (to add a record: entity "proceeding"; to edit one: the record).</summary>
    public Task ShownAsync(Guid caseId, Guid proceedingId, Guid? id, CancellationToken cancellationToken) =>
        audit.RecordAsync(form.ViewedAction, id is null ? "proceeding" : form.Kind, (id ?? proceedingId).ToString(),
            new { caseId, proceedingId, form = id is null ? "new" : "edit" }, cancellationToken: cancellationToken);

    /// <summary>Whether the record was saved by someone else since the form was read.</summary>
    public bool IsStale(T stored, ProceedingRecordInput input) => form.Version(stored) != input.Version;

    /// <summary>Someone else saved: the values stored now, or not found when the record is gone.</summary>
    public async Task<FormOutcome> ConflictAsync(Guid id, ProceedingRecordInput input, Func<T, Task<IReadOnlyList<StoredValue>>> values, string message,
        CancellationToken cancellationToken)
    {
        var current = await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        return current is null ? FormOutcome.NotFound : input.ShowConflict(await values(current), form.Version(current), message);
    }
}

/// <summary>Text typing habits the proceedings forms share.</summary>
internal static class ProceedingText
{
    /// <summary>Trimmed text, or null when nothing but blanks was typed.</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
