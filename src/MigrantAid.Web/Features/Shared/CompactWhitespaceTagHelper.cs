using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
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
public sealed class CompactWhitespaceTagHelper(HtmlEncoder encoder) : TagHelper
{
    private const string Attribute = "compact-whitespace";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll(Attribute);
        var content = await output.GetChildContentAsync();
        output.Content.SetHtmlContent(Compact(content.GetContent(encoder)));
    }

    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> calls white space, for a vectorised search.</summary>
    private static readonly SearchValues<char> WhiteSpace =
        SearchValues.Create(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());

    /// <summary>
    /// Each run of white space holding a line break becomes one line break; other white space is kept. One pass
    /// over the text, copying the stretches between runs whole (a regular expression for the same took a tenth of a
    /// case list's CPU time, and copying character by character still 2 %).
    /// </summary>
    public static string Compact(string html)
    {
        var rest = html.AsSpan();
        var result = new StringBuilder(html.Length);
        while (!rest.IsEmpty)
        {
            var start = rest.IndexOfAny(WhiteSpace);
            if (start < 0)
            {
                result.Append(rest);
                break;
            }

            result.Append(rest[..start]);
            rest = rest[start..];
            var length = rest.IndexOfAnyExcept(WhiteSpace) is var end and >= 0 ? end : rest.Length;
            var run = rest[..length];
            if (run.Contains('\n'))
            {
                result.Append('\n');
            }
            else
            {
                result.Append(run);
            }

            rest = rest[length..];
        }

        return result.ToString();
    }
}
