using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Intake;

public sealed record CategoryOption(int Id, string Group, string Name);

public sealed class RespondentInput
{
    [StringLength(Respondent.NameMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Respondent's name")]
    public string? Name { get; set; }

    [Display(Name = "Type")]
    public RespondentType? Type { get; set; }

    [Display(Name = "Sector")]
    public Sector? Sector { get; set; }
}

public sealed class IntakeComplaintInput : IntakeStepInput
{
    public const int WishesMaxLength = 4000;
    public const int CityMaxLength = 120;

    [Display(Name = "Categories")]
    public List<int> CategoryIds { get; set; } = [];

    [Display(Name = "Country")]
    public string? IncidentCountry { get; set; }

    [StringLength(CityMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "City or place")]
    public string? IncidentCity { get; set; }

    [Display(Name = "From")]
    public DateOnly? IncidentFrom { get; set; }

    [Display(Name = "To")]
    public DateOnly? IncidentTo { get; set; }

    public List<RespondentInput> Respondents { get; set; } = [];

    [StringLength(Domain.Cases.Intake.AccountMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "The account in the client's words")]
    public string? Account { get; set; }

    [StringLength(WishesMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "What the client wants")]
    public string? ClientWishes { get; set; }

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<CategoryOption> Categories { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<RespondentConflict> Conflicts { get; set; } = [];
}

/// <summary>Step 2: what happened, where and when, against whom; respondents are checked against the clients.</summary>
public sealed class IntakeComplaintStepHandler(AppDbContext db, IntakeGate gate, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>Empty respondent rows offered below the filled ones.</summary>
    public const int BlankRows = 1;

    public async Task<(IntakeComplaintInput? Model, FormOutcome Outcome)> LoadAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (intake, refused) = await IntakeSaving.OpenAsync(gate, id, viewer, track: false, cancellationToken);
        if (intake is null)
        {
            return (null, refused!);
        }

        var model = new IntakeComplaintInput
        {
            Version = intake.Version,
            CategoryIds = intake.CategoryIds.ToList(),
            IncidentCountry = intake.IncidentCountry,
            IncidentCity = intake.IncidentCity,
            IncidentFrom = intake.IncidentFrom,
            IncidentTo = intake.IncidentTo,
            Respondents = intake.Respondents.Select(r => new RespondentInput { Name = r.Name, Type = r.Type, Sector = r.Sector }).ToList(),
            Account = intake.Account,
            ClientWishes = intake.ClientWishes,
        };
        await FillAsync(model, intake, viewer, cancellationToken);
        model.Conflicts = await RespondentConflicts.FindAsync(db, viewer, intake.Respondents.Select(r => r.Name), intake.ClientId, cancellationToken);
        return (model, FormOutcome.Saved());
    }

    public async Task<FormOutcome> HandleAsync(Guid id, IntakeComplaintInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var (intake, refused) = await IntakeSaving.OpenAsync(gate, id, viewer, track: true, cancellationToken);
        if (intake is null)
        {
            return refused!;
        }

        var now = clock.GetUtcNow();
        var today = (await OfficeTime.OfOfficeAsync(db, intake.OfficeId, cancellationToken)).Today(now);
        await ValidateAsync(input, intake, today, errors, cancellationToken);
        if (!errors.IsValid)
        {
            await FillAsync(input, intake, viewer, cancellationToken);
            return FormOutcome.Invalid;
        }

        var before = Summary(intake);
        intake.CategoryIds = input.CategoryIds;
        intake.IncidentCountry = input.IncidentCountry;
        intake.IncidentCity = Clean(input.IncidentCity);
        intake.IncidentFrom = input.IncidentFrom;
        intake.IncidentTo = input.IncidentTo;
        intake.Account = Clean(input.Account);
        intake.ClientWishes = Clean(input.ClientWishes);
        foreach (var old in intake.Respondents.ToList())
        {
            intake.RemoveRespondent(old);
        }

        foreach (var row in input.Respondents)
        {
            intake.AddRespondent(row.Name!, row.Type!.Value, row.Sector);
        }

        if (input.Next != IntakeNext.Close && input.Next != IntakeNext.Stay)
        {
            IntakeSaving.Reach(intake, IntakeStep.Consent);
        }

        intake.Touch(now);
        var after = Summary(intake);
        var changed = before.Keys.Where(k => !string.Equals(before[k], after[k], StringComparison.Ordinal)).ToList();
        var saved = await VersionedSave.SaveAsync(db, intake, input.Version,
            () => audit.RecordAsync(CaseAuditActions.IntakeUpdated, "intake", id.ToString(),
                // Field names only: the complaint is a narrative and never goes into the audit trail.
                new { step = "complaint", fields = changed }, cancellationToken: cancellationToken),
            cancellationToken);
        if (!saved)
        {
            var stored = await gate.LoadAsync(id, viewer, track: false, cancellationToken);
            if (stored is null)
            {
                return FormOutcome.NotFound;
            }

            await FillAsync(input, stored, viewer, cancellationToken);
            return input.ShowConflict(stored.Version, IntakeSaving.ConflictMessage(l));
        }

        input.Conflicts = await RespondentConflicts.FindAsync(db, viewer, input.Respondents.Select(r => r.Name!), intake.ClientId, cancellationToken);
        return FormOutcome.Saved();
    }

    private async Task ValidateAsync(IntakeComplaintInput input, Domain.Cases.Intake intake, DateOnly today, FormErrors errors, CancellationToken cancellationToken)
    {
        input.CategoryIds = (input.CategoryIds ?? []).Distinct().ToList();
        if (input.CategoryIds.Count == 0 && input.Next != IntakeNext.Close)
        {
            errors.Add(nameof(input.CategoryIds), l["Choose at least one category."]);
        }
        else if (input.CategoryIds.Count > 0)
        {
            var ids = input.CategoryIds;
            var known = await db.ComplaintCategories.AsNoTracking().Where(c => ids.Contains(c.Id) && (c.IsActive || intake.CategoryIds.Contains(c.Id))).CountAsync(cancellationToken);
            if (known != ids.Count)
            {
                errors.Add(nameof(input.CategoryIds), l["Choose categories from the list."]);
            }
        }

        input.IncidentCountry = Clean(input.IncidentCountry);
        if (input.IncidentCountry is not null && !Countries.IsKnown(input.IncidentCountry))
        {
            errors.Add(nameof(input.IncidentCountry), l["Choose a country from the list."]);
        }

        if (input.IncidentFrom is { } from && from > today)
        {
            errors.Add(nameof(input.IncidentFrom), l["The date cannot be in the future."]);
        }

        if (input.IncidentTo is { } to && to > today)
        {
            errors.Add(nameof(input.IncidentTo), l["The date cannot be in the future."]);
        }

        if (input.IncidentFrom is { } start && input.IncidentTo is { } end && end < start)
        {
            errors.Add(nameof(input.IncidentTo), l["The end cannot be before the start."]);
        }

        // Rows left empty are not respondents; a named one needs its type.
        input.Respondents = (input.Respondents ?? []).Where(r => !string.IsNullOrWhiteSpace(r.Name) || r.Type is not null).ToList();
        for (var i = 0; i < input.Respondents.Count; i++)
        {
            var row = input.Respondents[i];
            row.Name = row.Name?.Trim();
            if (string.IsNullOrEmpty(row.Name))
            {
                errors.Add($"Respondents[{i}].Name", l["Enter the respondent's name."]);
            }

            if (row.Type is null)
            {
                errors.Add($"Respondents[{i}].Type", l["Choose the respondent's type."]);
            }

            if (row.Type != RespondentType.Employer)
            {
                row.Sector = null;
            }
        }
    }

    private async Task FillAsync(IntakeComplaintInput model, Domain.Cases.Intake intake, Viewer viewer, CancellationToken cancellationToken)
    {
        model.Header = await IntakeHeader.ReadAsync(db, intake, clock.GetUtcNow(), cancellationToken);
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var chosen = intake.CategoryIds;
        model.Categories = await db.ComplaintCategories.AsNoTracking()
            .Where(c => c.IsActive || chosen.Contains(c.Id))
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new CategoryOption(c.Id, c.GroupCode, language == SupportedLanguages.Russian ? c.NameRu : c.NameEn))
            .ToListAsync(cancellationToken);
        for (var i = 0; i < BlankRows; i++)
        {
            model.Respondents.Add(new RespondentInput());
        }
    }

    private static Dictionary<string, string?> Summary(Domain.Cases.Intake intake) => new()
    {
        ["CategoryIds"] = string.Join(',', intake.CategoryIds.Order()),
        ["IncidentCountry"] = intake.IncidentCountry,
        ["IncidentCity"] = intake.IncidentCity,
        ["IncidentFrom"] = intake.IncidentFrom?.ToString("O", CultureInfo.InvariantCulture),
        ["IncidentTo"] = intake.IncidentTo?.ToString("O", CultureInfo.InvariantCulture),
        ["Respondents"] = string.Join('|', intake.Respondents.Select(r => $"{r.Name}/{r.Type}/{r.Sector}")),
        ["Account"] = intake.Account,
        ["ClientWishes"] = intake.ClientWishes,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
