using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MigrantAid.Web;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Tests.Support;

/// <summary>
/// Builders for intake and case tests: offices and staff in the database, and the intake steps
/// driven through HTTP the way the browser submits them (hidden fields such as the row version included).
/// </summary>
public sealed class CaseWorkKit(PortalFactory portal)
{
    public const string TimeZone = "Europe/Moscow";

    public async Task<Office> OfficeAsync(string code, string? name = null)
    {
        return await portal.WithDbAsync(async db =>
        {
            var office = new Office(name ?? "Office " + code, "Kazan", "RU", TimeZone, portal.Clock.GetUtcNow());
            office.SetCode(code, portal.Clock.GetUtcNow());
            db.Offices.Add(office);
            await db.SaveChangesAsync();
            return office;
        });
    }

    /// <summary>A user with roles, in an office (set before signing in: the office is a claim of the cookie).</summary>
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
            user.OfficeId = officeId;
        }

        return user;
    }

    /// <summary>A resource's English text (the key itself until the resources have it).</summary>
    public string English(string key, params object[] arguments)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
        try
        {
            return portal.Services.GetRequiredService<IStringLocalizer<SharedResource>>()[key, arguments];
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(portal.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);

    public Task<int> CategoryIdAsync(string code) =>
        portal.WithDbAsync(db => db.ComplaintCategories.Where(c => c.Code == code).Select(c => c.Id).SingleAsync());

    /// <summary>A client registered directly (as another intake would have).</summary>
    public Task<Guid> ClientAsync(Guid officeId, string name, string? patronymic = null, int? birthYear = null)
    {
        return portal.WithDbAsync(async db =>
        {
            var client = new Client(officeId, name, patronymic, Guid.NewGuid(), portal.Clock.GetUtcNow());
            client.SetBirth(null, birthYear);
            db.Clients.Add(client);
            await db.SaveChangesAsync();
            return client.Id;
        });
    }

    /// <summary>
    /// An open case stored directly (client, submitted intake, case), for tests about the case file rather than the intake.
    /// </summary>
    public async Task<Guid> CaseAsync(Office office, string clientName, Guid? caseworker = null, Guid? leadLawyer = null,
        IReadOnlyCollection<Guid>? lawyers = null, bool confidential = false, string title = "Unpaid wages on a building site", int? number = null)
    {
        var clientId = await ClientAsync(office.Id, clientName);
        var category = await CategoryIdAsync("labour.unpaid-wages");
        return await portal.WithDbAsync(async db =>
        {
            var now = portal.Clock.GetUtcNow();
            var actor = caseworker ?? Guid.NewGuid();
            var intake = new Intake(office.Id, actor, now) { ClientId = clientId, CategoryIds = [category], Account = "Worked three months without pay." };
            intake.AddRespondent("Stroy-Invest LLC", RespondentType.Employer, Sector.Construction);
            intake.Submit(now);
            intake.Accept(actor, now);
            db.Intakes.Add(intake);
            var year = Today.Year;
            var next = number ?? await Web.Data.CaseNumbers.NextAsync(db, office.Id, year);
            var c = new Case(office.Id, office.CasePrefix, year, next, intake, title, actor, Today, now);
            c.Assign(caseworker, leadLawyer, lawyers ?? [], actor, now);
            if (confidential)
            {
                c.Update(c.Title, c.Priority, true, actor, now);
            }

            db.Cases.Add(c);
            db.CaseCategories.Add(new CaseCategory { CaseId = c.Id, CategoryId = category });
            await db.SaveChangesAsync();
            return c.Id;
        });
    }

    // ---- Through HTTP ---------------------------------------------------------------------------

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

    /// <summary>Starts a draft and returns its id.</summary>
    public static async Task<Guid> StartIntakeAsync(HttpClient client)
    {
        var location = Location(await PostFormAsync(client, "/intakes", "/intakes/new", []));
        location.Should().EndWith("/client");
        return IdIn(location, 1);
    }

    public static async Task<HttpResponseMessage> RegisterClientAsync(HttpClient client, Guid intake, string name, string? patronymic = null, string next = "continue") =>
        await PostFormAsync(client, $"/intakes/{intake}/client", $"/intakes/{intake}/client/new",
        [
            new("NewClient.FullName", name),
            new("NewClient.Patronymic", patronymic ?? ""),
            new("NewClient.BirthYear", "1990"),
            new("NewClient.Sex", "Male"),
            new("NewClient.Citizenship", "TJ"),
            new("NewClient.ConfirmNew", "true"),
            new("Next", next),
        ]);

    public async Task<HttpResponseMessage> ComplaintAsync(HttpClient client, Guid intake, string next = "continue", string account = "He worked on a building site for three months and was not paid.",
        IEnumerable<KeyValuePair<string, string>>? respondents = null)
    {
        var category = await CategoryIdAsync("labour.unpaid-wages");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("CategoryIds", category.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("IncidentCountry", "RU"),
            new("IncidentCity", "St Petersburg"),
            new("IncidentFrom", Today.AddMonths(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("IncidentTo", Today.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Account", account),
            new("ClientWishes", "To be paid what he is owed."),
            new("Next", next),
        };
        fields.AddRange(respondents ??
        [
            new("Respondents[0].Name", "Stroy-Invest LLC"),
            new("Respondents[0].Type", "Employer"),
            new("Respondents[0].Sector", "Construction"),
        ]);
        return await PostFormAsync(client, $"/intakes/{intake}/complaint", $"/intakes/{intake}/complaint", fields);
    }

    public async Task<HttpResponseMessage> ConsentAsync(HttpClient client, Guid intake, string next = "continue") =>
        await PostFormAsync(client, $"/intakes/{intake}/consent", $"/intakes/{intake}/consent",
        [
            new("Status", "Given"),
            new("Date", Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Scope", "Legal help with this complaint."),
            new("Next", next),
        ]);

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, Guid intake, bool detention = false)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Next", "submit") };
        if (detention)
        {
            fields.Add(new("InDetention", "true"));
        }

        return await PostFormAsync(client, $"/intakes/{intake}/triage", $"/intakes/{intake}/triage", fields);
    }

    /// <summary>A whole intake through the steps, submitted; returns its id.</summary>
    public async Task<Guid> SubmittedIntakeAsync(HttpClient client, string clientName, bool urgent = false)
    {
        var intake = await StartIntakeAsync(client);
        Location(await RegisterClientAsync(client, intake, clientName)).Should().Be($"/intakes/{intake}/complaint");
        Location(await ComplaintAsync(client, intake)).Should().Be($"/intakes/{intake}/consent");
        Location(await ConsentAsync(client, intake)).Should().Be($"/intakes/{intake}/triage");
        Location(await SubmitAsync(client, intake, urgent)).Should().Be($"/intakes/{intake}");
        return intake;
    }

    public static async Task<Guid> AcceptAsync(HttpClient client, Guid intake, string title, Guid? leadLawyer = null)
    {
        var location = Location(await PostFormAsync(client, $"/intakes/{intake}", $"/intakes/{intake}/accept",
        [
            new("Accept.Title", title),
            new("Accept.Priority", "Normal"),
            new("Accept.LeadLawyerId", leadLawyer?.ToString() ?? ""),
        ]));
        location.Should().StartWith("/cases/");
        return IdIn(location, 1);
    }

    public Task<Case> StoredCaseAsync(Guid id) =>
        portal.WithDbAsync(db => db.Cases.AsNoTracking().Include(c => c.Lawyers).Include(c => c.Clients).SingleAsync(c => c.Id == id));

    public Task<Intake> StoredIntakeAsync(Guid id) =>
        portal.WithDbAsync(db => db.Intakes.AsNoTracking().Include(i => i.Respondents).SingleAsync(i => i.Id == id));
}
