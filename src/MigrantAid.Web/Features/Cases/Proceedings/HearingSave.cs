using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases.Proceedings;

/// <summary>
/// One save of a hearing's form, once it is valid and not stale: the hearing added or changed, the next hearing the
/// court set (added in the same proceeding), the deadlines a hearing set starts, and the audit of each, in one save.
/// </summary>
/// <param name="id">The hearing edited (null when one is added): the audit of a next hearing says where it was set.</param>
internal sealed class HearingSave(
    AppDbContext db, IAuditLog audit, IDeadlineTriggers triggers, ProceedingRecordScope<Hearing> scope, Guid? id, Guid userId, DateTimeOffset now)
{
    private int _deadlines;
    private bool _recorded;
    private Hearing? _next;

    private CourtProceeding Proceeding => scope.Proceeding;

    /// <summary>How many deadlines the hearings set started or moved; null when none was set still to be held.</summary>
    public int? Deadlines => _recorded ? _deadlines : null;

    /// <summary>Adds the next hearing when the court set one (at the place typed for it, else at this hearing's place).</summary>
    public async Task AddNextAsync(DateTimeOffset? startsAt, HearingInput input, CancellationToken cancellationToken)
    {
        if (startsAt is { } nextStart)
        {
            _next = new Hearing(Proceeding.Id, Proceeding.CaseId, nextStart, input.NextPlace ?? input.Place, userId, now);
            db.Hearings.Add(_next);
            await SetAsync(_next, cancellationToken);
        }
    }

    public async Task<Guid> CreateAsync(DateTimeOffset startsAt, HearingInput input, CancellationToken cancellationToken)
    {
        var created = new Hearing(Proceeding.Id, Proceeding.CaseId, startsAt, input.Place, userId, now) { Result = input.Result, IsHeld = input.IsHeld };
        db.Hearings.Add(created);
        await SetAsync(created, cancellationToken);
        await VersionedSave.SaveAsync(db, async () =>
        {
            await audit.RecordAsync(ProceedingAuditActions.HearingCreated, "hearing", created.Id.ToString(),
                new { caseId = Proceeding.CaseId, proceedingId = Proceeding.Id, startsAt = AuditValues.Iso(created.StartsAt), isHeld = created.IsHeld },
                cancellationToken: cancellationToken);
            await AuditNextAsync(cancellationToken);
        }, cancellationToken);
        return created.Id;
    }

    /// <returns>Unchanged when nothing was changed and no next hearing set; saved; or null when someone else saved in between.</returns>
    public async Task<FormOutcome?> UpdateAsync(Hearing stored, DateTimeOffset startsAt, HearingInput input, CancellationToken cancellationToken)
    {
        var changes = new ChangeList();
        changes.Value("StartsAt", stored.StartsAt, startsAt);
        changes.Text("Place", stored.Place, input.Place);
        changes.Text("Result", stored.Result, input.Result);
        changes.Value("IsHeld", stored.IsHeld, input.IsHeld);
        if (changes.Count == 0 && _next is null)
        {
            return FormOutcome.Unchanged;
        }

        var dayChanged = Day(stored.StartsAt) != Day(startsAt);
        stored.StartsAt = startsAt;
        stored.Place = input.Place;
        stored.Result = input.Result;
        stored.IsHeld = input.IsHeld;
        if (dayChanged)
        {
            // Recording the same hearing again moves the deadlines it set earlier.
            await SetAsync(stored, cancellationToken);
        }

        VersionedSave.Expect(db, stored, input.Version);
        var saved = await VersionedSave.SaveAsync(db, async () =>
        {
            if (changes.Count > 0)
            {
                await audit.RecordAsync(ProceedingAuditActions.HearingUpdated, "hearing", stored.Id.ToString(),
                    new { caseId = Proceeding.CaseId, proceedingId = Proceeding.Id, changes = changes.Changes }, cancellationToken: cancellationToken);
            }

            await AuditNextAsync(cancellationToken);
        }, cancellationToken);
        return saved ? FormOutcome.Saved(stored.Id, Deadlines) : null;
    }

    /// <summary>A hearing set is a trigger event; one recorded after it was held starts no clock.</summary>
    private async Task SetAsync(Hearing hearing, CancellationToken cancellationToken)
    {
        if (!hearing.IsHeld)
        {
            var trigger = new DeadlineTrigger(Proceeding.CaseId, TriggerEvent.HearingSet, Proceeding.Jurisdiction, Day(hearing.StartsAt),
                "hearing", hearing.Id, Proceeding.Type, Proceeding.Instance);
            _deadlines += (await triggers.RecordAsync(trigger, userId, cancellationToken)).Count;
            _recorded = true;
        }
    }

    private Task AuditNextAsync(CancellationToken cancellationToken) => _next is null
        ? Task.CompletedTask
        : audit.RecordAsync(ProceedingAuditActions.HearingCreated, "hearing", _next.Id.ToString(),
            new { caseId = Proceeding.CaseId, proceedingId = Proceeding.Id, startsAt = AuditValues.Iso(_next.StartsAt), setAt = id }, cancellationToken: cancellationToken);

    private DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(scope.Time.Local(instant));
}
