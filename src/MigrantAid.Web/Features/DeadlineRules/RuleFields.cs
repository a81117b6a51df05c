using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;

namespace MigrantAid.Web.Features.DeadlineRules;

/// <summary>A deadline rule as an administrator types it.</summary>
public class RuleInput
{
    [Required(ErrorMessage = "Enter the rule's name.")]
    [StringLength(DeadlineRule.NameMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [StringLength(DeadlineRule.NameMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Name in Russian")]
    public string? NameRu { get; set; }

    [Required(ErrorMessage = "Choose the country or the international body.")]
    [Display(Name = "Country or international body")]
    public string? Forum { get; set; }

    [Required(ErrorMessage = "Describe the procedure.")]
    [StringLength(DeadlineRule.NameMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Procedure")]
    public string? Procedure { get; set; }

    [Required(ErrorMessage = "Choose the event.")]
    [Display(Name = "Event")]
    public TriggerEvent? Trigger { get; set; }

    [Display(Name = "Kind of procedure")]
    public ProceedingType? ProceedingType { get; set; }

    [Display(Name = "Instance of the decision")]
    public CourtInstance? Instance { get; set; }

    [Required(ErrorMessage = "Enter the period.")]
    [Range(1, DeadlineCalculator.MaxPeriod, ErrorMessage = "The period must be between {1} and {2}.")]
    [Display(Name = "Period")]
    public int? Period { get; set; }

    [Required(ErrorMessage = "Choose the unit of the period.")]
    [Display(Name = "Unit")]
    public PeriodUnit? Unit { get; set; }

    [StringLength(DeadlineRule.NameMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Legal basis")]
    public string? LegalBasis { get; set; }

    [StringLength(DeadlineRule.NameMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Legal basis (Russian)")]
    public string? LegalBasisRu { get; set; }

    [StringLength(DeadlineRule.TextMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Notes")]
    public string? Notes { get; set; }

    /// <summary>Checks what the annotations cannot: a known forum, and court filters only for a country's courts.</summary>
    public void Check(FormErrors errors, IStringLocalizer l)
    {
        if (Forum is not null && !Forums.IsKnown(Forum))
        {
            errors.Add(nameof(Forum), l["Choose the country or the international body."]);
        }

        if (Forum is not null && Forums.Bodies.Contains(Forum) && (ProceedingType is not null || Instance is not null))
        {
            errors.Add(nameof(ProceedingType), l["The kind of procedure and the instance apply to national courts only: leave them empty for an international body."]);
        }
    }

    public void CopyTo(DeadlineRule rule)
    {
        rule.Name = Name!.Trim();
        rule.NameRu = string.IsNullOrWhiteSpace(NameRu) ? null : NameRu.Trim();
        rule.Forum = Forum!;
        rule.Procedure = Procedure!.Trim();
        rule.Trigger = Trigger!.Value;
        rule.ProceedingType = ProceedingType;
        rule.Instance = Instance;
        rule.Period = Period!.Value;
        rule.Unit = Unit!.Value;
        rule.LegalBasis = string.IsNullOrWhiteSpace(LegalBasis) ? null : LegalBasis.Trim();
        rule.LegalBasisRu = string.IsNullOrWhiteSpace(LegalBasisRu) ? null : LegalBasisRu.Trim();
        rule.Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
    }

    public void CopyFrom(DeadlineRule rule)
    {
        Name = rule.Name;
        NameRu = rule.NameRu;
        Forum = rule.Forum;
        Procedure = rule.Procedure;
        Trigger = rule.Trigger;
        ProceedingType = rule.ProceedingType;
        Instance = rule.Instance;
        Period = rule.Period;
        Unit = rule.Unit;
        LegalBasis = rule.LegalBasis;
        LegalBasisRu = rule.LegalBasisRu;
        Notes = rule.Notes;
    }
}

public sealed class EditRuleInput : RuleInput
{
    /// <summary>The row version (xmin) the form was read at; a save against a newer row is refused.</summary>
    public uint Version { get; set; }

    [BindNever]
    [ValidateNever]
    public int Id { get; set; }

    [BindNever]
    [ValidateNever]
    public bool IsActive { get; set; }

    [BindNever]
    [ValidateNever]
    public bool NeedsVerification { get; set; }

    /// <summary>Set when someone else saved in between: the rule as stored now.</summary>
    [BindNever]
    [ValidateNever]
    public RuleInput? Current { get; set; }
}

internal static class RuleAudit
{
    /// <summary>The fields that differ between the stored rule and the new values, as audit details (field, old, new).</summary>
    public static List<object> Changes(DeadlineRule before, DeadlineRule after)
    {
        var changes = new List<object>();
        void Add(string field, object? old, object? @new)
        {
            if (!Equals(old, @new))
            {
                changes.Add(new { field, old, @new });
            }
        }

        Add(nameof(DeadlineRule.Name), before.Name, after.Name);
        Add(nameof(DeadlineRule.NameRu), before.NameRu, after.NameRu);
        Add(nameof(DeadlineRule.Forum), before.Forum, after.Forum);
        Add(nameof(DeadlineRule.Procedure), before.Procedure, after.Procedure);
        Add(nameof(DeadlineRule.Trigger), before.Trigger.ToString(), after.Trigger.ToString());
        Add(nameof(DeadlineRule.ProceedingType), before.ProceedingType?.ToString(), after.ProceedingType?.ToString());
        Add(nameof(DeadlineRule.Instance), before.Instance?.ToString(), after.Instance?.ToString());
        Add(nameof(DeadlineRule.Period), before.Period, after.Period);
        Add(nameof(DeadlineRule.Unit), before.Unit.ToString(), after.Unit.ToString());
        Add(nameof(DeadlineRule.LegalBasis), before.LegalBasis, after.LegalBasis);
        Add(nameof(DeadlineRule.LegalBasisRu), before.LegalBasisRu, after.LegalBasisRu);
        Add(nameof(DeadlineRule.Notes), before.Notes, after.Notes);
        Add(nameof(DeadlineRule.IsActive), before.IsActive, after.IsActive);
        Add(nameof(DeadlineRule.NeedsVerification), before.NeedsVerification, after.NeedsVerification);
        return changes;
    }

    public static DeadlineRule Copy(DeadlineRule rule) => new()
    {
        Name = rule.Name,
        NameRu = rule.NameRu,
        Forum = rule.Forum,
        Procedure = rule.Procedure,
        Trigger = rule.Trigger,
        ProceedingType = rule.ProceedingType,
        Instance = rule.Instance,
        Period = rule.Period,
        Unit = rule.Unit,
        LegalBasis = rule.LegalBasis,
        LegalBasisRu = rule.LegalBasisRu,
        Notes = rule.Notes,
        IsActive = rule.IsActive,
        NeedsVerification = rule.NeedsVerification,
    };
}
