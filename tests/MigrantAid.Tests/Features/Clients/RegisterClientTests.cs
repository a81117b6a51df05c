using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Clients;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Tests.Features.Clients;

public class RegisterClientTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Register_finds_duplicates_before_creating()
    {
        var office = await portal.Office().SaveAsync();
        var saved = await portal.Client(office.Id).Named("Рахимов Фаррух", "Бахтиёрович").BornIn(1991).SaveAsync();
        await portal.Client(office.Id).Named("Рахимов Фарход").BornIn(1962).SaveAsync();
        await portal.Client(office.Id).Named("Рахимова Дилноза").BornIn(1990).SaveAsync();
        var http = await portal.Staff("reg-dup@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SignedInAsync();

        var response = await http.SubmitFormAsync("/clients/new", new Dictionary<string, string>
        {
            ["FullName"] = "Rahimov Farrukh",
            ["Patronymic"] = "",
            ["BirthDate"] = "",
            ["BirthYear"] = "1990",
        });

        var page = await ClientForms.PageAsync(response);
        var candidates = page.QuerySelectorAll("[data-testid=candidate]");
        candidates.Should().NotBeEmpty();
        candidates[0].GetAttribute("data-client-id").Should().Be(saved.Id.ToString(), "the same person in another script and a close year ranks first");
        candidates[0].QuerySelector("[data-testid=candidate-name]")!.TextContent.Should().Contain("Рахимов Фаррух");
        candidates[0].QuerySelector("a[data-testid=open-candidate]")!.GetAttribute("href").Should().Be($"/clients/{saved.Id}");
        candidates[0].QuerySelector("meter")!.GetAttribute("value").Should().MatchRegex("^[0-9]+$");
        candidates[0].QuerySelector("[data-testid=candidate-reasons]")!.TextContent.Should().Contain("1");
        (await portal.WithDbAsync(db => db.Clients.CountAsync(c => c.OfficeId == office.Id))).Should().Be(3, "looking for duplicates creates nothing");

        // "None of these": the typed values travel to the full form.
        var register = page.QuerySelector("form[data-testid=register-new-form]")!;
        register.QuerySelector("input[name=FullName]")!.GetAttribute("value").Should().Be("Rahimov Farrukh");
        register.QuerySelector("input[name=BirthYear]")!.GetAttribute("value").Should().Be("1990");
    }

    [Fact]
    public async Task Register_with_a_patronymic_finds_records_saved_with_or_without_one()
    {
        var office = await portal.Office().SaveAsync();
        var samePatronymic = await portal.Client(office.Id).Named("Rakhimov Farrukh", "Bakhtiyorovich").BornIn(1991).SaveAsync();
        var withoutPatronymic = await portal.Client(office.Id).Named("Рахимов Фаррух").BornIn(1991).SaveAsync();
        var otherPatronymic = await portal.Client(office.Id).Named("Рахимов Фаррух", "Азизович").BornIn(1991).SaveAsync();
        var http = await portal.Staff("reg-patronymic@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SignedInAsync();

        var response = await http.SubmitFormAsync("/clients/new", new Dictionary<string, string>
        {
            ["FullName"] = "Рахимов Фаррух",
            ["Patronymic"] = "Бахтиёрович",
            ["BirthYear"] = "1991",
        });

        var ids = (await ClientForms.PageAsync(response)).QuerySelectorAll("[data-testid=candidate]").Select(c => c.GetAttribute("data-client-id")).ToList();
        ids.Should().Contain(withoutPatronymic.Id.ToString(), "a record without the patronymic is still a possible duplicate");
        ids.Should().ContainInOrder([samePatronymic.Id.ToString(), otherPatronymic.Id.ToString()], "a different patronymic ranks lower");
        ids[0].Should().NotBe(otherPatronymic.Id.ToString());
    }

    [Fact]
    public async Task None_of_these_carries_the_values_to_the_full_form_and_registers_in_the_users_office()
    {
        var office = await portal.Office().SaveAsync();
        var user = await portal.Staff("reg-new@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var http = await portal.SignedInClientAsync("reg-new@test.local");

        var prefill = await http.PostWithTokenOfAsync("/clients/new", "/clients/create", new Dictionary<string, string>
        {
            ["Prefill"] = "true",
            ["FullName"] = "Юлдашева Малика",
            ["Patronymic"] = "Рустамовна",
            ["BirthDate"] = "2012-04-03",
            ["BirthYear"] = "",
        });
        var form = await ClientForms.PageAsync(prefill);
        ClientForms.Value(form, "FullName").Should().Be("Юлдашева Малика");
        ClientForms.Value(form, "Patronymic").Should().Be("Рустамовна");
        ClientForms.Value(form, "BirthDate").Should().Be("03/04/2012", "the date field shows the date day first, in the portal's language");
        form.QuerySelector("[data-testid=form-errors]").Should().BeNull("the prefilled form is not judged yet");

        var response = await http.PostWithTokenOfAsync("/clients/new", "/clients/create", new Dictionary<string, string>
        {
            ["FullName"] = "Юлдашева Малика",
            ["Patronymic"] = "Рустамовна",
            ["BirthDate"] = "2012-04-03",
            ["Sex"] = "Female",
            ["Citizenship"] = "UZ",
            ["Languages"] = "uz, ru",
            ["CurrentCountry"] = "RU",
            ["CurrentCity"] = "Kazan",
            ["Vulnerabilities"] = "Child",
            ["Contact.Channel"] = "Phone",
            ["Contact.Value"] = "+7 900 111 22 33",
            ["Contact.SafeToContact"] = "false",
            ["Contact.Note"] = "Mother's phone",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var stored = await portal.WithDbAsync(db => db.Clients.AsNoTracking().Include(c => c.Contacts).SingleAsync(c => c.FullName == "Юлдашева Малика"));
        response.Headers.Location!.ToString().Should().Be($"/clients/{stored.Id}");
        stored.OfficeId.Should().Be(office.Id);
        stored.CreatedBy.Should().Be(user.Id);
        stored.LatinName.Should().Be("Yuldasheva Malika Rustamovna");
        stored.BirthYear.Should().Be(2012);
        stored.Citizenship.Should().Be("UZ");
        stored.Vulnerabilities.Should().Be(Vulnerability.Child);
        stored.Contacts.Should().ContainSingle().Which.SafeToContact.Should().BeFalse();

        var created = (await portal.AuditAsync(ClientAuditActions.Created)).Should().ContainSingle(a => a.EntityId == stored.Id.ToString()).Subject;
        created.ActorId.Should().Be(user.Id);
        created.Details.Should().Contain("Phone").And.NotContain("900 111", "a contact's value never goes into the audit trail");

        var page = await http.GetDocumentAsync($"/clients/{stored.Id}");
        page.QuerySelector("[data-testid=contact-unsafe]")!.TextContent.Should().Contain("Do not contact this way");
    }

    [Fact]
    public async Task User_without_an_office_is_told_and_nothing_is_created()
    {
        var http = await portal.Staff("reg-nooffice@test.local").WithRoles(Roles.Coordinator).SignedInAsync();

        var start = await http.GetDocumentAsync("/clients/new");
        start.QuerySelectorAll("[data-testid=no-office]").Should().NotBeEmpty();
        var response = await http.PostWithTokenOfAsync("/clients/new", "/clients/create", new Dictionary<string, string>
        {
            ["FullName"] = "Officeless Person",
            ["Sex"] = "Male",
        });

        var page = await ClientForms.PageAsync(response);
        page.QuerySelector("[data-testid=form-errors]")!.TextContent.Should().Contain("no office");
        ClientForms.Value(page, "FullName").Should().Be("Officeless Person");
        (await portal.WithDbAsync(db => db.Clients.AnyAsync(c => c.FullName == "Officeless Person"))).Should().BeFalse();
    }

    [Fact]
    public async Task Bad_input_keeps_values()
    {
        var office = await portal.Office().SaveAsync();
        var http = await portal.Staff("reg-bad@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SignedInAsync();
        var tomorrow = DateOnly.FromDateTime(portal.Clock.GetUtcNow().UtcDateTime).AddDays(2).ToString("yyyy-MM-dd");
        var longName = new string('Ж', Client.NameMaxLength + 1);

        var response = await http.PostWithTokenOfAsync("/clients/new", "/clients/create", new Dictionary<string, string>
        {
            ["FullName"] = longName,
            ["BirthDate"] = tomorrow,
            ["Sex"] = "Male",
            ["Citizenship"] = "ZZ",
            ["CurrentCity"] = "Novosibirsk",
            ["Vulnerabilities"] = "Detained",
            ["Contact.Channel"] = "Telegram",
            ["Contact.Value"] = "@someone",
        });

        var page = await ClientForms.PageAsync(response);
        ClientForms.FieldError(page, "FullName").Should().Contain("at most");
        ClientForms.FieldError(page, "BirthDate").Should().Contain("future");
        ClientForms.FieldError(page, "Citizenship").Should().Contain("list");
        ClientForms.Value(page, "FullName").Should().Be(longName);
        ClientForms.Value(page, "BirthDate").Should().Be(tomorrow);
        ClientForms.Value(page, "CurrentCity").Should().Be("Novosibirsk");
        ClientForms.Value(page, "Contact.Value").Should().Be("@someone");
        page.QuerySelector("input[data-testid=vulnerability-Detained]")!.HasAttribute("checked").Should().BeTrue();
        (await portal.WithDbAsync(db => db.Clients.AnyAsync(c => c.OfficeId == office.Id))).Should().BeFalse("no half-written record");

        var year = await http.SubmitFormAsync("/clients/new", new Dictionary<string, string>
        {
            ["FullName"] = "Year Person",
            ["BirthYear"] = "1850",
        });
        var yearPage = await ClientForms.PageAsync(year);
        ClientForms.FieldError(yearPage, "BirthYear").Should().Contain("1900");
        ClientForms.Value(yearPage, "BirthYear").Should().Be("1850");
        yearPage.QuerySelector("[data-testid=candidates]").Should().BeNull();

        var mismatch = await http.SubmitFormAsync("/clients/new", new Dictionary<string, string>
        {
            ["FullName"] = "Year Person",
            ["BirthDate"] = "1991-05-02",
            ["BirthYear"] = "1985",
        });
        ClientForms.FieldError(await ClientForms.PageAsync(mismatch), "BirthYear").Should().Contain("does not match");

        // A document that expires before it was issued: message at the field, values kept, nothing saved.
        var client = await portal.Client(office.Id).Named("Document Person").SaveAsync();
        var document = await http.SubmitFormAsync($"/clients/{client.Id}/documents/new", new Dictionary<string, string>
        {
            ["Type"] = "WorkPatent",
            ["Number"] = "77 123456",
            ["IssuingCountry"] = "RU",
            ["IssuedOn"] = "2024-05-10",
            ["ExpiresOn"] = "2024-01-10",
        });
        var documentPage = await ClientForms.PageAsync(document);
        ClientForms.FieldError(documentPage, "ExpiresOn").Should().Contain("before the issue date");
        ClientForms.Value(documentPage, "Number").Should().Be("77 123456");
        ClientForms.Value(documentPage, "IssuedOn").Should().Be("2024-05-10");
        ClientForms.Value(documentPage, "ExpiresOn").Should().Be("2024-01-10");
        (await portal.WithDbAsync(db => db.Set<MigrationDocument>().AnyAsync(d => d.ClientId == client.Id))).Should().BeFalse();

        // An exit before the entry.
        var stay = await http.SubmitFormAsync($"/clients/{client.Id}/stays/new", new Dictionary<string, string>
        {
            ["Country"] = "RU",
            ["EntryDate"] = "2024-05-10",
            ["ExitDate"] = "2024-05-01",
        });
        var stayPage = await ClientForms.PageAsync(stay);
        ClientForms.FieldError(stayPage, "ExitDate").Should().Contain("before the entry date");
        ClientForms.Value(stayPage, "ExitDate").Should().Be("2024-05-01");
    }

    [Fact]
    public async Task Client_list_search_across_scripts()
    {
        var office = await portal.Office().SaveAsync();
        var saved = await portal.Client(office.Id).Named("Рахимов Фаррух").BornIn(1991).SaveAsync();
        await portal.Client(office.Id).Named("Иванова Мария").BornIn(1985).SaveAsync();
        var http = await portal.Staff("list-search@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SignedInAsync();

        foreach (var query in new[] { "Rakhimov", "Rahimov Farrukh" })
        {
            var page = await http.GetDocumentAsync("/clients?q=" + Uri.EscapeDataString(query));
            var rows = page.QuerySelectorAll("[data-testid=client-row]");
            rows.Should().NotBeEmpty(query);
            rows[0].GetAttribute("data-client-id").Should().Be(saved.Id.ToString(), query);
            rows[0].QuerySelector("[data-testid=client-latin]")!.TextContent.Should().Be("Rakhimov Farrukh");
            rows[0].QuerySelector("[data-testid=client-birth]")!.TextContent.Should().Contain("1991");
            page.QuerySelectorAll("[data-testid=client-name]").Select(n => n.TextContent).Should().NotContain("Иванова Мария");
        }
    }

    [Fact]
    public async Task Client_list_is_newest_first_in_pages_without_gaps_or_repeats()
    {
        var office = await portal.Office().SaveAsync();
        var created = new Dictionary<Guid, DateTimeOffset>();
        for (var i = 0; i < 30; i++)
        {
            // Groups of three share their creation instant: the id breaks the tie without gaps or repeats.
            if (i % 3 == 0)
            {
                portal.Clock.Advance(TimeSpan.FromSeconds(1));
            }

            var client = await portal.Client(office.Id).Named($"Paging Person {i:00}").SaveAsync();
            created[client.Id] = client.CreatedAt;
        }

        var http = await portal.Staff("list-paging@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SignedInAsync();
        var seen = new List<Guid>();
        string? url = "/clients";
        for (var pages = 0; url is not null; pages++)
        {
            pages.Should().BeLessThan(5);
            var page = await http.GetDocumentAsync(url);
            page.QuerySelectorAll("[data-testid=client-row]").Length.Should().BeLessThanOrEqualTo(ListClientsHandler.PageSize);
            seen.AddRange(page.QuerySelectorAll("[data-testid=client-row]").Select(r => Guid.Parse(r.GetAttribute("data-client-id")!)));
            url = page.QuerySelector("[data-testid=next-page]")?.GetAttribute("href");
        }

        seen.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(created.Keys);
        seen.Select(id => created[id]).Should().BeInDescendingOrder("newest first");
    }
}
