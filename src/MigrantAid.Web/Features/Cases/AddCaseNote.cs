using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Cases;

public sealed class AddNoteInput
{
    [Required(ErrorMessage = "Choose the kind of note.")]
    [Display(Name = "Kind of note")]
    public NoteKind? Kind { get; set; } = NoteKind.Interview;

    [Required(ErrorMessage = "Write the note.")]
    [StringLength(CaseEvent.TextMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Note")]
    public string? Text { get; set; }
}

/// <summary>
/// Adds a note to the timeline. A note overwrites nothing, so it does not carry the row version:
/// two people noting a call at the same time both keep their note.
/// </summary>
public sealed class AddCaseNoteHandler(AppDbContext db, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const string Prefix = "Note";

    public async Task<CaseChangeOutcome> HandleAsync(Guid id, AddNoteInput input, ClaimsPrincipal user, ModelStateDictionary modelState, CancellationToken cancellationToken = default)
    {
        var (c, result) = await CaseGate.LoadAsync(db, authorization, user, id, CaseOperations.Edit, track: true, cancellationToken);
        if (c is null)
        {
            return result == CaseGateResult.Forbidden ? CaseChangeOutcome.Forbidden : CaseChangeOutcome.NotFound;
        }

        if (!modelState.IsValid)
        {
            return CaseChangeOutcome.Invalid;
        }

        CaseEvent note;
        try
        {
            note = c.AddNote(input.Kind!.Value, input.Text!, user.Id(), clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            modelState.AddModelError(Prefix + "." + nameof(input.Text), l[e.Message]);
            return CaseChangeOutcome.Invalid;
        }

        var saved = await VersionedSave.SaveAsync(db, c, c.Version,
            () => audit.RecordAsync(CaseAuditActions.CaseNoteAdded, "case", id.ToString(), new { eventId = note.Id, kind = note.NoteKind?.ToString() }, cancellationToken: cancellationToken),
            cancellationToken);
        if (!saved)
        {
            modelState.AddModelError(Prefix + "." + nameof(input.Text), l["The case changed while the note was being saved. Your note is kept here: add it again."]);
            return CaseChangeOutcome.Conflict;
        }

        return CaseChangeOutcome.Saved;
    }
}
