using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Clients;

/// <summary>An entry into a country and, once known, the exit: the input of the 90/180-day calculator.</summary>
public sealed class AddStayInput : ClientDetailInput
{
    [Required(ErrorMessage = "Choose a country.")]
    [KnownCountryOrEmpty(ErrorMessage = "Choose a country from the list.")]
    [Display(Name = "Country")]
    public string Country { get; set; } = ViewClientHandler.Russia;

    [Required(ErrorMessage = "Enter the entry date.")]
    [Display(Name = "Entry date")]
    public DateOnly? EntryDate { get; set; }

    [Display(Name = "Exit date")]
    public DateOnly? ExitDate { get; set; }

    public void Validate(ModelStateDictionary modelState, DateOnly today, IStringLocalizer l)
    {
        if (EntryDate is { } entry && entry > today)
        {
            modelState.AddModelError(nameof(EntryDate), l["The entry date cannot be in the future."]);
        }

        if (EntryDate is { } from && ExitDate is { } to && to < from)
        {
            modelState.AddModelError(nameof(ExitDate), l["The exit date cannot be before the entry date."]);
        }
    }
}

public sealed class AddStayHandler(AppDbContext db, IAuditLog audit, TimeProvider clock)
{
    private readonly ClientRecords _records = new(db, audit, clock);

    public Task<ClientHeading?> HeadingAsync(Guid id, Viewer viewer, CancellationToken cancellationToken) =>
        _records.HeadingAsync(viewer, id, cancellationToken);

    public Task<DateOnly> TodayAsync(Viewer viewer, CancellationToken cancellationToken) =>
        _records.TodayAsync(viewer.OfficeId, null, cancellationToken);

    public async Task<ClientChangeOutcome> HandleAsync(Guid id, AddStayInput input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var client = await _records.LoadAsync(viewer, id, cancellationToken);
        if (client is null)
        {
            return ClientChangeOutcome.NotFound;
        }

        var stay = client.AddStay(input.Country, input.EntryDate!.Value, input.ExitDate);
        var saved = await _records.SaveAsync(ClientAuditActions.Updated, id, ClientRecords.Changes(
            [new("Stays", null, $"{stay.Country} {ClientValues.Format(stay.EntryDate)}..{ClientValues.Format(stay.ExitDate)}")]),
            cancellationToken);
        return saved ? ClientChangeOutcome.Saved : ClientChangeOutcome.Conflict;
    }
}
