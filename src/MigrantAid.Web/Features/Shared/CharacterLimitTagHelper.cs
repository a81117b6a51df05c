using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace MigrantAid.Web.Features.Shared;

/// <summary>
/// <c>limit="200"</c> on a text field: says the limit under the field ("Up to 200 characters") and lets site.js
/// count as the user types or pastes. It never writes <c>maxlength</c>, with which browsers cut a pasted text
/// in silence: a longer value is sent, and the server refuses it with a message at the field, keeping it
/// (every limit is also a <c>[StringLength]</c> on the input model). Search boxes get only the live message.
/// </summary>
[HtmlTargetElement("input", Attributes = LimitAttribute, TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("textarea", Attributes = LimitAttribute)]
public sealed class CharacterLimitTagHelper(IStringLocalizer<SharedResource> l) : TagHelper
{
    private const string LimitAttribute = "limit";

    /// <summary>The most characters the server accepts in this field.</summary>
    [HtmlAttributeName(LimitAttribute)]
    public int Limit { get; set; }

    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var limit = Limit.ToString(CultureInfo.InvariantCulture);
        output.Attributes.SetAttribute("data-limit", limit);
        var id = output.Attributes.TryGetAttribute("id", out var idAttribute) ? idAttribute.Value?.ToString() : null;
        if (string.IsNullOrEmpty(id))
        {
            id = "limit-" + context.UniqueId;
            output.Attributes.SetAttribute("id", id);
        }

        var hintId = id + "-limit";
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? existing.Value + " " + hintId : hintId;
        output.Attributes.SetAttribute("aria-describedby", describedBy.Trim());

        var search = output.Attributes.TryGetAttribute("type", out var type) && string.Equals(type.Value?.ToString(), "search", StringComparison.OrdinalIgnoreCase);
        var hint = new TagBuilder("div");
        hint.Attributes["id"] = hintId;
        hint.Attributes["class"] = search ? "form-text char-limit char-limit-live" : "form-text char-limit";
        hint.Attributes["data-limit-for"] = id;
        hint.Attributes["data-limit-over"] = l["{0} characters over the limit of {1}: shorten the text before saving."].Value;
        hint.Attributes["aria-live"] = "polite";
        if (!search)
        {
            hint.InnerHtml.Append(Text(Limit));
        }

        output.PostElement.AppendHtml(hint);
    }

    private string Text(int limit) => Plural.Form(limit, CultureInfo.CurrentCulture) == PluralForm.One
        ? l["Up to {0} character", limit].Value
        : l["Up to {0} characters", limit].Value;
}
