using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Clients;

/// <summary>The client's data-processing consent: given, refused or withdrawn, on a date, for a scope.</summary>
public sealed class RecordConsentInput : ClientDetailInput
{
    public const int ScopeMaxLength = 1000;

    public static readonly IReadOnlyList<ConsentStatus> Choices = [ConsentStatus.Given, ConsentStatus.Refused, ConsentStatus.Withdrawn];

    [Required(ErrorMessage = "Choose whether consent was given, refused or withdrawn.")]
    [Display(Name = "Consent")]
    public ConsentStatus? Status { get; set; }

    [Required(ErrorMessage = "Enter the date.")]
    [Display(Name = "Date")]
    public DateOnly? Date { get; set; }

    [StringLength(ScopeMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Scope (what the client agreed to)")]
    public string? Scope { get; set; }

    public void Validate(FormErrors errors, DateOnly today, IStringLocalizer l)
    {
        if (Status is { } status && !Choices.Contains(status))
        {
            errors.Add(nameof(Status), l["Choose whether consent was given, refused or withdrawn."]);
        }

        if (Date is { } date && date > today)
        {
            errors.Add(nameof(Date), l["The date cannot be in the future."]);
        }
    }
}

/// <summary>What a saved consent leaves the viewer (<see cref="FormOutcome.Data"/>).</summary>
public enum ConsentVisibility
{
    StillVisible,

    /// <summary>Consent was withdrawn and the viewer is not among those who may still see the record.</summary>
    NowHidden,
}

/// <summary>Records consent by the signed-in user; a withdrawal restricts the record (see <see cref="CaseAccess"/>).</summary>
public sealed class RecordConsentHandler(AppDbContext db, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private readonly ClientRecords _records = new(db, audit, clock);

    public Task<ClientHeading?> HeadingAsync(Guid id, Viewer viewer, CancellationToken cancellationToken) =>
        _records.HeadingAsync(viewer, id, cancellationToken);

    public Task<DateOnly> TodayAsync(Viewer viewer, CancellationToken cancellationToken) =>
        _records.TodayAsync(viewer.OfficeId, null, cancellationToken);

    /// <summary>Saved with <see cref="ConsentVisibility"/> as its data; not found when the viewer may not see the client.</summary>
    public async Task<FormOutcome> HandleAsync(Guid id, RecordConsentInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var client = await _records.LoadAsync(viewer, id, cancellationToken);
        if (client is null)
        {
            return FormOutcome.NotFound;
        }

        input.Validate(errors, await TodayAsync(viewer, cancellationToken), l);
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        var before = client.ConsentStatus;
        var record = client.RecordConsent(input.Status!.Value, input.Date!.Value, ClientFields.Blank(input.Scope), viewer.UserId, _records.Now);
        var saved = await _records.SaveAsync(ClientAuditActions.Updated, id, ClientRecords.Changes(
            [new(nameof(Client.ConsentStatus), before.ToString(), $"{record.Status} {ClientValues.Format(record.Date)}")]),
            cancellationToken);
        if (!saved)
        {
            return ClientRecords.Conflict(l);
        }

        var visible = await _records.Visible(viewer).AnyAsync(c => c.Id == id, cancellationToken);
        return FormOutcome.Saved(id, visible ? ConsentVisibility.StillVisible : ConsentVisibility.NowHidden);
    }
}
