using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases.Proceedings;

public sealed class HearingInput : ProceedingFormInput
{
    /// <summary>Wall-clock time in the case office's zone, as a datetime-local input sends it.</summary>
    [Required(ErrorMessage = "Enter the date and time of the hearing.")]
    [Display(Name = "Date and time")]
    public DateTime? StartsAt { get; set; }

    [StringLength(Hearing.TextMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Place")]
    public string? Place { get; set; }

    [StringLength(Hearing.TextMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Result")]
    public string? Result { get; set; }

    [Display(Name = "The hearing was held")]
    public bool IsHeld { get; set; }

    /// <summary>When the court set the next hearing: saving creates it in the same proceeding.</summary>
    [Display(Name = "Next hearing")]
    public DateTime? NextStartsAt { get; set; }

    [StringLength(Hearing.TextMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Place of the next hearing")]
    public string? NextPlace { get; set; }

    [BindNever]
    [ValidateNever]
    public ProceedingHeading? Proceeding { get; set; }
}

/// <summary>
/// Schedules a hearing or records how it went. Times are typed in the case office's zone and stored as instants;
/// a hearing set (and the next one set at a hearing) is a trigger event for deadline rules.
/// </summary>
public sealed class EditHearingHandler(
    AppDbContext db, IAuthorizationService authorization, IAuditLog audit, IDeadlineTriggers triggers, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<HearingInput?> LoadAsync(Guid caseId, Guid proceedingId, Guid? id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (await ProceedingEditor.OpenAsync<Hearing>(db, authorization, viewer, caseId, proceedingId, id, track: false, cancellationToken) is not { } scope)
        {
            return null;
        }

        var (c, time, _, h) = scope;
        var heading = scope.Heading;
        HearingInput input;
        if (h is not null)
        {
            input = new HearingInput { Version = h.Version, StartsAt = time.Local(h.StartsAt), Place = h.Place, Result = h.Result, IsHeld = h.IsHeld };
        }
        else
        {
            // Hearings of a proceeding are usually in the same courtroom: offer the last place typed.
            var lastPlace = await db.Hearings.AsNoTracking().Where(x => x.ProceedingId == proceedingId && x.Place != null)
                .OrderByDescending(x => x.StartsAt).Select(x => x.Place).FirstOrDefaultAsync(cancellationToken);
            input = new HearingInput { Place = lastPlace };
        }

        Describe(input, c, time, heading, id);
        await audit.RecordAsync(ProceedingAuditActions.HearingViewed, id is null ? "proceeding" : "hearing", (id ?? proceedingId).ToString(),
            new { caseId, proceedingId, form = id is null ? "new" : "edit" }, cancellationToken: cancellationToken);
        return input;
    }

    public async Task<FormOutcome> SaveAsync(Guid caseId, Guid proceedingId, Guid? id, HearingInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        if (await ProceedingEditor.OpenAsync<Hearing>(db, authorization, viewer, caseId, proceedingId, id, track: true, cancellationToken) is not { } scope)
        {
            return FormOutcome.NotFound;
        }

        var (c, time, proceeding, stored) = scope;
        Describe(input, c, time, scope.Heading, id);
        input.Place = Blank(input.Place);
        input.Result = Blank(input.Result);
        input.NextPlace = Blank(input.NextPlace);
        var now = clock.GetUtcNow();
        var startsAt = Instant(nameof(input.StartsAt), input.StartsAt, time, proceeding, errors);
        var nextAt = Instant(nameof(input.NextStartsAt), input.NextStartsAt, time, proceeding, errors);
        if (startsAt is { } at && input.IsHeld && at > now)
        {
            errors.Add(nameof(input.IsHeld), l["A hearing that is still to come cannot be marked as held."]);
        }

        if (startsAt is { } from && nextAt is { } next && next <= from)
        {
            errors.Add(nameof(input.NextStartsAt), l["The next hearing must be after this one."]);
        }

        if (!errors.IsValid || startsAt is null)
        {
            return FormOutcome.Invalid;
        }

        if (stored is not null && stored.Version != input.Version)
        {
            return await ConflictAsync(stored.Id, input, time, cancellationToken);
        }

        var userId = viewer.UserId;
        var deadlines = 0;
        var recorded = false;
        Hearing? nextHearing = null;
        async Task SetAsync(Hearing hearing)
        {
            // A hearing recorded after it was held starts no clock.
            if (!hearing.IsHeld)
            {
                var trigger = new DeadlineTrigger(caseId, TriggerEvent.HearingSet, proceeding.Jurisdiction, DateOnly.FromDateTime(time.Local(hearing.StartsAt)),
                    "hearing", hearing.Id, proceeding.Type, proceeding.Instance);
                deadlines += (await triggers.RecordAsync(trigger, userId, cancellationToken)).Count;
                recorded = true;
            }
        }

        if (nextAt is { } nextStart)
        {
            nextHearing = new Hearing(proceedingId, caseId, nextStart, input.NextPlace ?? input.Place, userId, now);
            db.Hearings.Add(nextHearing);
            await SetAsync(nextHearing);
        }

        Task AuditNextAsync() => nextHearing is null
            ? Task.CompletedTask
            : audit.RecordAsync(ProceedingAuditActions.HearingCreated, "hearing", nextHearing.Id.ToString(),
                new { caseId, proceedingId, startsAt = AuditValues.Iso(nextHearing.StartsAt), setAt = id }, cancellationToken: cancellationToken);

        if (stored is null)
        {
            var created = new Hearing(proceedingId, caseId, startsAt.Value, input.Place, userId, now) { Result = input.Result, IsHeld = input.IsHeld };
            db.Hearings.Add(created);
            await SetAsync(created);
            await VersionedSave.SaveAsync(db, async () =>
            {
                await audit.RecordAsync(ProceedingAuditActions.HearingCreated, "hearing", created.Id.ToString(),
                    new { caseId, proceedingId, startsAt = AuditValues.Iso(created.StartsAt), isHeld = created.IsHeld }, cancellationToken: cancellationToken);
                await AuditNextAsync();
            }, cancellationToken);
            return FormOutcome.Saved(created.Id, recorded ? deadlines : null);
        }

        var changes = new ChangeList();
        changes.Value("StartsAt", stored.StartsAt, startsAt.Value);
        changes.Text("Place", stored.Place, input.Place);
        changes.Text("Result", stored.Result, input.Result);
        changes.Value("IsHeld", stored.IsHeld, input.IsHeld);
        if (changes.Count == 0 && nextHearing is null)
        {
            return FormOutcome.Unchanged;
        }

        var dayChanged = DateOnly.FromDateTime(time.Local(stored.StartsAt)) != DateOnly.FromDateTime(time.Local(startsAt.Value));
        stored.StartsAt = startsAt.Value;
        stored.Place = input.Place;
        stored.Result = input.Result;
        stored.IsHeld = input.IsHeld;
        if (dayChanged)
        {
            // Recording the same hearing again moves the deadlines it set earlier.
            await SetAsync(stored);
        }

        VersionedSave.Expect(db, stored, input.Version);
        var saved = await VersionedSave.SaveAsync(db, async () =>
        {
            if (changes.Count > 0)
            {
                await audit.RecordAsync(ProceedingAuditActions.HearingUpdated, "hearing", stored.Id.ToString(), new { caseId, proceedingId, changes = changes.Changes }, cancellationToken: cancellationToken);
            }

            await AuditNextAsync();
        }, cancellationToken);
        return saved
            ? FormOutcome.Saved(stored.Id, recorded ? deadlines : null)
            : await ConflictAsync(stored.Id, input, time, cancellationToken);
    }

    /// <summary>The typed wall-clock time as an instant, or null with the reason at the field.</summary>
    private DateTimeOffset? Instant(string field, DateTime? local, OfficeTime time, CourtProceeding proceeding, FormErrors errors)
    {
        if (local is not { } wall)
        {
            return null;
        }

        if (!LocalTimes.InRange(wall))
        {
            errors.Add(field, l["Enter a date between {0} and {1}.", LocalTimes.FirstYear, LocalTimes.LastYear]);
            return null;
        }

        if (LocalTimes.ToInstant(wall, time.Zone) is not { } instant)
        {
            errors.Add(field, l["This time does not exist in the time zone {0} (the clocks move forward then). Enter another time.", time.ZoneId]);
            return null;
        }

        if (DateOnly.FromDateTime(wall) < proceeding.OpenedOn)
        {
            errors.Add(field, l["A hearing cannot be before the proceeding opened ({0}).", CaseText.Date(proceeding.OpenedOn)]);
            return null;
        }

        return instant;
    }

    private static void Describe(HearingInput input, Case c, OfficeTime time, ProceedingHeading heading, Guid? id)
    {
        var path = $"/cases/{c.Id}/proceedings/{heading.Id}/hearings";
        input.Describe(c, time, id is { } h ? $"{path}/{h}/edit" : $"{path}/new", isNew: id is null);
        input.Proceeding = heading;
    }

    private async Task<FormOutcome> ConflictAsync(Guid id, HearingInput input, OfficeTime time, CancellationToken cancellationToken)
    {
        var current = await db.Hearings.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (current is null)
        {
            return FormOutcome.NotFound;
        }

        return input.ShowConflict(
        [
            new(l["Date and time"], CaseText.Instant(time.Local(current.StartsAt))),
            new(l["Place"], current.Place ?? "—"),
            new(l["Result"], current.Result ?? "—"),
            new(l["The hearing was held"], current.IsHeld ? l["Yes"] : l["No"]),
        ], current.Version, l["Someone else changed this hearing while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead."]);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
