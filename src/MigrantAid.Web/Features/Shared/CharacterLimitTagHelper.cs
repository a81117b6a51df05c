using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace MigrantAid.Web.Features.Shared;

/// <summary>
/// <c>limit="200"</c> on a text field: says the limit under the field ("Up to 200 characters") and lets
/// character-limits.js count as the user types or pastes. No field keeps a <c>maxlength</c> (MVC writes one from
/// <c>[StringLength]</c>), with which browsers cut a pasted text in silence: a longer value is sent, and the
/// server refuses it with a message at the field, keeping it (every limit is also a <c>[StringLength]</c> on the
/// input model). A field limited only by its model's <c>[StringLength]</c> is treated the same; search, e-mail and
/// password boxes get only the live message.
/// </summary>
[HtmlTargetElement("input", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("textarea")]
public sealed class CharacterLimitTagHelper(IStringLocalizer<SharedResource> l) : TagHelper
{
    private const string LimitAttribute = "limit";

    /// <summary>The most characters the server accepts in this field, said under it.</summary>
    [HtmlAttributeName(LimitAttribute)]
    public int? Limit { get; set; }

    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var limit = Limit ?? ModelLimit(output);
        output.Attributes.RemoveAll("maxlength");
        var type = output.Attributes.TryGetAttribute("type", out var typeAttribute) ? typeAttribute.Value?.ToString() : null;
        if (limit is null || string.Equals(type, "hidden", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        output.Attributes.SetAttribute("data-limit", limit.Value.ToString(CultureInfo.InvariantCulture));
        var id = output.Attributes.TryGetAttribute("id", out var idAttribute) ? idAttribute.Value?.ToString() : null;
        if (string.IsNullOrEmpty(id))
        {
            id = "limit-" + context.UniqueId;
            output.Attributes.SetAttribute("id", id);
        }

        var hintId = id + "-limit";
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? existing.Value + " " + hintId : hintId;
        output.Attributes.SetAttribute("aria-describedby", describedBy.Trim());

        var said = type is null || !Unsaid.Contains(type);
        var hint = new TagBuilder("div");
        hint.Attributes["id"] = hintId;
        hint.Attributes["class"] = said ? "form-text char-limit" : "form-text char-limit char-limit-live";
        hint.Attributes["data-limit-for"] = id;
        hint.Attributes["data-limit-over"] = l["{0} characters over the limit of {1}: shorten the text before saving."].Value;
        hint.Attributes["aria-live"] = "polite";
        if (said)
        {
            hint.InnerHtml.Append(Text(limit.Value));
        }

        output.PostElement.AppendHtml(hint);
    }

    /// <summary>Fields whose limit is not worth a line under them: it only matters when exceeded.</summary>
    private static readonly HashSet<string> Unsaid = new(StringComparer.OrdinalIgnoreCase) { "search", "password", "email" };

    /// <summary>The limit MVC took from the model's <c>[StringLength]</c> (its maxlength, or the validation data).</summary>
    private static int? ModelLimit(TagHelperOutput output)
    {
        foreach (var name in new[] { "maxlength", "data-val-length-max" })
        {
            if (output.Attributes.TryGetAttribute(name, out var attribute)
                && int.TryParse(attribute.Value?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }

        return null;
    }

    private string Text(int limit) => Plural.Form(limit, CultureInfo.CurrentCulture) == PluralForm.One
        ? l["Up to {0} character", limit].Value
        : l["Up to {0} characters", limit].Value;
}
