using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using MigrantAid.Tests.Support;

namespace MigrantAid.Tests.Features.Clients;

/// <summary>Reads the client pages (values, field errors, audit changes) and fills their form as a browser would.</summary>
public static class ClientForms
{
    public static async Task<IHtmlDocument> PageAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, body.Length > 2000 ? body[..2000] : body);
        return HttpForms.Parse(body);
    }

    public static string Value(IHtmlDocument page, string name) =>
        page.QuerySelector($"[name='{name}']")?.GetAttribute("value") ?? "";

    public static string FieldError(IHtmlDocument page, string name) =>
        page.QuerySelector($"[data-valmsg-for='{name}']")?.TextContent.Trim() ?? "";

    /// <summary>The client form on the page as a browser would post it, with some fields changed.</summary>
    public static FormUrlEncodedContent Form(AngleSharp.Html.Dom.IHtmlDocument page, params (string Name, string Value)[] changes)
    {
        var form = page.QuerySelector("form[data-testid=client-form]")!;
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input, select"))
        {
            var name = input.GetAttribute("name");
            if (name is null || changes.Any(c => c.Name == name))
            {
                continue;
            }

            if (input is AngleSharp.Html.Dom.IHtmlInputElement { Type: "checkbox" or "radio" } box)
            {
                if (box.IsChecked)
                {
                    values.Add(new(name, box.Value));
                }
            }
            else if (input is AngleSharp.Html.Dom.IHtmlSelectElement select)
            {
                values.Add(new(name, select.Value ?? ""));
            }
            else
            {
                values.Add(new(name, ((AngleSharp.Html.Dom.IHtmlInputElement)input).Value));
            }
        }

        values.AddRange(changes.Select(c => new KeyValuePair<string, string>(c.Name, c.Value)));
        return new FormUrlEncodedContent(values);
    }

    /// <summary>The field changes of a client.updated audit event: field → [old, new].</summary>
    public static Dictionary<string, string?[]> Changes(string? details)
    {
        using var json = JsonDocument.Parse(details!);
        return json.RootElement.GetProperty("changes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("field").GetString()!, c => new[] { c.GetProperty("old").GetString(), c.GetProperty("new").GetString() });
    }
}
