using System.Net;
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

    /// <summary>The signed-in user's antiforgery token, from any form on a page they may open.</summary>
    public static async Task<string> TokenOnAsync(this HttpClient client, string pageUrl)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="action"/> with the antiforgery token of any form on <paramref name="pageUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenOfAsync(this HttpClient client, string pageUrl, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await client.TokenOnAsync(pageUrl);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>Posts without any antiforgery token, as a cross-site attacker's page would.</summary>
    public static Task<HttpResponseMessage> PostWithoutTokenAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields));

    /// <summary>
    /// Loads <paramref name="pageUrl"/>, takes the form posting to <paramref name="action"/>, and posts its hidden
    /// fields (antiforgery token, row version...) and its selects' chosen options with <paramref name="fields"/> on top, as a browser would.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        return await PostFormAsync(client, page, action, fields);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, IHtmlDocument page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = page.Forms.FirstOrDefault(f => string.Equals(f.GetAttribute("action"), action, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No form posting to {action}.");
        var given = fields.ToList();
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Where(h => given.All(g => g.Key != h.Key))
            .ToList();

        // A browser also sends each single select's chosen option (or its first one), e.g. the proposed caseworker.
        foreach (var select in form.QuerySelectorAll("select[name]:not([multiple])"))
        {
            var name = select.GetAttribute("name")!;
            var option = select.QuerySelector("option[selected]") ?? select.QuerySelector("option");
            if (option is not null && given.All(g => g.Key != name) && values.All(v => v.Key != name))
            {
                values.Add(new(name, option.GetAttribute("value") ?? option.TextContent));
            }
        }

        values.AddRange(given);
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    public static string Location(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the form should be accepted");
        return response.Headers.Location!.ToString();
    }

    public static Guid IdIn(string location, int segment) => Guid.Parse(location.Split('/', StringSplitOptions.RemoveEmptyEntries)[segment]);

    public static async Task<IHtmlDocument> PageAsync(HttpResponseMessage response) => HttpForms.Parse(await response.Content.ReadAsStringAsync());
}
