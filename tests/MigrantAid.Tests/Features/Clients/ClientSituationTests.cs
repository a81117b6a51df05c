using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Tests.Features.Clients;

/// <summary>Issue 12 point 6: "no identity documents" and "separated child" recorded on the client, with field checks, and shown as badges.</summary>
public class ClientSituationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly ClientWorld _world = new(portal);

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(portal.Clock.GetUtcNow(),
        TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Separation_is_set_and_cleared_on_the_client_and_every_bad_date_is_said_at_its_field()
    {
        var office = await _world.OfficeAsync("Separation office");
        var born = Today.AddYears(-12);
        var child = await _world.ClientAsync(office.Id, "Юлдашев Темур", configure: c => c.SetBirth(born, null));
        var http = await _world.SignedInStaffAsync("separation@test.local", office.Id, Roles.Caseworker);
        var url = $"/clients/{child.Id}/edit";
        var form = await http.GetDocumentAsync(url);

        async Task<string> RefusedAsync(string field, params (string Name, string Value)[] changes)
        {
            var page = await ClientWorld.PageAsync(await http.PostAsync(url, ClientWorld.Form(form, changes)));
            ClientWorld.Value(page, "SeparatedFrom").Should().Be(changes.FirstOrDefault(c => c.Name == "SeparatedFrom").Value ?? "", "what was typed is kept");
            return ClientWorld.FieldError(page, field);
        }

        (await RefusedAsync("SeparatedOn", ("Vulnerabilities", "SeparatedChild"), ("SeparatedOn", Iso(Today.AddDays(1))), ("SeparatedFrom", "Mother")))
            .Should().Be("The date of separation cannot be in the future.");
        (await RefusedAsync("SeparatedOn", ("Vulnerabilities", "SeparatedChild"), ("SeparatedOn", Iso(born.AddDays(-1))), ("SeparatedFrom", "Mother")))
            .Should().Be("The date of separation cannot be before the date of birth.");
        (await RefusedAsync("SeparatedFrom", ("SeparatedOn", ""), ("SeparatedFrom", "Mother")))
            .Should().Be("Tick \"Separated child\" to record the separation, or clear this field.");
        (await portal.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == child.Id))).Vulnerabilities.Should().Be(Vulnerability.None, "nothing refused is saved");

        var separatedOn = Today.AddDays(-9);
        var saved = await http.PostAsync(url, ClientWorld.Form(form,
            ("Vulnerabilities", "SeparatedChild"), ("SeparatedOn", Iso(separatedOn)), ("SeparatedFrom", "Mother, expelled to Tajikistan")));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await portal.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == child.Id));
        stored.Vulnerabilities.Should().Be(Vulnerability.SeparatedChild);
        stored.SeparatedOn.Should().Be(separatedOn);
        stored.SeparatedFrom.Should().Be("Mother, expelled to Tajikistan");
        var update = (await portal.AuditAsync(ClientAuditActions.Updated)).Single(a => a.EntityId == child.Id.ToString());
        ClientWorld.Changes(update.Details).Should().BeEquivalentTo(new Dictionary<string, string?[]>
        {
            ["Vulnerabilities"] = ["None", "SeparatedChild"],
            ["SeparatedOn"] = [null, Iso(separatedOn)],
            ["SeparatedFrom"] = [null, "Mother, expelled to Tajikistan"],
        });

        var shown = await http.GetDocumentAsync($"/clients/{child.Id}");
        shown.QuerySelector("[data-testid=vulnerability-SeparatedChild]")!.TextContent.Should().Be("Separated child");
        shown.QuerySelector("[data-testid=client-separation]")!.TextContent.Should().Contain("Mother, expelled to Tajikistan")
            .And.Contain(separatedOn.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB")), "dates are written day first with the month as a word");

        var edit = await http.GetDocumentAsync(url);
        var cleared = await http.PostAsync(url, ClientWorld.Form(edit, ("Vulnerabilities", "Undocumented"), ("SeparatedOn", ""), ("SeparatedFrom", "")));
        cleared.StatusCode.Should().Be(HttpStatusCode.Redirect);
        stored = await portal.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == child.Id));
        stored.Vulnerabilities.Should().Be(Vulnerability.Undocumented);
        stored.SeparatedOn.Should().BeNull();
        stored.SeparatedFrom.Should().BeNull();
        var badges = (await http.GetDocumentAsync($"/clients/{child.Id}")).QuerySelectorAll("[data-testid^=vulnerability-]").Select(b => b.TextContent).ToList();
        badges.Should().Equal("No identity documents");
    }

    [Fact]
    public async Task A_person_already_adult_on_the_date_is_not_a_separated_child_in_English_and_Russian()
    {
        var office = await _world.OfficeAsync("Adult separation office");
        var adult = await _world.ClientAsync(office.Id, "Юлдашева Малика", configure: c => c.SetBirth(new DateOnly(1986, 9, 2), null));
        var url = $"/clients/{adult.Id}/edit";
        (string, string)[] changes = [("Vulnerabilities", "SeparatedChild"), ("SeparatedOn", "2020-01-15"), ("SeparatedFrom", "Father")];

        var english = await _world.SignedInStaffAsync("adult-en@test.local", office.Id, Roles.Caseworker);
        var page = await ClientWorld.PageAsync(await english.PostAsync(url, ClientWorld.Form(await english.GetDocumentAsync(url), changes)));
        ClientWorld.FieldError(page, "SeparatedOn").Should().Be("The client was 18 or older on this date: a separated child is separated before turning 18.");
        ClientWorld.Value(page, "SeparatedOn").Should().Be("2020-01-15");

        await _world.StaffAsync("adult-ru@test.local", office.Id, Roles.Caseworker);
        await portal.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == "adult-ru@test.local")).PreferredLanguage = "ru";
            return await db.SaveChangesAsync();
        });
        var russian = await portal.SignedInClientAsync("adult-ru@test.local");
        page = await ClientWorld.PageAsync(await russian.PostAsync(url, ClientWorld.Form(await russian.GetDocumentAsync(url), changes)));
        ClientWorld.FieldError(page, "SeparatedOn").Should().Be("На эту дату клиенту уже исполнилось 18 лет: разлучённый ребёнок разлучён до 18 лет.");
        page = await ClientWorld.PageAsync(await russian.PostAsync(url, ClientWorld.Form(await russian.GetDocumentAsync(url),
            ("Vulnerabilities", "SeparatedChild"), ("SeparatedOn", Iso(Today.AddDays(3))), ("SeparatedFrom", ""))));
        ClientWorld.FieldError(page, "SeparatedOn").Should().Be("Дата разлучения не может быть в будущем.");
        page.QuerySelector("label[for=vulnerability-Undocumented]")!.TextContent.Should().Be("Нет документов, удостоверяющих личность");
        (await portal.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == adult.Id))).Vulnerabilities.Should().Be(Vulnerability.None);
    }

    [Fact]
    public async Task Badges_show_on_the_client_page_client_list_case_page_and_case_list()
    {
        var office = await _world.OfficeAsync("Badge office");
        var caseworker = await _world.StaffAsync("badges@test.local", office.Id, Roles.Caseworker);
        var flagged = await _world.ClientAsync(office.Id, "Гасанов Руслан", birthYear: 1978,
            configure: c => c.Vulnerabilities = Vulnerability.Undocumented | Vulnerability.SeparatedChild);
        var plain = await _world.ClientAsync(office.Id, "Назаров Бахром", birthYear: 1986);
        var flaggedCase = await _world.CaseAsync(office.Id, flagged.Id, caseworker.Id);
        var plainCase = await _world.CaseAsync(office.Id, plain.Id, caseworker.Id);
        var http = await portal.SignedInClientAsync("badges@test.local");

        static List<string> Badges(AngleSharp.Dom.IElement? scope) =>
            scope!.QuerySelectorAll("[data-testid^=vulnerability-]").Select(b => b.GetAttribute("data-testid")!).ToList();

        Badges((await http.GetDocumentAsync($"/clients/{flagged.Id}")).DocumentElement)
            .Should().Equal("vulnerability-Undocumented", "vulnerability-SeparatedChild");
        var list = await http.GetDocumentAsync("/clients");
        AngleSharp.Dom.IElement RowOf(Guid id) => list.QuerySelectorAll("tr").First(tr => tr.QuerySelector($"a[href='/clients/{id}']") is not null);
        Badges(RowOf(flagged.Id)).Should().Equal("vulnerability-Undocumented", "vulnerability-SeparatedChild");
        Badges(RowOf(plain.Id)).Should().BeEmpty();
        Badges((await http.GetDocumentAsync($"/cases/{flaggedCase.Id}")).QuerySelector($"[data-testid=case-client][data-client-id='{flagged.Id}']"))
            .Should().Equal("vulnerability-Undocumented", "vulnerability-SeparatedChild");
        var cases = await http.GetDocumentAsync("/cases?scope=mine");
        Badges(cases.QuerySelector($"[data-testid=case-row][data-case-id='{flaggedCase.Id}']")).Should().Equal("vulnerability-Undocumented", "vulnerability-SeparatedChild");
        Badges(cases.QuerySelector($"[data-testid=case-row][data-case-id='{plainCase.Id}']")).Should().BeEmpty();
    }
}
