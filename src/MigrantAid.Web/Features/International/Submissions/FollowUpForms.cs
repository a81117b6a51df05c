using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Web.Features.International.Submissions;

/// <summary>What the follow-up forms show about their submission.</summary>
public abstract class FollowUpFormInput : CaseFormHeading
{
    [BindNever]
    [ValidateNever]
    public Guid SubmissionId { get; set; }

    [BindNever]
    [ValidateNever]
    public InternationalBody Body { get; set; }

    [BindNever]
    [ValidateNever]
    public int NextRound { get; set; }

    public void Describe(Case c, InternationalSubmission s, int nextRound)
    {
        DescribeCase(c);
        SubmissionId = s.Id;
        Body = s.Body;
        NextRound = nextRound;
    }
}

/// <summary>One round of the committee's follow-up assessment.</summary>
public sealed class AssessmentInput : FollowUpFormInput
{
    [Required(ErrorMessage = "Enter the date of the assessment.")]
    [Display(Name = "Assessed on")]
    public DateOnly? AssessedOn { get; set; }

    [Required(ErrorMessage = "Choose the grade.")]
    [Display(Name = "Grade")]
    public FollowUpGrade? Grade { get; set; }

    [StringLength(FollowUpRound.NoteMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Note")]
    public string? Note { get; set; }
}

/// <summary>The committee's closing of the follow-up, with its result.</summary>
public sealed class CloseFollowUpInput : FollowUpFormInput
{
    [Required(ErrorMessage = "Enter the date the follow-up was closed.")]
    [Display(Name = "Closed on")]
    public DateOnly? ClosedOn { get; set; }

    [Required(ErrorMessage = "Choose the result.")]
    [Display(Name = "Result")]
    public FollowUpStatus? Result { get; set; }
}
