using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases.Proceedings;

/// <summary>
/// Schedules a hearing or records how it went. Times are typed in the case office's zone and stored as instants;
/// a hearing set (and the next one set at a hearing) is a trigger event for deadline rules (see <see cref="HearingSave"/>).
/// </summary>
public sealed class EditHearingHandler(
    AppDbContext db, IAuthorizationService authorization, IAuditLog audit, IDeadlineTriggers triggers, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private static readonly ProceedingRecordForm<Hearing> Form = new("hearings", "hearing", ProceedingAuditActions.HearingViewed, h => h.Version);

    private readonly ProceedingEditor<Hearing> _editor = new(db, authorization, audit, Form);

    public async Task<HearingInput?> LoadAsync(Guid caseId, Guid proceedingId, Guid? id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (await _editor.OpenAsync(viewer, caseId, proceedingId, id, track: false, cancellationToken) is not { } scope)
        {
            return null;
        }

        HearingInput input;
        if (scope.Stored is { } h)
        {
            input = new HearingInput { Version = h.Version, StartsAt = scope.Time.Local(h.StartsAt), Place = h.Place, Result = h.Result, IsHeld = h.IsHeld };
        }
        else
        {
            // Hearings of a proceeding are usually in the same courtroom: offer the last place typed.
            var lastPlace = await db.Hearings.AsNoTracking().Where(x => x.ProceedingId == proceedingId && x.Place != null)
                .OrderByDescending(x => x.StartsAt).Select(x => x.Place).FirstOrDefaultAsync(cancellationToken);
            input = new HearingInput { Place = lastPlace };
        }

        _editor.Describe(input, scope, id);
        await _editor.ShownAsync(caseId, proceedingId, id, cancellationToken);
        return input;
    }

    public async Task<FormOutcome> SaveAsync(Guid caseId, Guid proceedingId, Guid? id, HearingInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        if (await _editor.OpenAsync(viewer, caseId, proceedingId, id, track: true, cancellationToken) is not { } scope)
        {
            return FormOutcome.NotFound;
        }

        _editor.Describe(input, scope, id);
        input.Place = ProceedingText.Blank(input.Place);
        input.Result = ProceedingText.Blank(input.Result);
        input.NextPlace = ProceedingText.Blank(input.NextPlace);
        var now = clock.GetUtcNow();
        var times = HearingValidation.Validate(input, scope.Time, scope.Proceeding, now, errors, l);
        if (!errors.IsValid || times.StartsAt is not { } startsAt)
        {
            return FormOutcome.Invalid;
        }

        var stored = scope.Stored;
        if (stored is not null && _editor.IsStale(stored, input))
        {
            return await ConflictAsync(stored.Id, input, scope.Time, cancellationToken);
        }

        var save = new HearingSave(db, audit, triggers, scope, id, viewer.UserId, now);
        await save.AddNextAsync(times.NextStartsAt, input, cancellationToken);
        if (stored is null)
        {
            return FormOutcome.Saved(await save.CreateAsync(startsAt, input, cancellationToken), save.Deadlines);
        }

        return await save.UpdateAsync(stored, startsAt, input, cancellationToken) ?? await ConflictAsync(stored.Id, input, scope.Time, cancellationToken);
    }

    private Task<FormOutcome> ConflictAsync(Guid id, HearingInput input, OfficeTime time, CancellationToken cancellationToken) =>
        _editor.ConflictAsync(id, input, current => Task.FromResult<IReadOnlyList<StoredValue>>(
        [
            new(l["Date and time"], CaseText.Instant(time.Local(current.StartsAt))),
            new(l["Place"], current.Place ?? "—"),
            new(l["Result"], current.Result ?? "—"),
            new(l["The hearing was held"], current.IsHeld ? l["Yes"] : l["No"]),
        ]), l["Someone else changed this hearing while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead."],
        cancellationToken);
}
