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
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(portal.Clock.GetUtcNow(),
        TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Separation_is_set_and_cleared_on_the_client_and_every_bad_date_is_said_at_its_field()
    {
        var office = await portal.Office().SaveAsync();
        var born = Today.AddYears(-12);
        var child = await portal.Client(office.Id).Named("Юлдашев Темур").With(c => c.SetBirth(born, null)).SaveAsync();
        var http = await portal.Staff("separation@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SignedInAsync();
        var url = $"/clients/{child.Id}/edit";
        var form = await http.GetDocumentAsync(url);

        async Task<string> RefusedAsync(string field, params (string Name, string Value)[] changes)
        {
            var page = await ClientForms.PageAsync(await http.PostAsync(url, ClientForms.Form(form, changes)));
            ClientForms.Value(page, "SeparatedFrom").Should().Be(changes.FirstOrDefault(c => c.Name == "SeparatedFrom").Value ?? "", "what was typed is kept");
            return ClientForms.FieldError(page, field);
        }

        (await RefusedAsync("SeparatedOn", ("Vulnerabilities", "SeparatedChild"), ("SeparatedOn", Iso(Today.AddDays(1))), ("SeparatedFrom", "Mother")))
            .Should().Be("The date of separation cannot be in the future.");
        (await RefusedAsync("SeparatedOn", ("Vulnerabilities", "SeparatedChild"), ("SeparatedOn", Iso(born.AddDays(-1))), ("SeparatedFrom", "Mother")))
            .Should().Be("The date of separation cannot be before the date of birth.");
        (await RefusedAsync("SeparatedFrom", ("SeparatedOn", ""), ("SeparatedFrom", "Mother")))
            .Should().Be("Tick \"Separated child\" to record the separation, or clear this field.");
        (await portal.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == child.Id))).Vulnerabilities.Should().Be(Vulnerability.None, "nothing refused is saved");

        var separatedOn = Today.AddDays(-9);
        var saved = await http.PostAsync(url, ClientForms.Form(form,
            ("Vulnerabilities", "SeparatedChild"), ("SeparatedOn", Iso(separatedOn)), ("SeparatedFrom", "Mother, expelled to Tajikistan")));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await portal.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == child.Id));
        stored.Vulnerabilities.Should().Be(Vulnerability.SeparatedChild);
        stored.SeparatedOn.Should().Be(separatedOn);
        stored.SeparatedFrom.Should().Be("Mother, expelled to Tajikistan");
        var update = (await portal.AuditAsync(ClientAuditActions.Updated)).Single(a => a.EntityId == child.Id.ToString());
        ClientForms.Changes(update.Details).Should().BeEquivalentTo(new Dictionary<string, string?[]>
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
        var cleared = await http.PostAsync(url, ClientForms.Form(edit, ("Vulnerabilities", "Undocumented"), ("SeparatedOn", ""), ("SeparatedFrom", "")));
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
        var office = await portal.Office().SaveAsync();
        var adult = await portal.Client(office.Id).Named("Юлдашева Малика").With(c => c.SetBirth(new DateOnly(1986, 9, 2), null)).SaveAsync();
        var url = $"/clients/{adult.Id}/edit";
        (string, string)[] changes = [("Vulnerabilities", "SeparatedChild"), ("SeparatedOn", "2020-01-15"), ("SeparatedFrom", "Father")];

        var english = await portal.Staff("adult-en@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SignedInAsync();
        var page = await ClientForms.PageAsync(await english.PostAsync(url, ClientForms.Form(await english.GetDocumentAsync(url), changes)));
        ClientForms.FieldError(page, "SeparatedOn").Should().Be("The client was 18 or older on this date: a separated child is separated before turning 18.");
        ClientForms.Value(page, "SeparatedOn").Should().Be("2020-01-15");

        await portal.Staff("adult-ru@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        await portal.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == "adult-ru@test.local")).PreferredLanguage = "ru";
            return await db.SaveChangesAsync();
        });
        var russian = await portal.SignedInClientAsync("adult-ru@test.local");
        page = await ClientForms.PageAsync(await russian.PostAsync(url, ClientForms.Form(await russian.GetDocumentAsync(url), changes)));
        ClientForms.FieldError(page, "SeparatedOn").Should().Be("На эту дату клиенту уже исполнилось 18 лет: разлучённый ребёнок разлучён до 18 лет.");
        page = await ClientForms.PageAsync(await russian.PostAsync(url, ClientForms.Form(await russian.GetDocumentAsync(url),
            ("Vulnerabilities", "SeparatedChild"), ("SeparatedOn", Iso(Today.AddDays(3))), ("SeparatedFrom", ""))));
        ClientForms.FieldError(page, "SeparatedOn").Should().Be("Дата разлучения не может быть в будущем.");
        page.QuerySelector("label[for=vulnerability-Undocumented]")!.TextContent.Should().Be("Нет документов, удостоверяющих личность");
        (await portal.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == adult.Id))).Vulnerabilities.Should().Be(Vulnerability.None);
    }

    [Fact]
    public async Task Badges_show_on_the_client_page_client_list_case_page_and_case_list()
    {
        var office = await portal.Office().SaveAsync();
        var caseworker = await portal.Staff("badges@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var flagged = await portal.Client(office.Id).Named("Гасанов Руслан").BornIn(1978).With(c => c.Vulnerabilities = Vulnerability.Undocumented | Vulnerability.SeparatedChild).SaveAsync();
        var plain = await portal.Client(office.Id).Named("Назаров Бахром").BornIn(1986).SaveAsync();
        var flaggedCase = await portal.Case(office).ForClient(flagged.Id).WithTitle("Test case").OpenedToday().AssignedTo(caseworker.Id).SaveAsync();
        var plainCase = await portal.Case(office).ForClient(plain.Id).WithTitle("Test case").OpenedToday().AssignedTo(caseworker.Id).SaveAsync();
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
