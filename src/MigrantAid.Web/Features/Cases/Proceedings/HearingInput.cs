using System.ComponentModel.DataAnnotations;
using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Web.Features.Cases.Proceedings;

public sealed class HearingInput : ProceedingRecordInput
{
    /// <summary>Wall-clock time in the case office's zone, as a datetime-local input sends it.</summary>
    [Required(ErrorMessage = "Enter the date and time of the hearing.")]
    [Display(Name = "Date and time")]
    public DateTime? StartsAt { get; set; }

    [StringLength(Hearing.TextMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Place")]
    public string? Place { get; set; }

    [StringLength(Hearing.TextMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Result")]
    public string? Result { get; set; }

    [Display(Name = "The hearing was held")]
    public bool IsHeld { get; set; }

    /// <summary>When the court set the next hearing: saving creates it in the same proceeding.</summary>
    [Display(Name = "Next hearing")]
    public DateTime? NextStartsAt { get; set; }

    [StringLength(Hearing.TextMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Place of the next hearing")]
    public string? NextPlace { get; set; }
}
