using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Privacy;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Clients;

/// <summary>A client's request to be forgotten: the day they asked (the person who takes it is the signed-in coordinator).</summary>
public sealed class EraseClientInput : ClientDetailInput
{
    [Required(ErrorMessage = "Enter the date.")]
    [Display(Name = "The day the client asked")]
    public DateOnly? RequestedOn { get; set; }

    /// <summary>A case of the client's is open: the request will wait.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public bool WillWait { get; set; }
}

/// <summary>A case that holds the request back: the client is on it and it is not closed.</summary>
public sealed record ErasureBlocker(Guid CaseId, string Reference, CaseStatus Status);

/// <summary>
/// The erasure page: what holds the request back, else what carrying it out would change now (a dry run: the same
/// anonymisation in a transaction rolled back), and whether a request is already waiting.
/// </summary>
public sealed record ErasurePage(EraseClientInput Input, IReadOnlyList<ErasureBlocker> OpenCases, AnonymisationCounts? Preview, DateOnly? WaitingSince);

/// <summary>What a recorded request did (<see cref="FormOutcome.Data"/>).</summary>
public enum ErasureResult
{
    Erased,
    Waiting,
}

/// <summary>
/// Erasure on request (issue 15, point 4), by coordinators: records the request with its date and who took it, and
/// anonymises the client everywhere at once (<see cref="Erasure"/>) unless a case of theirs is open; then the request
/// waits, is listed on the retention page, and the daily run carries it out once the last open case is closed.
/// </summary>
public sealed class EraseClientHandler(AppDbContext db, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l, ILogger<EraseClientHandler> logger)
{
    private readonly ClientRecords _records = new(db, audit, clock);

    /// <summary>Null (404) for anyone but a coordinator, for a client not visible, and for one already anonymised.</summary>
    public async Task<ErasurePage?> PageAsync(Guid id, Viewer viewer, EraseClientInput? typed, CancellationToken cancellationToken = default)
    {
        var state = await StateAsync(id, viewer, cancellationToken);
        if (state is not { } s)
        {
            return null;
        }

        var open = await OpenCasesAsync(id, cancellationToken);
        AnonymisationCounts? preview = null;
        if (open.Count == 0)
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                preview = await Erasure.ApplyAsync(db, [id], clock.GetUtcNow(), cancellationToken);
                await transaction.RollbackAsync(cancellationToken);
            }

            await audit.RecordAsync(PrivacyAuditActions.ErasurePreviewed, "client", id.ToString(),
                new { preview.Cases, preview.Intakes, preview.Clients }, cancellationToken: cancellationToken);
        }

        var input = typed ?? new EraseClientInput { RequestedOn = s.WaitingSince ?? await _records.TodayAsync(viewer.OfficeId, null, cancellationToken) };
        input.Client = s.Heading;
        input.WillWait = open.Count > 0;
        return new ErasurePage(input, open, preview, s.WaitingSince);
    }

    public async Task<FormOutcome> HandleAsync(Guid id, EraseClientInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        if (await StateAsync(id, viewer, cancellationToken) is null)
        {
            return FormOutcome.NotFound;
        }

        if (input.RequestedOn is { } on && on > await _records.TodayAsync(viewer.OfficeId, null, cancellationToken))
        {
            errors.Add(nameof(input.RequestedOn), l["The date cannot be in the future."]);
        }

        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        var client = await _records.Visible(viewer).FirstAsync(c => c.Id == id, cancellationToken);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        client.RecordErasureRequest(input.RequestedOn!.Value, viewer.UserId, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return ClientRecords.Conflict(l);
        }

        await audit.RecordAsync(PrivacyAuditActions.ErasureRequested, "client", id.ToString(), new { requestedOn = input.RequestedOn }, cancellationToken: cancellationToken);

        if (await Erasure.OpenCasesOf(db, id).AnyAsync(cancellationToken))
        {
            await transaction.CommitAsync(cancellationToken);
            return FormOutcome.Saved(id, ErasureResult.Waiting);
        }

        var counts = await Erasure.ApplyAsync(db, [id], now, cancellationToken);
        var run = new AnonymisationRun(AnonymisationKind.Erasure, viewer.UserId, now);
        run.Finish(counts, clock.GetUtcNow());
        db.AnonymisationRuns.Add(run);
        await audit.RecordAsync(PrivacyAuditActions.Erased, "client", id.ToString(), new { counts.Cases, counts.Intakes, counts.Clients, run = run.Id },
            cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await Anonymisation.PruneWordsAsync(db, logger, cancellationToken);
        return FormOutcome.Saved(id, ErasureResult.Erased);
    }

    private async Task<(ClientHeading Heading, DateOnly? WaitingSince)?> StateAsync(Guid id, Viewer viewer, CancellationToken cancellationToken)
    {
        if (!viewer.IsCoordinator)
        {
            return null;
        }

        var row = await _records.Editable(viewer).AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { Heading = new ClientHeading(c.Id, c.FullName, c.Patronymic, c.LatinName), c.ErasureRequestedOn })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Heading, row.ErasureRequestedOn);
    }

    private Task<List<ErasureBlocker>> OpenCasesAsync(Guid id, CancellationToken cancellationToken) =>
        Erasure.OpenCasesOf(db, id).OrderBy(k => k.OpenedOn).ThenBy(k => k.Id)
            .Select(k => new ErasureBlocker(k.Id, k.Reference, k.Status)).ToListAsync(cancellationToken);
}
