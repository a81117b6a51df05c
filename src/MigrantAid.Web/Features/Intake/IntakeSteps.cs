using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Intake;

/// <summary>What a step's answer is besides the form outcomes: the intake is decided and no longer changes here (nothing was changed).</summary>
public static class IntakeStepOutcome
{
    public static FormOutcome Closed => FormOutcome.Unchanged;
}

/// <summary>Which button sent a step's form.</summary>
public static class IntakeNext
{
    /// <summary>Save and go to the next step.</summary>
    public const string Continue = "continue";

    /// <summary>Save and leave the draft for later.</summary>
    public const string Close = "close";

    /// <summary>Save and stay on the step (e.g. to add another respondent).</summary>
    public const string Stay = "stay";

    /// <summary>Save the triage and submit the intake for a decision.</summary>
    public const string Submit = "submit";
}

/// <summary>The part every step's form shares: the row version it was read at and the button pressed.</summary>
public abstract class IntakeStepInput
{
    public uint Version { get; set; }

    public string? Next { get; set; }

    [BindNever]
    [ValidateNever]
    public IntakeHeader Header { get; set; } = null!;

    /// <summary>The intake was saved by someone else in between (the form now carries the stored version).</summary>
    [BindNever]
    [ValidateNever]
    public bool Conflicted { get; set; }

    /// <summary>The form again with <paramref name="message"/> and the stored version, so that saving again replaces what is stored.</summary>
    public FormOutcome ShowConflict(uint storedVersion, string message)
    {
        Conflicted = true;
        Version = storedVersion;
        return FormOutcome.Conflict(message, nameof(Version));
    }
}

/// <summary>What the intake steps share about saving: the stored version (after a conflict) and the furthest step reached.</summary>
internal static class IntakeSaving
{
    /// <summary>The intake when <paramref name="viewer"/> may still edit it; otherwise not found, or closed (decided).</summary>
    public static async Task<(Domain.Cases.Intake? Intake, FormOutcome? Refused)> OpenAsync(IntakeGate gate, Guid id, Viewer viewer, bool track,
        CancellationToken cancellationToken)
    {
        var intake = await gate.LoadAsync(id, viewer, track, cancellationToken);
        if (intake is null)
        {
            return (null, FormOutcome.NotFound);
        }

        return await gate.AllowsAsync(intake, viewer, IntakeOperations.Edit) ? (intake, null) : (null, IntakeStepOutcome.Closed);
    }

    /// <summary>Someone else saved the intake in between: the form again with the stored version and what to do.</summary>
    public static async Task<FormOutcome> ConflictAsync(AppDbContext db, Guid id, IntakeStepInput input, IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken) =>
        input.ShowConflict(await StoredVersionAsync(db, id, cancellationToken), ConflictMessage(l));

    public static string ConflictMessage(IStringLocalizer<SharedResource> l) =>
        l["Someone else saved this intake while you were working on it, and nothing was overwritten. Your entries are kept here: check the intake's page for what is stored now, then save again to replace it."];

    public static Task<uint> StoredVersionAsync(AppDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Intakes.AsNoTracking().Where(i => i.Id == id).Select(i => i.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The furthest step reached; going back to an earlier step does not forget the later ones.</summary>
    public static void Reach(Domain.Cases.Intake intake, IntakeStep step)
    {
        if (intake.Status == IntakeStatus.Draft && step > intake.Step)
        {
            intake.Step = step;
        }
    }
}
