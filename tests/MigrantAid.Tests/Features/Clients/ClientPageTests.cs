using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Tests.Features.Clients;

public class ClientPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(portal.Clock.GetUtcNow(),
        TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime);

    [Fact]
    public async Task Caseworker_of_another_office_gets_404_and_no_name()
    {
        var home = await portal.Office().SaveAsync();
        var other = await portal.Office().SaveAsync();
        var client = await portal.Client(home.Id).Named("Каримова Зарина").BornIn(1988).SaveAsync();
        var own = await portal.Staff("access-own@test.local").InOffice(home.Id).WithRoles(Roles.Caseworker).SignedInAsync();
        var stranger = await portal.Staff("access-other@test.local").InOffice(other.Id).WithRoles(Roles.Caseworker).SignedInAsync();
        var lawyer = await portal.Staff("access-lawyer@test.local").InOffice(home.Id).WithRoles(Roles.Lawyer).SignedInAsync();

        (await own.GetAsync($"/clients/{client.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var (http, who) in new[] { (stranger, "a caseworker of another office"), (lawyer, "a lawyer not on any of the client's cases") })
        {
            foreach (var url in new[] { $"/clients/{client.Id}", $"/clients/{client.Id}/edit", $"/clients/{client.Id}/aliases/new", $"/clients/{client.Id}/family/new?q=x" })
            {
                var response = await http.GetAsync(url);
                response.StatusCode.Should().Be(HttpStatusCode.NotFound, "{0} opens {1}", who, url);
                (await response.Content.ReadAsStringAsync()).Should().NotContain("Каримова").And.NotContain("Karimova");
            }

            var list = await http.GetAsync("/clients?q=Karimova");
            (await list.Content.ReadAsStringAsync()).Should().NotContain("Каримова", who);
        }

        var post = await stranger.PostWithTokenOfAsync("/clients", $"/clients/{client.Id}/aliases/new", new Dictionary<string, string> { ["Name"] = "Karimova Z." });
        post.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await portal.WithDbAsync(db => db.Set<ClientAlias>().AnyAsync(a => a.ClientId == client.Id))).Should().BeFalse();
    }

    [Fact]
    public async Task Administrator_without_a_case_role_cannot_open_clients()
    {
        var office = await portal.Office().SaveAsync();
        var client = await portal.Client(office.Id).Named("Admin Hidden Person").SaveAsync();
        var admin = await portal.Staff("clients-admin@test.local").InOffice(office.Id).WithRoles(Roles.Admin).SignedInAsync();

        foreach (var url in new[] { "/clients", "/clients/new", $"/clients/{client.Id}" })
        {
            var response = await admin.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden, url);
            (await response.Content.ReadAsStringAsync()).Should().NotContain("Admin Hidden Person");
        }
    }

    [Fact]
    public async Task Client_view_is_audited()
    {
        var office = await portal.Office().SaveAsync();
        var client = await portal.Client(office.Id).Named("Audit Person").BornIn(1970).SaveAsync();
        var user = await portal.Staff("view-audit@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var http = await portal.SignedInClientAsync("view-audit@test.local");

        await http.GetDocumentAsync($"/clients/{client.Id}");
        await http.GetDocumentAsync($"/clients/{client.Id}");

        var views = (await portal.AuditAsync(ClientAuditActions.Viewed)).Where(a => a.EntityId == client.Id.ToString()).ToList();
        views.Should().HaveCount(2, "every view is recorded").And.OnlyContain(a => a.ActorId == user.Id && a.EntityType == "client");
    }

    [Fact]
    public async Task Concurrent_client_edit_is_refused_with_current_values()
    {
        var office = await portal.Office().SaveAsync();
        var client = await portal.Client(office.Id).Named("Сафаров Джамшед").BornIn(1984).SaveAsync();
        var first = await portal.Staff("edit-first@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SignedInAsync();
        var second = await portal.Staff("edit-second@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SignedInAsync();
        var url = $"/clients/{client.Id}/edit";
        var firstForm = await first.GetDocumentAsync(url);
        var secondForm = await second.GetDocumentAsync(url);

        var saved = await first.PostAsync(url, ClientForms.Form(firstForm, ("CurrentCity", "Yekaterinburg"), ("Citizenship", "TJ")));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var refused = await second.PostAsync(url, ClientForms.Form(secondForm, ("CurrentCity", "Chelyabinsk"), ("Languages", "tg, ru")));
        var page = await ClientForms.PageAsync(refused);
        page.QuerySelector("[data-testid=conflict]")!.TextContent.Should().Contain("Someone else saved this client");
        page.QuerySelector("[data-testid=current-CurrentCity]")!.TextContent.Should().Contain("Yekaterinburg");
        ClientForms.Value(page, "CurrentCity").Should().Be("Chelyabinsk", "the second user's entries are kept");
        ClientForms.Value(page, "Languages").Should().Be("tg, ru");
        var stored = await portal.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == client.Id));
        stored.CurrentCity.Should().Be("Yekaterinburg", "nothing was overwritten");
        stored.Languages.Should().BeNull();

        // Saving again from the conflict form is a deliberate choice and goes through.
        var again = await second.PostAsync(url, ClientForms.Form(page));
        again.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await portal.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == client.Id))).CurrentCity.Should().Be("Chelyabinsk");

        var updates = (await portal.AuditAsync(ClientAuditActions.Updated)).Where(a => a.EntityId == client.Id.ToString()).ToList();
        updates.Should().HaveCount(2);
        ClientForms.Changes(updates[0].Details).Should().BeEquivalentTo(new Dictionary<string, string?[]>
        {
            ["CurrentCity"] = [null, "Yekaterinburg"],
            ["Citizenship"] = [null, "TJ"],
        });
    }

    [Fact]
    public async Task Family_link_is_visible_from_both_sides()
    {
        var office = await portal.Office().SaveAsync();
        var mother = await portal.Client(office.Id).Named("Турсунова Гульнора").BornIn(1985).SaveAsync();
        var son = await portal.Client(office.Id).Named("Турсунов Азиз").BornIn(2014).SaveAsync();
        var http = await portal.Staff("family@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SignedInAsync();

        var search = await http.GetDocumentAsync($"/clients/{mother.Id}/family/new?q=" + Uri.EscapeDataString("Tursunov Aziz"));
        search.QuerySelectorAll("input[data-testid=family-candidate]").Select(i => i.GetAttribute("value")).Should().Contain(son.Id.ToString())
            .And.NotContain(mother.Id.ToString(), "a person is not offered as their own relative");

        var response = await http.PostWithTokenOfAsync($"/clients/{mother.Id}/family/new?q=Tursunov", $"/clients/{mother.Id}/family/new", new Dictionary<string, string>
        {
            ["Q"] = "Tursunov",
            ["RelatedClientId"] = son.Id.ToString(),
            ["Relation"] = "Child",
        });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());

        var motherPage = await http.GetDocumentAsync($"/clients/{mother.Id}");
        var link = motherPage.QuerySelector("[data-testid=family-member]")!;
        link.QuerySelector("a[data-testid=family-link]")!.GetAttribute("href").Should().Be($"/clients/{son.Id}");
        link.QuerySelector("[data-testid=family-relation]")!.TextContent.Should().Contain("Child");
        var sonPage = await http.GetDocumentAsync($"/clients/{son.Id}");
        var back = sonPage.QuerySelector("[data-testid=family-member]")!;
        back.QuerySelector("a[data-testid=family-link]")!.GetAttribute("href").Should().Be($"/clients/{mother.Id}");
        back.QuerySelector("[data-testid=family-relation]")!.TextContent.Should().Contain("Parent");

        // Linking again is refused at the field.
        var again = await http.PostWithTokenOfAsync($"/clients/{son.Id}/family/new?q=Tursunova", $"/clients/{son.Id}/family/new", new Dictionary<string, string>
        {
            ["Q"] = "Tursunova",
            ["RelatedClientId"] = mother.Id.ToString(),
            ["Relation"] = "Parent",
        });
        ClientForms.FieldError(await ClientForms.PageAsync(again), "RelatedClientId").Should().Contain("already linked");
        (await portal.WithDbAsync(db => db.FamilyLinks.CountAsync(f => f.ClientId == mother.Id || f.ClientId == son.Id))).Should().Be(2);
    }

    [Fact]
    public async Task Family_member_not_visible_is_shown_without_name()
    {
        var home = await portal.Office().SaveAsync();
        var other = await portal.Office().SaveAsync();
        var father = await portal.Client(home.Id).Named("Norov Bahrom").BornIn(1979).SaveAsync();
        var daughter = await portal.Client(other.Id).Named("Norova Shahnoza").BornIn(2010).SaveAsync();
        await portal.WithDbAsync(async db =>
        {
            db.FamilyLinks.Add(new FamilyLink(father.Id, daughter.Id, FamilyRelation.Child));
            db.FamilyLinks.Add(new FamilyLink(daughter.Id, father.Id, FamilyRelation.Parent));
            return await db.SaveChangesAsync();
        });
        var http = await portal.Staff("family-hidden@test.local").InOffice(home.Id).WithRoles(Roles.Caseworker).SignedInAsync();

        var response = await http.GetAsync($"/clients/{father.Id}");
        var body = await response.Content.ReadAsStringAsync();
        var page = HttpForms.Parse(body);
        page.QuerySelector("[data-testid=family-hidden]")!.TextContent.Should().Contain("not visible to you");
        page.QuerySelector("[data-testid=family-relation]")!.TextContent.Should().Contain("Child");
        body.Should().NotContain("Shahnoza").And.NotContain(daughter.Id.ToString());
    }

    [Fact]
    public async Task Withdrawn_consent_hides_client_from_office_caseworker_not_assigned()
    {
        var office = await portal.Office().SaveAsync();
        var client = await portal.Client(office.Id).Named("Consent Person").BornIn(1990).SaveAsync();
        var assigned = await portal.Staff("consent-assigned@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        await portal.Case(office).ForClient(client.Id).WithTitle("Test case").OpenedToday().AssignedTo(assigned.Id).SaveAsync();
        var assignedHttp = await portal.SignedInClientAsync("consent-assigned@test.local");
        var colleague = await portal.Staff("consent-colleague@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SignedInAsync();
        var coordinator = await portal.Staff("consent-coordinator@test.local").WithRoles(Roles.Coordinator).SignedInAsync();
        (await colleague.GetAsync($"/clients/{client.Id}")).StatusCode.Should().Be(HttpStatusCode.OK, "before the withdrawal the office sees the client");

        var response = await colleague.SubmitFormAsync($"/clients/{client.Id}/consent/new", new Dictionary<string, string>
        {
            ["Status"] = "Withdrawn",
            ["Date"] = Today.ToString("yyyy-MM-dd"),
            ["Scope"] = "All processing",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/clients", "the colleague may no longer open the record");
        var hidden = await colleague.GetAsync($"/clients/{client.Id}");
        hidden.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await hidden.Content.ReadAsStringAsync()).Should().NotContain("Consent Person");
        (await (await colleague.GetAsync("/clients")).Content.ReadAsStringAsync()).Should().NotContain("Consent Person");

        var assignedPage = await assignedHttp.GetDocumentAsync($"/clients/{client.Id}");
        assignedPage.QuerySelectorAll("[data-testid=restricted]").Should().NotBeEmpty();
        var consent = assignedPage.QuerySelector("[data-testid=consent]")!;
        consent.TextContent.Should().Contain("Withdrawn").And.Contain("All processing").And.Contain("Test consent-colleague");
        (await coordinator.GetAsync($"/clients/{client.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Stay_calculator_shown_on_client_page()
    {
        var office = await portal.Office().SaveAsync();
        var today = Today;
        var overstayer = await portal.Client(office.Id).Named("Overstay Person").With(c => c.AddStay("RU", today.AddDays(-99), null)).SaveAsync();
        var legal = await portal.Client(office.Id).Named("Legal Person").With(c => c.AddStay("RU", today.AddDays(-89), null)).SaveAsync();
        var http = await portal.Staff("stay@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SignedInAsync();

        var over = await http.GetDocumentAsync($"/clients/{overstayer.Id}");
        over.QuerySelector("[data-testid=overstay-warning]")!.TextContent.Should().Contain("Overstay: 10 day(s) over the 90-day limit");
        over.QuerySelector("[data-testid=stay-days-used]")!.TextContent.Should().Contain("100 of 90");

        var ok = await http.GetDocumentAsync($"/clients/{legal.Id}");
        ok.QuerySelector("[data-testid=overstay-warning]").Should().BeNull();
        ok.QuerySelector("[data-testid=stay-days-used]")!.TextContent.Should().Contain("90 of 90");
        ok.QuerySelector("[data-testid=stay-last-legal-day]")!.TextContent.Should().Contain(today.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
    }

    [Fact]
    public async Task Documents_and_contacts_show_their_warnings_and_changes_are_audited_without_values()
    {
        var office = await portal.Office().SaveAsync();
        var client = await portal.Client(office.Id).Named("Docs Person").SaveAsync();
        var http = await portal.Staff("docs@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SignedInAsync();
        var today = Today;

        (await http.SubmitFormAsync($"/clients/{client.Id}/documents/new", new Dictionary<string, string>
        {
            ["Type"] = "WorkPatent",
            ["Number"] = "PAT-5551234",
            ["IssuedOn"] = today.AddYears(-1).ToString("yyyy-MM-dd"),
            ["ExpiresOn"] = today.AddDays(-1).ToString("yyyy-MM-dd"),
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await http.SubmitFormAsync($"/clients/{client.Id}/documents/new", new Dictionary<string, string>
        {
            ["Type"] = "Passport",
            ["IssuedOn"] = today.AddYears(-5).ToString("yyyy-MM-dd"),
            ["ExpiresOn"] = today.AddDays(20).ToString("yyyy-MM-dd"),
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await http.SubmitFormAsync($"/clients/{client.Id}/contacts/new", new Dictionary<string, string>
        {
            ["Contact.Channel"] = "WhatsApp",
            ["Contact.Value"] = "+998 90 555 44 33",
            ["Contact.SafeToContact"] = "false",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await http.SubmitFormAsync($"/clients/{client.Id}/aliases/new", new Dictionary<string, string>
        {
            ["Name"] = "Dokz Persson",
            ["Note"] = "passport",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var page = await http.GetDocumentAsync($"/clients/{client.Id}");
        page.QuerySelectorAll("[data-testid=document-expired]").Should().NotBeEmpty();
        page.QuerySelectorAll("[data-testid=document-expires-soon]").Should().NotBeEmpty();
        page.QuerySelector("[data-testid=document-warning]")!.TextContent.Should().Contain("expired").And.Contain("within 30 days");
        page.QuerySelector("[data-testid=contact-unsafe]")!.TextContent.Should().Contain("Do not contact this way");
        page.QuerySelector("[data-testid=alias-name]")!.TextContent.Should().Be("Dokz Persson");
        var stored = await portal.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == client.Id));
        stored.SearchKey.Should().Contain(Transliteration.MatchKey("Dokz Persson"), "an alias is found by search");

        var audits = (await portal.AuditAsync(ClientAuditActions.Updated)).Where(a => a.EntityId == client.Id.ToString()).ToList();
        audits.Should().HaveCount(4);
        string.Join("\n", audits.Select(a => a.Details)).Should().Contain("contact added: WhatsApp")
            .And.NotContain("555 44 33").And.NotContain("PAT-5551234");

        // Removing the contact is one button on the page.
        var contactId = await portal.WithDbAsync(db => db.Set<ClientContact>().Where(c => c.ClientId == client.Id).Select(c => c.Id).SingleAsync());
        (await http.SubmitFormAsync($"/clients/{client.Id}", [], $"/clients/{client.Id}/contacts/{contactId}/remove")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await portal.WithDbAsync(db => db.Set<ClientContact>().AnyAsync(c => c.ClientId == client.Id))).Should().BeFalse();
    }

}
