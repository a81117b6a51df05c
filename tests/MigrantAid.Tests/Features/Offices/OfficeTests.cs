using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MigrantAid.Tests.Support;
using MigrantAid.Web;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Features.Offices;

public class OfficeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Admin_creates_office_and_it_is_listed_and_audited()
    {
        var admin = await portal.CreateUserAsync("office-create-admin@test.local", Roles.Admin);
        var client = await portal.SignedInClientAsync("office-create-admin@test.local");

        var response = await client.SubmitFormAsync("/offices/create", OfficeForm("Kazan Office", "Kazan", "RU", "Europe/Moscow"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/offices");
        var office = await portal.WithDbAsync(db => db.Offices.AsNoTracking().SingleAsync(o => o.Name == "Kazan Office"));
        office.City.Should().Be("Kazan");
        office.CountryCode.Should().Be("RU");
        office.TimeZoneId.Should().Be("Europe/Moscow");

        var member = await portal.CreateUserAsync("office-create-member@test.local", Roles.Caseworker);
        await portal.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == member.Id);
            user.OfficeId = office.Id;
            return await db.SaveChangesAsync();
        });

        var list = await client.GetDocumentAsync("/offices");
        list.QuerySelector("[data-testid=create-office]")!.GetAttribute("href").Should().Be("/offices/create");
        var row = Row(list, office.Id);
        row.QuerySelector("[data-testid=office-name]")!.TextContent.Trim().Should().Be("Kazan Office");
        row.QuerySelector("[data-testid=office-city]")!.TextContent.Trim().Should().Be("Kazan");
        row.QuerySelector("[data-testid=office-country]")!.TextContent.Trim().Should().Be(English("Country.RU"));
        row.QuerySelector("[data-testid=office-time-zone]")!.TextContent.Trim().Should().Be("Europe/Moscow");
        row.QuerySelector("[data-testid=office-users]")!.TextContent.Trim().Should().Be("1");

        var created = (await portal.AuditAsync(AuditActions.OfficeCreated)).Should().ContainSingle(a => a.EntityId == office.Id.ToString()).Subject;
        created.ActorId.Should().Be(admin.Id);
        created.EntityType.Should().Be("office");
        Changes(created.Details).Should().ContainKey("Name").WhoseValue.Should().Be((null, "Kazan Office"));
    }

    [Fact]
    public async Task Offices_are_listed_by_name()
    {
        await portal.CreateUserAsync("office-order-admin@test.local", Roles.Admin);
        await AddOfficeAsync("Order Zeta", "Omsk", "RU", "Asia/Omsk");
        await AddOfficeAsync("Order Alpha", "Baku", "AZ", "Asia/Baku");
        var client = await portal.SignedInClientAsync("office-order-admin@test.local");

        var names = (await client.GetDocumentAsync("/offices")).QuerySelectorAll("[data-testid=office-name]")
            .Select(n => n.TextContent.Trim()).Where(n => n.StartsWith("Order ", StringComparison.Ordinal)).ToList();

        names.Should().Equal("Order Alpha", "Order Zeta");
    }

    [Fact]
    public async Task Offices_list_pages_by_name_without_duplicates_or_gaps()
    {
        await portal.CreateUserAsync("office-paging-admin@test.local", Roles.Admin);
        var expected = Enumerable.Range(0, 60).Select(i => $"Paging {i:00}").ToList();
        foreach (var name in expected.AsEnumerable().Reverse())
        {
            await AddOfficeAsync(name, "Yerevan", "AM", "Asia/Yerevan");
        }

        var client = await portal.SignedInClientAsync("office-paging-admin@test.local");
        var seen = new List<string>();
        string? url = "/offices";
        for (var pages = 0; url is not null; pages++)
        {
            pages.Should().BeLessThan(10, "paging must end");
            var page = await client.GetDocumentAsync(url);
            page.QuerySelectorAll("[data-testid=office-row]").Length.Should().BeLessThanOrEqualTo(50);
            seen.AddRange(page.QuerySelectorAll("[data-testid=office-name]").Select(n => n.TextContent.Trim()));
            url = page.QuerySelector("[data-testid=next-page]")?.GetAttribute("href");
        }

        seen.Should().OnlyHaveUniqueItems();
        seen.Where(n => n.StartsWith("Paging ", StringComparison.Ordinal)).Should().Equal(expected);
    }

    [Fact]
    public async Task Office_edit_changes_are_audited_with_old_and_new_values()
    {
        var admin = await portal.CreateUserAsync("office-edit-admin@test.local", Roles.Admin);
        var office = await AddOfficeAsync("Samara Office", "Samara", "RU", "Europe/Samara");
        var client = await portal.SignedInClientAsync("office-edit-admin@test.local");
        var url = $"/offices/{office.Id}/edit";
        var form = await client.GetDocumentAsync(url);
        form.QuerySelector("input[name=Name]")!.GetAttribute("value").Should().Be("Samara Office");
        form.QuerySelector("select[name=TimeZoneId] option[selected]")!.GetAttribute("value").Should().Be("Europe/Samara");

        var response = await client.SubmitFormAsync(url, OfficeForm("Samara Office", "Tolyatti", "RU", "Europe/Moscow", Version(form)));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await portal.WithDbAsync(db => db.Offices.AsNoTracking().SingleAsync(o => o.Id == office.Id));
        stored.City.Should().Be("Tolyatti");
        stored.TimeZoneId.Should().Be("Europe/Moscow");
        var updated = (await portal.AuditAsync(AuditActions.OfficeUpdated)).Should().ContainSingle(a => a.EntityId == office.Id.ToString()).Subject;
        updated.ActorId.Should().Be(admin.Id);
        Changes(updated.Details).Should().BeEquivalentTo(new Dictionary<string, (string?, string?)>
        {
            ["City"] = ("Samara", "Tolyatti"),
            ["TimeZoneId"] = ("Europe/Samara", "Europe/Moscow"),
        }, "only the changed fields are recorded, each with its old and new value");
    }

    [Fact]
    public async Task Duplicate_office_name_gets_field_message_and_keeps_input()
    {
        await portal.CreateUserAsync("office-dup-admin@test.local", Roles.Admin);
        await AddOfficeAsync("Almaty Office", "Almaty", "KZ", "Asia/Almaty");
        var other = await AddOfficeAsync("Aqtobe Office", "Aqtobe", "KZ", "Asia/Aqtobe");
        var client = await portal.SignedInClientAsync("office-dup-admin@test.local");

        var create = await client.SubmitFormAsync("/offices/create", OfficeForm(" Almaty Office ", "Almaty-2", "KZ", "Asia/Almaty"));

        create.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = HttpForms.Parse(await create.Content.ReadAsStringAsync());
        FieldMessage(page, "Name").Should().Contain("already exists");
        page.QuerySelector("input[name=Name]")!.GetAttribute("value").Should().Be(" Almaty Office ");
        page.QuerySelector("input[name=City]")!.GetAttribute("value").Should().Be("Almaty-2");
        page.QuerySelector("select[name=CountryCode] option[selected]")!.GetAttribute("value").Should().Be("KZ");
        page.QuerySelector("select[name=TimeZoneId] option[selected]")!.GetAttribute("value").Should().Be("Asia/Almaty");
        (await portal.WithDbAsync(db => db.Offices.CountAsync(o => o.City == "Almaty-2"))).Should().Be(0);

        var editUrl = $"/offices/{other.Id}/edit";
        var rename = await client.SubmitFormAsync(editUrl, OfficeForm("Almaty Office", "Aqtobe", "KZ", "Asia/Aqtobe", Version(await client.GetDocumentAsync(editUrl))));

        rename.StatusCode.Should().Be(HttpStatusCode.OK);
        FieldMessage(HttpForms.Parse(await rename.Content.ReadAsStringAsync()), "Name").Should().Contain("already exists");
        (await portal.WithDbAsync(db => db.Offices.AsNoTracking().SingleAsync(o => o.Id == other.Id))).Name.Should().Be("Aqtobe Office");
    }

    [Fact]
    public async Task Invalid_time_zone_and_country_are_refused()
    {
        await portal.CreateUserAsync("office-invalid-admin@test.local", Roles.Admin);
        var client = await portal.SignedInClientAsync("office-invalid-admin@test.local");

        var response = await client.SubmitFormAsync("/offices/create", OfficeForm("Atlantis Office", "Atlantis", "XX", "Mars/Olympus_Mons"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        FieldMessage(page, "CountryCode").Should().Contain("Choose a country");
        FieldMessage(page, "TimeZoneId").Should().Contain("Choose a time zone");
        page.QuerySelector("input[name=Name]")!.GetAttribute("value").Should().Be("Atlantis Office");
        page.QuerySelector("input[name=City]")!.GetAttribute("value").Should().Be("Atlantis");
        (await portal.WithDbAsync(db => db.Offices.CountAsync(o => o.Name == "Atlantis Office"))).Should().Be(0);
    }

    [Fact]
    public async Task Missing_and_too_long_fields_get_messages_at_the_field()
    {
        await portal.CreateUserAsync("office-required-admin@test.local", Roles.Admin);
        var client = await portal.SignedInClientAsync("office-required-admin@test.local");
        var longName = new string('n', Office.NameMaxLength + 1);

        var response = await client.SubmitFormAsync("/offices/create", OfficeForm(longName, " ", "", ""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        FieldMessage(page, "Name").Should().Contain(Office.NameMaxLength.ToString(CultureInfo.InvariantCulture));
        FieldMessage(page, "City").Should().NotBeEmpty();
        FieldMessage(page, "CountryCode").Should().NotBeEmpty();
        FieldMessage(page, "TimeZoneId").Should().NotBeEmpty();
        page.QuerySelector("input[name=Name]")!.GetAttribute("value").Should().Be(longName);
    }

    [Fact]
    public async Task Concurrent_office_edit_is_refused_and_shows_current_values()
    {
        await portal.CreateUserAsync("office-race-admin@test.local", Roles.Admin);
        var office = await AddOfficeAsync("Tbilisi Office", "Tbilisi", "GE", "Asia/Tbilisi");
        var client = await portal.SignedInClientAsync("office-race-admin@test.local");
        var url = $"/offices/{office.Id}/edit";
        var versionReadByForm = Version(await client.GetDocumentAsync(url));

        // Another administrator saves in between.
        await portal.WithDbAsync(async db =>
        {
            var stored = await db.Offices.SingleAsync(o => o.Id == office.Id);
            stored.Update("Tbilisi Central", "Tbilisi", "GE", "Asia/Tbilisi", portal.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        var response = await client.SubmitFormAsync(url, OfficeForm("Tbilisi Office", "Batumi", "GE", "Asia/Tbilisi", versionReadByForm));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=conflict]")!.TextContent.Should().Contain("Someone else saved this office");
        page.QuerySelector("[data-testid=current-Name]")!.TextContent.Should().Contain("Tbilisi Central");
        page.QuerySelector("input[name=City]")!.GetAttribute("value").Should().Be("Batumi", "the user's typed values are kept");
        page.QuerySelector("input[name=Name]")!.GetAttribute("value").Should().Be("Tbilisi Office");
        var stored = await portal.WithDbAsync(db => db.Offices.AsNoTracking().SingleAsync(o => o.Id == office.Id));
        stored.Name.Should().Be("Tbilisi Central", "the other save is not overwritten");
        stored.City.Should().Be("Tbilisi");
        (await portal.AuditAsync(AuditActions.OfficeUpdated)).Should().NotContain(a => a.EntityId == office.Id.ToString());

        // Having seen the other values, saving again from the refreshed form is a deliberate overwrite.
        Version(page).Should().Be(stored.Version.ToString(CultureInfo.InvariantCulture));
        var again = await client.SubmitFormAsync(url, OfficeForm("Tbilisi Office", "Batumi", "GE", "Asia/Tbilisi", Version(page)));
        again.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await portal.WithDbAsync(db => db.Offices.AsNoTracking().SingleAsync(o => o.Id == office.Id))).City.Should().Be("Batumi");
    }

    [Fact]
    public async Task Tampered_version_gets_a_message_and_changes_nothing()
    {
        await portal.CreateUserAsync("office-tamper-admin@test.local", Roles.Admin);
        var office = await AddOfficeAsync("Chisinau Office", "Chisinau", "MD", "Europe/Chisinau");
        var client = await portal.SignedInClientAsync("office-tamper-admin@test.local");

        var response = await client.SubmitFormAsync($"/offices/{office.Id}/edit", OfficeForm("Chisinau Office", "Balti", "MD", "Europe/Chisinau", "not-a-version"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        HttpForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.Should().Contain("out of date");
        (await portal.WithDbAsync(db => db.Offices.AsNoTracking().SingleAsync(o => o.Id == office.Id))).City.Should().Be("Chisinau");
    }

    [Fact]
    public async Task Unknown_office_id_is_404()
    {
        await portal.CreateUserAsync("office-404-admin@test.local", Roles.Admin);
        var client = await portal.SignedInClientAsync("office-404-admin@test.local");

        (await client.GetAsync($"/offices/{Guid.NewGuid()}/edit")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/offices/not-a-guid/edit")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Lawyer)]
    [InlineData(Roles.Caseworker)]
    public async Task Non_admins_get_403_on_offices_and_audit(string role)
    {
        var email = $"office-forbidden-{role.ToLowerInvariant()}@test.local";
        await portal.CreateUserAsync(email, role);
        var office = await AddOfficeAsync("Forbidden " + role, "Minsk", "BY", "Europe/Minsk");
        var client = await portal.SignedInClientAsync(email);

        foreach (var url in new[] { "/offices", "/offices/create", $"/offices/{office.Id}/edit", "/audit", "/audit?action=auth.sign-in" })
        {
            StatusOf(await client.GetAsync(url)).Should().Be(HttpStatusCode.Forbidden, "{0} opens {1}", role, url);
        }

        var post = await client.PostWithoutTokenAsync("/offices/create", OfficeForm("Sneaky " + role, "Minsk", "BY", "Europe/Minsk"));
        StatusOf(post).Should().Be(HttpStatusCode.Forbidden);
        (await portal.WithDbAsync(db => db.Offices.CountAsync(o => o.Name == "Sneaky " + role))).Should().Be(0);
        (await portal.AuditAsync(AuditActions.AuditViewed)).Should().NotContain(a => a.ActorEmail == email);
    }

    /// <summary>A forbidden request is answered 403 directly (with the friendly error page), never redirected.</summary>
    internal static HttpStatusCode StatusOf(HttpResponseMessage response)
    {
        response.Headers.Location.Should().BeNull("a forbidden page answers 403 itself");
        return response.StatusCode;
    }

    private async Task<Office> AddOfficeAsync(string name, string city, string country, string zone) =>
        await portal.WithDbAsync(async db =>
        {
            var office = new Office(name, city, country, zone, portal.Clock.GetUtcNow());
            db.Offices.Add(office);
            await db.SaveChangesAsync();
            return office;
        });

    private static Dictionary<string, string> OfficeForm(string name, string city, string country, string zone, string? version = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Name"] = name,
            ["City"] = city,
            ["CountryCode"] = country,
            ["TimeZoneId"] = zone,
        };
        if (version is not null)
        {
            fields["Version"] = version;
        }

        return fields;
    }

    private static string Version(IHtmlDocument form) => form.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

    private static string FieldMessage(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for={field}]")?.TextContent.Trim() ?? "";

    private static AngleSharp.Dom.IElement Row(IHtmlDocument list, Guid officeId) =>
        list.QuerySelector($"[data-testid=office-row][data-office-id='{officeId}']")
        ?? throw new InvalidOperationException($"Office {officeId} is not listed.");

    private static Dictionary<string, (string? Old, string? New)> Changes(string? details)
    {
        using var json = JsonDocument.Parse(details!);
        return json.RootElement.GetProperty("changes").EnumerateArray().ToDictionary(
            c => c.GetProperty("field").GetString()!,
            c => (c.GetProperty("old").GetString(), c.GetProperty("new").GetString()));
    }

    private string English(string key)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        try
        {
            return portal.Services.GetRequiredService<IStringLocalizer<SharedResource>>()[key];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
