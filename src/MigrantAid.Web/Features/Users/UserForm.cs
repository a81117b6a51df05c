using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared.Forms;

namespace MigrantAid.Web.Features.Users;

public sealed record OfficeOption(Guid Id, string Name);

/// <summary>The fields the create and edit forms share: name, office, language and roles.</summary>
public abstract class UserFormInput
{
    [Required(ErrorMessage = "Enter the full name.")]
    [StringLength(AppUser.FullNameMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Full name")]
    public string FullName { get; set; } = "";

    [Display(Name = "Office")]
    public Guid? OfficeId { get; set; }

    [Required(ErrorMessage = "Choose English or Russian.")]
    [Display(Name = "Language")]
    public string PreferredLanguage { get; set; } = SupportedLanguages.English;

    [Display(Name = "Roles")]
    public List<string> Roles { get; set; } = [];

    /// <summary>The offices to choose from, by name.</summary>
    [BindNever]
    [ValidateNever]
    public IReadOnlyList<OfficeOption> Offices { get; set; } = [];
}

/// <summary>The rules create and edit share beyond the annotations, and the choices the forms offer.</summary>
public sealed class UserFormHandler(AppDbContext db, IStringLocalizer<SharedResource> l)
{
    /// <summary>Offices are reference data (a few dozen at most), so the select lists them all.</summary>
    public async Task<IReadOnlyList<OfficeOption>> OfficesAsync() =>
        await db.Offices.AsNoTracking().OrderBy(o => o.Name).Select(o => new OfficeOption(o.Id, o.Name)).ToListAsync();

    public async Task ValidateAsync(UserFormInput input, FormErrors errors)
    {
        input.FullName = input.FullName?.Trim() ?? "";
        input.Roles = (input.Roles ?? []).Where(r => !string.IsNullOrEmpty(r)).Distinct(StringComparer.Ordinal).ToList();

        if (input.Roles.Count == 0)
        {
            errors.Add(nameof(input.Roles), l["Choose at least one role."]);
        }
        else if (input.Roles.Any(r => !Domain.Roles.All.Contains(r)))
        {
            errors.Add(nameof(input.Roles), l["Choose roles from the list."]);
        }

        if (!errors.Has(nameof(input.PreferredLanguage)) && !SupportedLanguages.IsSupported(input.PreferredLanguage))
        {
            errors.Add(nameof(input.PreferredLanguage), l["Choose English or Russian."]);
        }

        if (errors.Has(nameof(input.OfficeId)))
        {
            return;
        }

        if (input.OfficeId is { } officeId)
        {
            if (!await db.Offices.AnyAsync(o => o.Id == officeId))
            {
                errors.Add(nameof(input.OfficeId), l["Choose an office from the list."]);
            }
        }
        else if (input.Roles.Any(r => r != Domain.Roles.Admin))
        {
            // Case work is organised by office; only a pure administrator may stand outside one.
            errors.Add(nameof(input.OfficeId), l["Choose an office: coordinators, lawyers and caseworkers work in one."]);
        }
    }
}
