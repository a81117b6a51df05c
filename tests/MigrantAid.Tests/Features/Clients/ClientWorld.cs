using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Tests.Features.Clients;

/// <summary>Test data for the client pages: offices, staff in them, clients and the cases they are on.</summary>
public sealed class ClientWorld(PortalFactory portal)
{
    public async Task<Office> OfficeAsync(string name, string timeZone = "Europe/Moscow")
    {
        return await portal.WithDbAsync(async db =>
        {
            var office = new Office(name + " " + Guid.NewGuid().ToString("N")[..6], "Moscow", "RU", timeZone, portal.Clock.GetUtcNow());
            db.Offices.Add(office);
            await db.SaveChangesAsync();
            return office;
        });
    }

    /// <summary>A user with the roles, working in the office (set before signing in: the office is a claim).</summary>
    public async Task<AppUser> StaffAsync(string email, Guid? officeId, params string[] roles)
    {
        var user = await portal.CreateUserAsync(email, roles);
        if (officeId is not null)
        {
            await portal.WithDbAsync(async db =>
            {
                var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
                stored.OfficeId = officeId;
                return await db.SaveChangesAsync();
            });
        }

        return user;
    }

    public async Task<HttpClient> SignedInStaffAsync(string email, Guid? officeId, params string[] roles)
    {
        await StaffAsync(email, officeId, roles);
        return await portal.SignedInClientAsync(email);
    }

    public Task<Client> ClientAsync(Guid officeId, string name, string? patronymic = null, int? birthYear = null, Action<Client>? configure = null)
    {
        return portal.WithDbAsync(async db =>
        {
            var client = new Client(officeId, name, patronymic, Guid.NewGuid(), portal.Clock.GetUtcNow());
            client.SetBirth(null, birthYear);
            configure?.Invoke(client);
            db.Clients.Add(client);
            await db.SaveChangesAsync();
            return client;
        });
    }

    /// <summary>An open case of the office with the client as principal, optionally assigned to a caseworker.</summary>
    public Task<Case> CaseAsync(Guid officeId, Guid clientId, Guid? caseworkerId = null)
    {
        return portal.WithDbAsync(async db =>
        {
            var now = portal.Clock.GetUtcNow();
            var categoryId = await db.ComplaintCategories.Select(c => c.Id).FirstAsync();
            var intake = new Web.Domain.Cases.Intake(officeId, Guid.NewGuid(), now) { ClientId = clientId, CategoryIds = [categoryId] };
            intake.Submit(now);
            intake.Accept(Guid.NewGuid(), now);
            db.Intakes.Add(intake);
            var year = now.Year;
            var number = await CaseNumbers.NextAsync(db, officeId, year);
            var @case = new Case(officeId, "TST", year, number, intake, "Test case", Guid.NewGuid(), DateOnly.FromDateTime(now.UtcDateTime), now);
            if (caseworkerId is not null)
            {
                @case.Assign(caseworkerId, null, [], Guid.NewGuid(), now);
            }

            db.Cases.Add(@case);
            await db.SaveChangesAsync();
            return @case;
        });
    }

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

    /// <summary>Posts to <paramref name="action"/> with the antiforgery token of any form on <paramref name="pageUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string pageUrl, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await http.GetDocumentAsync(pageUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await http.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

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
