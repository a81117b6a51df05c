using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.International.TreatyAcceptance;

public sealed class AcceptanceInput
{
    [Required(ErrorMessage = "Choose the state.")]
    [Display(Name = "State")]
    public string? State { get; set; }

    [Required(ErrorMessage = "Choose the body.")]
    [Display(Name = "Body")]
    public InternationalBody? Body { get; set; }

    [Required(ErrorMessage = "Choose the procedure.")]
    [Display(Name = "Procedure")]
    public TreatyProcedure? Procedure { get; set; }

    [Display(Name = "Accepted")]
    public bool IsAccepted { get; set; }

    [Range(1950, 9999, ErrorMessage = "Enter a year from {1}.")]
    [Display(Name = "Since (year)")]
    public int? SinceYear { get; set; }

    [StringLength(AcceptedProcedure.NotesMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Notes")]
    public string? Notes { get; set; }

    /// <summary>Ticked by an administrator who checked the entry against the treaty database: clears "verify".</summary>
    [Display(Name = "Confirmed against the treaty database")]
    public bool Confirmed { get; set; }

    public uint Version { get; set; }

    [BindNever]
    [ValidateNever]
    public int? Id { get; set; }

    [BindNever]
    [ValidateNever]
    public AcceptanceInput? Stored { get; set; }

    public static AcceptanceInput From(AcceptedProcedure a) => new()
    {
        Id = a.Id,
        Version = a.Version,
        State = a.State,
        Body = a.Body,
        Procedure = a.Procedure,
        IsAccepted = a.IsAccepted,
        SinceYear = a.SinceYear,
        Notes = a.Notes,
        Confirmed = !a.NeedsVerification,
    };
}

/// <summary>Administrators add, change and confirm which procedures each state has accepted; every change is audited with old and new values.</summary>
public sealed class SaveAcceptanceHandler(AppDbContext db, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<AcceptanceInput?> LoadAsync(int id, CancellationToken cancellationToken = default)
    {
        var a = await db.AcceptedProcedures.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        return a is null ? null : AcceptanceInput.From(a);
    }

    public async Task<FormOutcome> CreateAsync(AcceptanceInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        if (!await CheckAsync(input, null, errors, cancellationToken))
        {
            return FormOutcome.Invalid;
        }

        var a = new AcceptedProcedure();
        Apply(input, a);
        a.Touch(viewer.UserId, clock.GetUtcNow());
        db.AcceptedProcedures.Add(a);

        // Refused: another administrator added the same entry a moment earlier (unique index).
        var saved = await VersionedSave.TrySaveAsync(db, () => audit.RecordAsync(InternationalAuditActions.AcceptanceCreated, "accepted-procedure",
            a.Id.ToString(CultureInfo.InvariantCulture), new { values = Values(a) }, cancellationToken: cancellationToken), _ => true, cancellationToken);
        if (saved != VersionedSaveResult.Saved)
        {
            return Duplicate(input, errors);
        }

        return FormOutcome.Saved(data: a.Id);
    }

    public async Task<FormOutcome> UpdateAsync(int id, AcceptanceInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var a = await db.AcceptedProcedures.FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (a is null)
        {
            return FormOutcome.NotFound;
        }

        input.Id = id;
        if (!await CheckAsync(input, id, errors, cancellationToken))
        {
            return FormOutcome.Invalid;
        }

        if (a.Version != input.Version)
        {
            return Conflict(input, AcceptanceInput.From(a));
        }

        var before = Values(a);
        Apply(input, a);
        var after = Values(a);
        var changes = before.Where(b => after[b.Key] != b.Value).Select(b => new { field = b.Key, old = b.Value, @new = after[b.Key] }).ToList();
        if (changes.Count == 0)
        {
            return FormOutcome.Unchanged;
        }

        a.Touch(viewer.UserId, clock.GetUtcNow());
        VersionedSave.Expect(db, a, input.Version);
        var saved = await VersionedSave.TrySaveAsync(db, () => audit.RecordAsync(InternationalAuditActions.AcceptanceUpdated, "accepted-procedure",
            id.ToString(CultureInfo.InvariantCulture), new { changes }, cancellationToken: cancellationToken), _ => true, cancellationToken);
        switch (saved)
        {
            case VersionedSaveResult.Conflict:
                var stored = await db.AcceptedProcedures.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
                return stored is null ? FormOutcome.NotFound : Conflict(input, AcceptanceInput.From(stored));
            case VersionedSaveResult.Refused:
                return Duplicate(input, errors);
            default:
                return FormOutcome.Saved();
        }
    }

    /// <summary>Clears "verify" without other changes (the list's quick confirmation).</summary>
    public async Task<FormOutcome> ConfirmAsync(int id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var a = await db.AcceptedProcedures.FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (a is null)
        {
            return FormOutcome.NotFound;
        }

        if (!a.NeedsVerification)
        {
            return FormOutcome.Unchanged;
        }

        a.NeedsVerification = false;
        a.Touch(viewer.UserId, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(InternationalAuditActions.AcceptanceConfirmed, "accepted-procedure", id.ToString(CultureInfo.InvariantCulture),
            new { changes = new[] { new { field = "NeedsVerification", old = "true", @new = "false" } } }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return FormOutcome.Saved();
    }

    private async Task<bool> CheckAsync(AcceptanceInput input, int? id, FormErrors errors, CancellationToken cancellationToken)
    {
        input.State = InternationalChoices.CheckState(input.State, nameof(input.State), errors, l);
        input.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();

        if (input is { State: { } state, Body: { } body, Procedure: { } procedure }
            && await db.AcceptedProcedures.AnyAsync(a => a.State == state && a.Body == body && a.Procedure == procedure && a.Id != id, cancellationToken))
        {
            Duplicate(input, errors);
        }

        return errors.IsValid;
    }

    private static void Apply(AcceptanceInput input, AcceptedProcedure a)
    {
        a.State = input.State!;
        a.Body = input.Body!.Value;
        a.Procedure = input.Procedure!.Value;
        a.IsAccepted = input.IsAccepted;
        a.SinceYear = input.SinceYear;
        a.Notes = input.Notes;
        a.NeedsVerification = !input.Confirmed;
    }

    private static Dictionary<string, string?> Values(AcceptedProcedure a) => new()
    {
        ["State"] = a.State,
        ["Body"] = a.Body.ToString(),
        ["Procedure"] = a.Procedure.ToString(),
        ["IsAccepted"] = a.IsAccepted ? "true" : "false",
        ["SinceYear"] = a.SinceYear?.ToString(CultureInfo.InvariantCulture),
        ["Notes"] = a.Notes,
        ["NeedsVerification"] = a.NeedsVerification ? "true" : "false",
    };

    private FormOutcome Duplicate(AcceptanceInput input, FormErrors errors)
    {
        errors.Add(nameof(input.Procedure), l["This state already has an entry for this procedure of this body."]);
        return FormOutcome.Invalid;
    }

    private FormOutcome Conflict(AcceptanceInput input, AcceptanceInput stored)
    {
        input.Stored = stored;
        input.Version = stored.Version;
        return FormOutcome.Conflict(
            l["Someone else changed this entry while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead."],
            nameof(input.Version));
    }
}
