using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Clients;

/// <summary>A migration document (passport, migration card, registration, patent, residence permit).</summary>
public sealed class AddDocumentInput : ClientDetailInput
{
    public const int NumberMaxLength = 64;

    [EnumDataType(typeof(MigrationDocumentType), ErrorMessage = "Choose a value from the list.")]
    [Display(Name = "Document")]
    public MigrationDocumentType Type { get; set; }

    [StringLength(NumberMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Number")]
    public string? Number { get; set; }

    [KnownCountryOrEmpty(ErrorMessage = "Choose a country from the list.")]
    [Display(Name = "Issued by (country)")]
    public string? IssuingCountry { get; set; }

    [Display(Name = "Issued on")]
    public DateOnly? IssuedOn { get; set; }

    [Display(Name = "Expires on")]
    public DateOnly? ExpiresOn { get; set; }

    public void Validate(ModelStateDictionary modelState, DateOnly today, IStringLocalizer l)
    {
        if (IssuedOn is { } issued && issued > today)
        {
            modelState.AddModelError(nameof(IssuedOn), l["The issue date cannot be in the future."]);
        }

        if (IssuedOn is { } from && ExpiresOn is { } to && to < from)
        {
            modelState.AddModelError(nameof(ExpiresOn), l["The expiry date cannot be before the issue date."]);
        }
    }
}

public sealed class AddDocumentHandler(AppDbContext db, IAuditLog audit, TimeProvider clock)
{
    private readonly ClientRecords _records = new(db, audit, clock);

    public Task<ClientHeading?> HeadingAsync(Guid id, Viewer viewer, CancellationToken cancellationToken) =>
        _records.HeadingAsync(viewer, id, cancellationToken);

    public Task<DateOnly> TodayAsync(Viewer viewer, CancellationToken cancellationToken) =>
        _records.TodayAsync(viewer.OfficeId, null, cancellationToken);

    public async Task<ClientChangeOutcome> HandleAsync(Guid id, AddDocumentInput input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var client = await _records.LoadAsync(viewer, id, cancellationToken);
        if (client is null)
        {
            return ClientChangeOutcome.NotFound;
        }

        var document = client.AddDocument(input.Type, ClientFields.Blank(input.Number), ClientFields.Blank(input.IssuingCountry), input.IssuedOn, input.ExpiresOn);

        // The number stays out of the audit trail; the type and dates say which document it was.
        var saved = await _records.SaveAsync(ClientAuditActions.Updated, id, ClientRecords.Changes(
            [new("Documents", null, $"{document.Type} {ClientValues.Format(document.IssuedOn)}..{ClientValues.Format(document.ExpiresOn)}")]),
            cancellationToken);
        return saved ? ClientChangeOutcome.Saved : ClientChangeOutcome.Conflict;
    }
}
