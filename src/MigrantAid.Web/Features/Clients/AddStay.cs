using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared.Forms;

namespace MigrantAid.Web.Features.Clients;

/// <summary>An entry into a country and, once known, the exit: the input of the 90/180-day calculator.</summary>
public sealed class AddStayInput : ClientDetailInput, IClientDetailInput
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

    public void Validate(FormErrors errors, DateOnly today, IStringLocalizer l)
    {
        if (EntryDate is { } entry && entry > today)
        {
            errors.Add(nameof(EntryDate), l["The entry date cannot be in the future."]);
        }

        if (EntryDate is { } from && ExitDate is { } to && to < from)
        {
            errors.Add(nameof(ExitDate), l["The exit date cannot be before the entry date."]);
        }
    }

    public FieldChange AddTo(Client client, DateTimeOffset now)
    {
        var stay = client.AddStay(Country, EntryDate!.Value, ExitDate);
        return new("Stays", null, $"{stay.Country} {ClientValues.Format(stay.EntryDate)}..{ClientValues.Format(stay.ExitDate)}");
    }
}
