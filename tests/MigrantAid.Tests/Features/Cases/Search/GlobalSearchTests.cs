using System.Net;
using AngleSharp.Html.Dom;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Cases.Search;

namespace MigrantAid.Tests.Features.Cases.Search;

/// <summary>The top bar's search (issue 12 point 12): cases by reference, clients in any script, respondents; the lists' access rule.</summary>
public class GlobalSearchTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Finds_a_case_by_reference_a_cyrillic_client_by_a_latin_spelling_and_a_case_by_its_respondent()
    {
        await portal.CreateUserAsync("search-coord@test.local", Roles.Coordinator);
        var office = await portal.Office().SaveAsync();
        var rakhimov = await new CaseBuilder(portal, office).WithClient("Рахимов Фаррух", "TJ").OpenedOn(new(2026, 3, 1)).SaveAsync();
        var employer = await new CaseBuilder(portal, office).WithClient("Назарова Гульнора", "UZ").WithRespondent("ООО СтройГрад").OpenedOn(new(2026, 3, 2)).SaveAsync();
        var coordinator = await portal.SignedInClientAsync("search-coord@test.local");

        var byReference = await coordinator.GetDocumentAsync("/search?q=" + rakhimov.Reference.ToLowerInvariant());
        CaseIds(byReference).Should().Equal([rakhimov.Id], "a reference is found in any letter case");
        byReference.QuerySelector("[data-testid=search-case-link]")!.GetAttribute("href").Should().Be("/cases/" + rakhimov.Id);

        var byLatinName = await coordinator.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("Rahimov Farrukh"));
        ClientIds(byLatinName).Should().Equal([rakhimov.ClientId], "a Latin spelling finds the Cyrillic name");
        CaseIds(byLatinName).Should().Equal([rakhimov.Id], "and the client's case");
        var clientLink = byLatinName.QuerySelector("[data-testid=search-client-link]")!;
        clientLink.GetAttribute("href").Should().Be("/clients/" + rakhimov.ClientId);
        clientLink.TextContent.Trim().Should().Be("Рахимов Фаррух", "the name is shown as typed");

        var byRespondent = await coordinator.GetDocumentAsync("/search?q=Stroygrad");
        CaseIds(byRespondent).Should().Equal([employer.Id], "respondents are found across scripts");
        ClientIds(byRespondent).Should().BeEmpty();

        var nothing = await coordinator.GetDocumentAsync("/search?q=Zzyzxqw");
        nothing.QuerySelector("[data-testid=search-no-cases]")!.TextContent.Should().Be("No cases found.");
        nothing.QuerySelector("[data-testid=search-no-clients]")!.TextContent.Should().Be("No clients found.");
    }

    [Fact]
    public async Task A_caseworker_does_not_find_another_offices_case_or_client()
    {
        var mine = await portal.Office().SaveAsync();
        var other = await portal.Office().SaveAsync();
        var caseworker = await portal.CreateUserAsync("search-cw@test.local", Roles.Caseworker);
        await StaffBuilder.PlaceAsync(portal, caseworker.Id, mine.Id);
        var own = await new CaseBuilder(portal, mine).WithClient("Юлдашева Камила", "UZ").SaveAsync();
        var foreign = await new CaseBuilder(portal, other).WithClient("Юлдашева Малика", "UZ").SaveAsync();
        var client = await portal.SignedInClientAsync("search-cw@test.local");

        var byName = await client.GetDocumentAsync("/search?q=Yuldasheva");
        CaseIds(byName).Should().Equal([own.Id], "the caseworker's office's case is found, the other office's is not");
        ClientIds(byName).Should().Equal([own.ClientId]);

        var byReference = await client.GetDocumentAsync("/search?q=" + foreign.Reference);
        CaseIds(byReference).Should().BeEmpty("another office's case is not found even by its exact reference");
        byReference.Body!.TextContent.Should().NotContain(foreign.Reference, "nothing of it is shown")
            .And.NotContain("Малика");
    }

    [Fact]
    public async Task Results_are_cut_per_group_with_links_to_the_lists_and_the_search_is_audited_without_the_typed_text()
    {
        var coordinator = await portal.CreateUserAsync("search-many@test.local", Roles.Coordinator);
        var office = await portal.Office().SaveAsync();
        var built = await new CaseBuilder(portal, office).WithClient("Каримов Шерзод").SaveManyAsync(GlobalSearchHandler.PerGroup + 2);
        var client = await portal.SignedInClientAsync("search-many@test.local");

        var page = await client.GetDocumentAsync("/search?q=Karimov+Sherzod");

        CaseIds(page).Should().HaveCount(GlobalSearchHandler.PerGroup).And.OnlyContain(id => built.Select(b => b.Id).Contains(id));
        ClientIds(page).Should().HaveCount(GlobalSearchHandler.PerGroup);
        page.QuerySelector("[data-testid=search-more-cases]")!.GetAttribute("href").Should().Be("/cases?q=Karimov%20Sherzod&scope=all");
        page.QuerySelector("[data-testid=search-more-clients]")!.GetAttribute("href").Should().Be("/clients?q=Karimov%20Sherzod");
        page.QuerySelector("[data-testid=search-cases-count]")!.TextContent.Should().Be(GlobalSearchHandler.PerGroup + "+");

        var audit = (await portal.AuditAsync(SearchAuditActions.Searched)).Where(a => a.ActorId == coordinator.Id).ToList();
        audit.Should().ContainSingle();
        audit[0].Details.Should().Contain(CaseIds(page)[0].ToString()).And.NotContainAny("Karimov", "Sherzod");
    }

    [Fact]
    public async Task An_empty_or_too_short_query_gives_a_message_in_the_users_language()
    {
        var user = await portal.CreateUserAsync("search-short@test.local", Roles.Lawyer);
        var client = await portal.SignedInClientAsync("search-short@test.local");

        var empty = await client.GetAsync("/search?q=%20%20");
        empty.StatusCode.Should().Be(HttpStatusCode.OK);
        var emptyPage = HttpForms.Parse(await empty.Content.ReadAsStringAsync());
        emptyPage.QuerySelector("[data-testid=search-message]")!.TextContent.Should().Contain("Type a case reference or a name");
        (await client.GetDocumentAsync("/search")).QuerySelector("[data-testid=search-message]")!.TextContent.Should().Contain("Type a case reference or a name");

        var shortPage = await client.GetDocumentAsync("/search?q=R");
        shortPage.QuerySelector("[data-testid=search-message]")!.TextContent.Should().Contain("at least 2 characters");
        shortPage.QuerySelector("#search-q")!.GetAttribute("value").Should().Be("R", "what was typed is kept");
        shortPage.QuerySelector("[data-testid=search-cases]").Should().BeNull();
        (await portal.AuditAsync(SearchAuditActions.Searched)).Should().NotContain(a => a.ActorId == user.Id, "nothing was searched");

        (await client.SubmitFormAsync("/", [new("culture", "ru"), new("returnUrl", "/")], "/language")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var russian = await client.GetDocumentAsync("/search?q=R");
        russian.QuerySelector("[data-testid=search-message]")!.TextContent.Should().Contain("не менее 2 символов");
        var results = await client.GetDocumentAsync("/search?q=Zzyzxqw");
        results.QuerySelector("#search-cases-heading")!.TextContent.Should().StartWith("Дела");
        results.QuerySelector("[data-testid=search-no-clients]")!.TextContent.Should().Be("Клиенты не найдены.");
    }

    [Fact]
    public async Task The_top_bar_has_the_search_box_for_case_staff_and_a_user_menu_for_everyone()
    {
        await portal.CreateUserAsync("search-bar-lawyer@test.local", Roles.Lawyer);
        await portal.CreateUserAsync("search-bar-admin@test.local", Roles.Admin);
        var lawyer = await portal.SignedInClientAsync("search-bar-lawyer@test.local");
        var admin = await portal.SignedInClientAsync("search-bar-admin@test.local");

        var page = await lawyer.GetDocumentAsync("/");
        var box = page.QuerySelector("form[data-testid=top-search]")!;
        box.GetAttribute("action").Should().Be("/search");
        box.GetAttribute("method").Should().Be("get");
        var q = box.QuerySelector("input[name=q]")!;
        q.GetAttribute("type").Should().Be("search");
        q.GetAttribute("value").Should().BeNullOrEmpty("away from the results page the box starts empty");
        box.QuerySelector($"label[for={q.Id}]")!.TextContent.Should().Be("Search cases and clients");
        var menu = page.QuerySelector("details.user-menu")!;
        menu.QuerySelector("summary")!.TextContent.Should().Contain("Test search-bar-lawyer");
        menu.QuerySelector("[data-testid=menu-profile]")!.GetAttribute("href").Should().Be("/profile");
        menu.QuerySelector("[data-testid=nav-calendar]")!.GetAttribute("href").Should().Be("/calendar");
        menu.QuerySelector("#language-select").Should().NotBeNull("the language choice is in the menu");
        SignOut(menu.QuerySelector("[data-testid=sign-out]")!);

        var adminPage = await admin.GetDocumentAsync("/");
        adminPage.QuerySelector("[data-testid=top-search]").Should().BeNull("administrators see no case content");
        adminPage.QuerySelector("details.user-menu [data-testid=nav-calendar]").Should().BeNull();
        SignOut(adminPage.QuerySelector("details.user-menu [data-testid=sign-out]")!);
        (await admin.GetAsync("/search?q=Rakhimov")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var signIn = await portal.NewClient().GetDocumentAsync("/account/login");
        signIn.QuerySelector("#language-select").Should().NotBeNull("the language choice stays on the sign-in page");
        signIn.QuerySelector("details.user-menu").Should().BeNull();
    }

    /// <summary>The menu's "Sign out": a button of a form that posts, with its antiforgery token, to the sign-out action.</summary>
    private static void SignOut(AngleSharp.Dom.IElement button)
    {
        button.TextContent.Trim().Should().Be("Sign out");
        var form = button.Closest("form")!;
        form.GetAttribute("action").Should().Be("/account/logout");
        form.GetAttribute("method").Should().Be("post");
        form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value").Should().NotBeNullOrEmpty();
    }

    private static List<Guid> CaseIds(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=search-case]").Select(e => Guid.Parse(e.GetAttribute("data-case-id")!)).ToList();

    private static List<Guid> ClientIds(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=search-client]").Select(e => Guid.Parse(e.GetAttribute("data-client-id")!)).ToList();
}
