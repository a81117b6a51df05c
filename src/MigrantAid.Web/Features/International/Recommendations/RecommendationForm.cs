using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Shared.Forms;

namespace MigrantAid.Web.Features.International.Recommendations;

/// <summary>The recommendation form (add and edit).</summary>
public sealed class RecommendationInput
{
    [Required(ErrorMessage = "Choose the body.")]
    [Display(Name = "Body")]
    public InternationalBody? Body { get; set; }

    [Required(ErrorMessage = "Choose the state.")]
    [Display(Name = "State")]
    public string? State { get; set; }

    [Required(ErrorMessage = "Enter the cycle or session.")]
    [StringLength(Recommendation.CycleMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Cycle or session")]
    public string? Cycle { get; set; }

    [Required(ErrorMessage = "Enter the year.")]
    [Range(Recommendation.MinYear, 9999, ErrorMessage = "Enter a year from {1}.")]
    [Display(Name = "Year")]
    public int? Year { get; set; }

    [StringLength(Recommendation.ParagraphMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Paragraph")]
    public string? Paragraph { get; set; }

    [StringLength(Recommendation.TextMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Text in English")]
    public string? TextEn { get; set; }

    [StringLength(Recommendation.TextMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Text in Russian")]
    public string? TextRu { get; set; }

    [Display(Name = "Themes")]
    public List<RecommendationTheme> Themes { get; set; } = [];

    [StringLength(Recommendation.RecommendingStateMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Recommending state")]
    public string? RecommendingState { get; set; }

    [StringLength(Recommendation.SourceMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Source")]
    public string? Source { get; set; }

    [Required(ErrorMessage = "Choose the state's response.")]
    [Display(Name = "State's response")]
    public RecommendationResponse? Response { get; set; } = RecommendationResponse.Pending;

    /// <summary>The row version (xmin) the edit form was read at.</summary>
    public uint Version { get; set; }

    [BindNever]
    [ValidateNever]
    public int? Id { get; set; }

    /// <summary>Set when someone else saved in between: what is stored now.</summary>
    [BindNever]
    [ValidateNever]
    public RecommendationInput? Stored { get; set; }

    public static RecommendationInput From(Recommendation r) => new()
    {
        Id = r.Id,
        Version = r.Version,
        Body = r.Body,
        State = r.State,
        Cycle = r.Cycle,
        Year = r.Year,
        Paragraph = r.Paragraph,
        TextEn = r.TextEn,
        TextRu = r.TextRu,
        Themes = r.Themes.Select(t => t.Theme).Order().ToList(),
        RecommendingState = r.RecommendingState,
        Source = r.Source,
        Response = r.Response,
    };

    /// <summary>Trims the texts and checks what annotations cannot; true when the form can be saved.</summary>
    public bool Check(int thisYear, FormErrors errors, IStringLocalizer l)
    {
        State = InternationalChoices.CheckState(State, nameof(State), errors, l);
        Cycle = Cycle?.Trim();

        if (Year > thisYear && !errors.Has(nameof(Year)))
        {
            errors.Add(nameof(Year), l["The year cannot be in the future."]);
        }

        if (string.IsNullOrWhiteSpace(TextEn) && string.IsNullOrWhiteSpace(TextRu))
        {
            errors.Add(nameof(TextEn), l["Enter the text in English or in Russian."]);
        }

        if (Themes.Any(t => !Enum.IsDefined(t)))
        {
            errors.Add(nameof(Themes), l["Choose themes from the list."]);
        }

        return errors.IsValid;
    }

    public void Apply(Recommendation r)
    {
        r.Body = Body!.Value;
        r.State = State!;
        r.Cycle = Cycle!;
        r.Year = Year!.Value;
        r.Source = string.IsNullOrWhiteSpace(Source) ? null : Source.Trim();
        r.Response = Response!.Value;
        r.SetText(Paragraph, TextEn, TextRu, RecommendingState);
        r.SetThemes(Themes);
    }

    /// <summary>The audit's view: the fields and the texts' lengths (the texts themselves are public documents, but long).</summary>
    public static Dictionary<string, string?> AuditValues(Recommendation r) => new()
    {
        ["Body"] = r.Body.ToString(),
        ["State"] = r.State,
        ["Cycle"] = r.Cycle,
        ["Year"] = r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Paragraph"] = r.Paragraph,
        ["TextEn"] = r.TextEn,
        ["TextRu"] = r.TextRu,
        ["Themes"] = string.Join(",", r.Themes.Select(t => t.Theme.ToString()).Order(StringComparer.Ordinal)),
        ["RecommendingState"] = r.RecommendingState,
        ["Source"] = r.Source,
        ["Response"] = r.Response.ToString(),
    };
}
