using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Web.Features.Cases.Proceedings;

/// <summary>Another proceeding of the case, as the "challenges" select offers it.</summary>
public sealed record ProceedingChoice(Guid Id, CourtInstance Instance, string Court, string? CourtCaseNumber, DateOnly OpenedOn);

public sealed class ProceedingInput : ProceedingFormInput
{
    public const int CourtCaseNumberMaxLength = 100;
    public const int JudgeMaxLength = 200;

    [Required(ErrorMessage = "Choose the country of the court.")]
    [Display(Name = "Country")]
    public string? Jurisdiction { get; set; }

    [Required(ErrorMessage = "Enter the court.")]
    [StringLength(CourtProceeding.CourtMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Court")]
    public string? Court { get; set; }

    [Required(ErrorMessage = "Choose the instance.")]
    [Display(Name = "Instance")]
    public CourtInstance? Instance { get; set; }

    [Required(ErrorMessage = "Choose the kind of proceeding.")]
    [Display(Name = "Kind of proceeding")]
    public ProceedingType? Type { get; set; }

    [StringLength(CourtCaseNumberMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Court case number")]
    public string? CourtCaseNumber { get; set; }

    [StringLength(JudgeMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Judge")]
    public string? Judge { get; set; }

    [Required(ErrorMessage = "Enter what the proceeding is about.")]
    [StringLength(CourtProceeding.SubjectMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Subject")]
    public string? Subject { get; set; }

    [Required(ErrorMessage = "Choose our client's role.")]
    [Display(Name = "Our client's role")]
    public ProceedingClientRole? ClientRole { get; set; }

    [Required(ErrorMessage = "Enter the date the proceeding opened.")]
    [Display(Name = "Opened on")]
    public DateOnly? OpenedOn { get; set; }

    [Display(Name = "Closed on")]
    public DateOnly? ClosedOn { get; set; }

    [Display(Name = "Challenges")]
    public Guid? ChallengesId { get; set; }

    /// <summary>The case's other proceedings, which this one may challenge.</summary>
    [BindNever]
    [ValidateNever]
    public IReadOnlyList<ProceedingChoice> Choices { get; set; } = [];
}
