using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace MigrantAid.Web.Features.Shared;

/// <summary>
/// <c>compact-whitespace</c> on an element whose content repeats (the rows of a list, the options of a form): the
/// source's indentation is dropped from the HTML sent, a line break left where there was one, so what the browser
/// shows is the same. A third of a 25-row case list was indentation. Not for content holding <c>pre</c> or
/// <c>textarea</c>, whose white space is shown. The content is written with the portal's own encoder, which
/// leaves Cyrillic as it is (the default one wrote each letter of an attribute as an eight-byte entity).
/// </summary>
[HtmlTargetElement(Attributes = Attribute)]
public sealed partial class CompactWhitespaceTagHelper(HtmlEncoder encoder) : TagHelper
{
    private const string Attribute = "compact-whitespace";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll(Attribute);
        var content = await output.GetChildContentAsync();
        output.Content.SetHtmlContent(Indentation().Replace(content.GetContent(encoder), "\n"));
    }

    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex Indentation();
}
