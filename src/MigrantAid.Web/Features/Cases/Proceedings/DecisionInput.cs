using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Web.Features.Cases.Proceedings;

/// <summary>A document of the case, as the decision's document select offers it.</summary>
public sealed record DocumentChoice(Guid Id, string FileName);

public sealed class DecisionInput : ProceedingRecordInput
{
    [Required(ErrorMessage = "Enter the date of the decision.")]
    [Display(Name = "Decided on")]
    public DateOnly? DecidedOn { get; set; }

    [Display(Name = "Made in final form on")]
    public DateOnly? FinalFormOn { get; set; }

    [Display(Name = "Copy received on")]
    public DateOnly? ReceivedOn { get; set; }

    [Required(ErrorMessage = "Choose the outcome.")]
    [Display(Name = "Outcome")]
    public DecisionOutcome? Outcome { get; set; }

    [StringLength(CourtDecision.SummaryMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Summary")]
    public string? Summary { get; set; }

    [Display(Name = "Decision document")]
    public Guid? DocumentId { get; set; }

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<DocumentChoice> Documents { get; set; } = [];
}
