using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Features.Cases.Proceedings;

/// <summary>What a case holds of proceedings work, counted to prove that a refused form wrote nothing.</summary>
public sealed record ProceedingCounts(int Proceedings, int Hearings, int Decisions, int Deadlines)
{
    public static Task<ProceedingCounts> ReadAsync(PortalFactory portal, Guid caseId) =>
        portal.WithDbAsync(async db => new ProceedingCounts(
            await db.CourtProceedings.CountAsync(p => p.CaseId == caseId),
            await db.Hearings.CountAsync(h => h.CaseId == caseId),
            await db.CourtDecisions.CountAsync(d => d.CaseId == caseId),
            await db.CaseDeadlines.CountAsync(d => d.CaseId == caseId)));
}

/// <summary>The proceedings tests' starting point: a lawyer signed in who is lead lawyer of a new case of the office.</summary>
public static class LawyerCase
{
    public static async Task<(Guid CaseId, HttpClient Client, AppUser Lawyer)> OpenAsync(PortalFactory portal, TestOffice office, string email)
    {
        var lawyer = await portal.Staff(email).InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var built = await portal.Case(office).WithClient("Client of " + email, null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync();
        return (built.Id, await portal.SignedInClientAsync(email), lawyer);
    }
}

/// <summary>Reads the proceedings pages' fields and errors, and submits their forms as a browser does.</summary>
public static class ProceedingForms
{
    public static string? Value(IHtmlDocument page, string name) => page.QuerySelector($"[name='{name}']") switch
    {
        IHtmlTextAreaElement area => area.Value,
        IHtmlSelectElement select => select.Value,
        var input => input?.GetAttribute("value"),
    };

    /// <summary>
    /// Submits the form posting to <paramref name="action"/> the way a browser does: every field as it is on the page
    /// (checked boxes, selected options, text), with <paramref name="changes"/> typed over them.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string action, IEnumerable<KeyValuePair<string, string>> changes)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var form = page.Forms.First(f => string.Equals(f.GetAttribute("action"), action, StringComparison.OrdinalIgnoreCase));
        var given = changes.ToList();
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || given.Any(g => g.Key == name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked:
                case IHtmlButtonElement:
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    values.Add(new(name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value));
                    break;
            }
        }

        values.AddRange(given);
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    public static string Error(IHtmlDocument page, string field) => page.QuerySelector($"[data-testid=error-{field}]")?.TextContent.Trim() ?? "";
}
