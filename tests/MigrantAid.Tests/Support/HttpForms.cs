using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace MigrantAid.Tests.Support;

/// <summary>Reads pages and submits their forms the way a browser would, antiforgery token included.</summary>
public static class HttpForms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>
    /// Loads <paramref name="pageUrl"/>, takes the antiforgery token of the form posting to
    /// <paramref name="action"/> (or of the first form), and posts <paramref name="fields"/> with it.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl,
        IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var target = action ?? pageUrl.Split('?')[0];
        var form = page.Forms.FirstOrDefault(f => string.Equals(f.GetAttribute("action"), target, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No form posting to {target} on {pageUrl}.");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"The form posting to {target} has no antiforgery token.");
        var values = fields.ToList();
        values.Add(new("__RequestVerificationToken", token));
        return await client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>Posts without any antiforgery token, as a cross-site attacker's page would.</summary>
    public static Task<HttpResponseMessage> PostWithoutTokenAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields));
}
