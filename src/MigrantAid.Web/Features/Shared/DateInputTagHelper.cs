using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace MigrantAid.Web.Features.Shared;

/// <summary>
/// Turns every <c>&lt;input type="date"&gt;</c> and <c>type="datetime-local"</c> into a text field written in
/// the user's language, day first ("02.03.2026", "02/03/2026 14:30"), because browsers draw their own date
/// fields in the browser's locale, not the portal's (ADR 0014). The server reads what is typed with
/// <see cref="DateInputBinding"/> (the user's form or ISO) and answers an unreadable date at the field.
/// Runs after MVC's input tag helper, so it sees the value that helper wrote: ISO from the model, shown in the
/// user's form, or what the user typed, shown as typed.
/// </summary>
[HtmlTargetElement("input", Attributes = "[type=date]", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("input", Attributes = "[type=datetime-local]", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DateInputTagHelper : TagHelper
{
    public override int Order => 1000;

    /// <summary>The model property, when the field has one (else its name): a value the user typed is shown as typed.</summary>
    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var withTime = string.Equals(Attribute(output, "type") ?? Attribute(context, "type"), "datetime-local", StringComparison.OrdinalIgnoreCase);
        output.Attributes.SetAttribute("type", "text");
        var value = Attribute(output, "value");
        if (value is not null && !Typed(Attribute(output, "name")))
        {
            output.Attributes.SetAttribute("value", Shown(value, withTime));
        }

        if (!output.Attributes.ContainsName("placeholder"))
        {
            output.Attributes.SetAttribute("placeholder", DateText.PatternHint + (withTime ? " " + TimeHint : ""));
        }

        output.Attributes.SetAttribute("autocomplete", "off");
        output.Attributes.SetAttribute("data-date-input", withTime ? "datetime" : "date");
    }

    /// <summary>True when this field shows a posted form again: its value is what the user typed.</summary>
    private bool Typed(string? name)
    {
        if (ViewContext is null || HttpMethods.IsGet(ViewContext.HttpContext.Request.Method))
        {
            return false;
        }

        var key = For is null ? name : ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        return key is not null && ViewContext.ViewData.ModelState.TryGetValue(key, out var entry) && entry.AttemptedValue is not null;
    }

    /// <summary>An ISO value (from the model or a link) in the user's form; anything else (what was typed) as it is.</summary>
    public static string Shown(string value, bool withTime)
    {
        if (withTime)
        {
            return DateTime.TryParseExact(value, [DateText.IsoMinuteFormat, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                ? DateText.Input(local)
                : value;
        }

        return DateOnly.TryParseExact(value, DateText.IsoFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? DateText.Input(date)
            : value;
    }

    private static string TimeHint => CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "ru" ? "чч:мм" : "hh:mm";

    private static string? Attribute(TagHelperOutput output, string name) =>
        output.Attributes.TryGetAttribute(name, out var a) ? Text(a.Value) : null;

    private static string? Attribute(TagHelperContext context, string name) =>
        context.AllAttributes.TryGetAttribute(name, out var a) ? Text(a.Value) : null;

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        Microsoft.AspNetCore.Html.IHtmlContent html => Render(html),
        _ => value.ToString(),
    };

    private static string Render(Microsoft.AspNetCore.Html.IHtmlContent html)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return System.Net.WebUtility.HtmlDecode(writer.ToString());
    }
}
