using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;

namespace MigrantAid.Web.Features.Intake;

/// <summary>What saving a step (or a decision) came to.</summary>
public enum IntakeOutcome
{
    Saved,
    Invalid,
    Conflict,
    NotFound,

    /// <summary>The intake is decided (accepted or rejected) and no longer changes here.</summary>
    Closed,
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

    public void ShowConflict(uint storedVersion, ModelStateDictionary modelState, string message)
    {
        Conflicted = true;
        Version = storedVersion;
        modelState.Remove(nameof(Version));
        modelState.AddModelError("", message);
    }
}

/// <summary>What the intake steps share about saving: the stored version (after a conflict) and the furthest step reached.</summary>
internal static class IntakeSaving
{
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
