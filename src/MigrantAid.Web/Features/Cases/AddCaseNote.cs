using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

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

    public async Task<FormOutcome> HandleAsync(Guid id, AddNoteInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var (c, result) = await authorization.LoadCaseAsync(db, viewer, id, CaseOperations.Edit, track: false, cancellationToken);
        if (c is null)
        {
            return FormOutcome.Refused(result);
        }

        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        CaseEvent note;
        try
        {
            note = c.AddNote(input.Kind!.Value, input.Text!, viewer.UserId, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            errors.Add(Prefix + "." + nameof(input.Text), l[e.Message]);
            return FormOutcome.Invalid;
        }

        // Only the note is inserted. The case row is not saved through its version (a change by someone else
        // since it was read is no reason to refuse a note); its last-changed time is set by a plain UPDATE,
        // which waits for a concurrent save rather than failing on it.
        db.CaseEvents.Add(note);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.Cases.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.UpdatedAt, note.OccurredAt), cancellationToken);
        await audit.RecordAsync(CaseAuditActions.CaseNoteAdded, "case", id.ToString(), new { eventId = note.Id, kind = note.NoteKind?.ToString() }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return FormOutcome.Saved();
    }
}
