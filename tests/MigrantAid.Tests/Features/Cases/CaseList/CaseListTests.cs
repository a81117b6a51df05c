using System.Net;
using AngleSharp.Html.Dom;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Features.Cases.CaseList;

public class CaseListTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task List_filters_each_return_exactly_the_expected_cases()
    {
        await portal.CreateUserAsync("list-filters-coord@test.local", Roles.Coordinator);
        var lawyer = await portal.CreateUserAsync("list-filters-lawyer@test.local", Roles.Lawyer);
        var otherLawyer = await portal.CreateUserAsync("list-filters-lawyer2@test.local", Roles.Lawyer);
        var caseworker = await portal.CreateUserAsync("list-filters-cw@test.local", Roles.Caseworker);
        var a = await portal.Office().SaveAsync();
        var b = await portal.Office().SaveAsync();

        var ledByLawyer = await new CaseBuilder(portal, a).WithClient("Filter Lead", "TJ").WithCategories("detention.entry-ban")
            .AssignedTo(lead: lawyer.Id).OpenedOn(new(2026, 1, 10)).SaveAsync();
        var furtherLawyer = await new CaseBuilder(portal, a).WithClient("Filter Further", "KG").WithCategories("detention.entry-ban", "labour.forced-labour")
            .AssignedTo(lead: otherLawyer.Id, further: [lawyer.Id]).OpenedOn(new(2026, 2, 10)).SaveAsync();
        var closed = await new CaseBuilder(portal, a).WithClient("Filter Closed", "KG").Closed().OpenedOn(new(2026, 2, 20)).SaveAsync();
        var caseworkers = await new CaseBuilder(portal, a).WithClient("Filter Caseworker", "KZ").AssignedTo(caseworker: caseworker.Id).OpenedOn(new(2026, 4, 1)).SaveAsync();
        var urgent = await new CaseBuilder(portal, a).WithClient("Filter Urgent", "KZ").Urgent().OpenedOn(new(2026, 4, 2)).SaveAsync();
        var tajik = await new CaseBuilder(portal, a).WithClient("Filter Tajik", "TJ").OpenedOn(new(2026, 5, 5)).SaveAsync();
        var inOfficeB = await new CaseBuilder(portal, b).WithClient("Filter Office B", "TJ").OpenedOn(new(2026, 1, 1)).SaveAsync();
        var entryBan = await CategoryIdAsync("detention.entry-ban");
        var coordinator = await portal.SignedInClientAsync("list-filters-coord@test.local");
        var inA = "/cases?scope=all&office=" + a.Id;

        (await IdsAsync(coordinator, inA)).Should().BeEquivalentTo(
            new[] { ledByLawyer.Id, furtherLawyer.Id, closed.Id, caseworkers.Id, urgent.Id, tajik.Id }, "the office filter keeps the office's cases");
        (await IdsAsync(coordinator, "/cases?scope=all&office=" + b.Id)).Should().Equal(inOfficeB.Id);
        (await IdsAsync(coordinator, inA + "&status=Closed")).Should().Equal(closed.Id);
        (await IdsAsync(coordinator, inA + "&status=InProgress")).Should().BeEquivalentTo(new[] { ledByLawyer.Id, furtherLawyer.Id });
        (await IdsAsync(coordinator, inA + "&category=" + entryBan)).Should().BeEquivalentTo(new[] { ledByLawyer.Id, furtherLawyer.Id });
        (await IdsAsync(coordinator, inA + "&lawyer=" + lawyer.Id)).Should().BeEquivalentTo(new[] { ledByLawyer.Id, furtherLawyer.Id }, "lead or further lawyer");
        (await IdsAsync(coordinator, inA + "&lawyer=" + otherLawyer.Id)).Should().Equal(furtherLawyer.Id);
        (await IdsAsync(coordinator, inA + "&caseworker=" + caseworker.Id)).Should().Equal(caseworkers.Id);
        (await IdsAsync(coordinator, inA + "&urgent=true")).Should().Equal(urgent.Id);
        (await IdsAsync(coordinator, inA + "&citizenship=TJ")).Should().BeEquivalentTo(new[] { ledByLawyer.Id, tajik.Id });
        (await IdsAsync(coordinator, inA + "&from=2026-02-01&to=2026-02-28")).Should().BeEquivalentTo(new[] { furtherLawyer.Id, closed.Id });
        (await IdsAsync(coordinator, inA + "&from=2026-04-02")).Should().BeEquivalentTo(new[] { urgent.Id, tajik.Id }, "the first day is included");
        (await IdsAsync(coordinator, inA + "&citizenship=TJ&category=" + entryBan)).Should().Equal([ledByLawyer.Id], "filters combine");
    }

    [Fact]
    public async Task Bad_filter_values_are_reported_at_their_fields_and_keep_the_page_working()
    {
        await portal.CreateUserAsync("list-bad-coord@test.local", Roles.Coordinator);
        var coordinator = await portal.SignedInClientAsync("list-bad-coord@test.local");

        var response = await coordinator.GetAsync("/cases?from=31.31.2026&to=2026-01-01&status=Nonsense&citizenship=ZZ&office=x&after=garbage");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#filter-from-error")!.TextContent.Should().Contain("valid date");
        page.QuerySelectorAll("#filter-status-error").Should().NotBeEmpty();
        page.QuerySelectorAll("#filter-citizenship-error").Should().NotBeEmpty();
        page.QuerySelectorAll("#filter-office-error").Should().NotBeEmpty();
        page.QuerySelector("[data-testid=form-errors]")!.TextContent.Should().Contain("first page");
        page.QuerySelector("#filter-from")!.GetAttribute("value").Should().Be("31.31.2026", "what was typed is kept");
    }

    [Fact]
    public async Task Search_finds_by_reference_client_name_any_script_and_respondent()
    {
        await portal.CreateUserAsync("list-search-coord@test.local", Roles.Coordinator);
        var office = await portal.Office().SaveAsync();
        var rakhimov = await new CaseBuilder(portal, office).WithClient("Рахимов Фаррух", "TJ").OpenedOn(new(2026, 3, 1)).SaveAsync();
        var employer = await new CaseBuilder(portal, office).WithClient("Назарова Гульнора", "UZ").WithRespondent("ООО СтройГрад")
            .OpenedOn(new(2026, 3, 2)).SaveAsync();
        var unrelated = await new CaseBuilder(portal, office).WithClient("Иванова Мария", "KG").OpenedOn(new(2026, 3, 3)).SaveAsync();
        var coordinator = await portal.SignedInClientAsync("list-search-coord@test.local");

        foreach (var spelling in new[] { "Rakhimov", "Rahimov Farrukh", "рахимов", "Farrukh Rakhimov" })
        {
            (await IdsAsync(coordinator, "/cases?scope=all&q=" + Uri.EscapeDataString(spelling))).Should().Equal([rakhimov.Id], "\"{0}\" names the client", spelling);
        }

        (await IdsAsync(coordinator, "/cases?scope=all&q=" + rakhimov.Reference)).Should().Equal(rakhimov.Id);
        (await IdsAsync(coordinator, "/cases?scope=all&q=" + rakhimov.Reference.ToLowerInvariant())).Should().Equal([rakhimov.Id], "references are found in any case");
        (await IdsAsync(coordinator, "/cases?scope=all&q=" + office.Code + "-2026-00")).Should().BeEquivalentTo(new[] { rakhimov.Id, employer.Id, unrelated.Id }, "a reference prefix finds the office's cases");
        (await IdsAsync(coordinator, "/cases?scope=all&q=Stroygrad")).Should().Equal([employer.Id], "respondents are found across scripts too");
        (await IdsAsync(coordinator, "/cases?scope=all&q=Petrov")).Should().BeEmpty();
        (await IdsAsync(coordinator, "/cases?scope=all&q=" + Uri.EscapeDataString("Rakhimov Ivanova"))).Should().BeEmpty("every typed word must match the same name");

        var page = await coordinator.GetDocumentAsync("/cases?scope=all&q=Rakhimov");
        page.QuerySelector("[data-testid=case-client]")!.TextContent.Trim().Should().Be("Рахимов Фаррух", "the name is shown as typed");
        page.QuerySelector("[data-testid=case-reference]")!.GetAttribute("href").Should().Be("/cases/" + rakhimov.Id);
    }

    [Fact]
    public async Task Keyset_paging_has_no_duplicates_or_gaps_over_more_than_25_cases()
    {
        await portal.CreateUserAsync("list-paging-coord@test.local", Roles.Coordinator);
        var office = await portal.Office().SaveAsync();
        var start = new DateOnly(2025, 6, 1);
        // Many cases share an opening day, so the id must break the ties; some are urgent for the priority sort.
        var normal = await new CaseBuilder(portal, office).WithClient("Paging client").SaveManyAsync(50, i => start.AddDays(i % 7));
        var urgent = await new CaseBuilder(portal, office).WithClient("Paging urgent").Urgent().SaveManyAsync(11, i => start.AddDays(i % 3));
        var all = normal.Concat(urgent).Select(c => c.Id).ToList();
        var coordinator = await portal.SignedInClientAsync("list-paging-coord@test.local");

        foreach (var sort in new[] { "newest", "oldest", "reference", "priority" })
        {
            var seen = new List<Guid>();
            var dates = new List<string>();
            var pages = 0;
            string? url = $"/cases?scope=all&office={office.Id}&sort={sort}";
            while (url is not null)
            {
                var page = await coordinator.GetDocumentAsync(url);
                var rows = page.QuerySelectorAll("[data-testid=case-row]").ToList();
                rows.Count.Should().BeLessOrEqualTo(25);
                seen.AddRange(rows.Select(r => Guid.Parse(r.GetAttribute("data-case-id")!)));
                dates.AddRange(page.QuerySelectorAll("[data-testid=case-row] time").Select(t => t.GetAttribute("datetime")!));
                url = page.QuerySelector("[data-testid=next-page]")?.GetAttribute("href");
                url.Should().NotContain("offset").And.NotContain("page=");
                pages++;
            }

            pages.Should().Be(3, "61 cases make three pages of at most 25 ({0})", sort);
            seen.Should().OnlyHaveUniqueItems(sort).And.BeEquivalentTo(all, sort);
            if (sort == "newest")
            {
                dates.Should().BeInDescendingOrder();
            }
            else if (sort == "oldest")
            {
                dates.Should().BeInAscendingOrder();
            }
            else if (sort == "priority")
            {
                seen.Take(11).Should().BeEquivalentTo(urgent.Select(c => c.Id), "urgent cases come first");
            }
        }
    }

    [Fact]
    public async Task My_cases_default_for_lawyer()
    {
        var lawyer = await portal.CreateUserAsync("list-mine-lawyer@test.local", Roles.Lawyer);
        var caseworker = await portal.CreateUserAsync("list-mine-cw@test.local", Roles.Caseworker);
        await portal.CreateUserAsync("list-mine-coord@test.local", Roles.Coordinator);
        var office = await portal.Office().SaveAsync();
        await StaffBuilder.PlaceAsync(portal, caseworker.Id, office.Id);
        var led = await new CaseBuilder(portal, office).AssignedTo(lead: lawyer.Id).SaveAsync();
        var further = await new CaseBuilder(portal, office).AssignedTo(lead: null, further: [lawyer.Id]).SaveAsync();
        var worked = await new CaseBuilder(portal, office).AssignedTo(caseworker: caseworker.Id).SaveAsync();
        var officeOnly = await new CaseBuilder(portal, office).SaveAsync();

        var lawyerClient = await portal.SignedInClientAsync("list-mine-lawyer@test.local");
        var lawyerPage = await lawyerClient.GetDocumentAsync("/cases");
        Ids(lawyerPage).Should().BeEquivalentTo(new[] { led.Id, further.Id }, "a lawyer starts with the cases they are assigned to");
        lawyerPage.QuerySelector("[data-testid=scope-mine]")!.ClassList.Should().Contain("active");

        var caseworkerClient = await portal.SignedInClientAsync("list-mine-cw@test.local");
        var caseworkerPage = await caseworkerClient.GetDocumentAsync("/cases");
        Ids(caseworkerPage).Should().Equal([worked.Id], "a caseworker starts with My cases too");
        var toggle = caseworkerPage.QuerySelector("[data-testid=scope-all]")!.GetAttribute("href")!;
        Ids(await caseworkerClient.GetDocumentAsync(toggle)).Should().BeEquivalentTo(
            new[] { led.Id, further.Id, worked.Id, officeOnly.Id }, "all cases a caseworker can see include the office's");

        var coordinatorClient = await portal.SignedInClientAsync("list-mine-coord@test.local");
        var coordinatorPage = await coordinatorClient.GetDocumentAsync("/cases?office=" + office.Id);
        coordinatorPage.QuerySelector("[data-testid=scope-all]")!.ClassList.Should().Contain("active", "coordinators start with all cases");
        Ids(coordinatorPage).Should().HaveCount(4);
    }

    [Fact]
    public async Task Lawyer_list_never_shows_cases_not_assigned()
    {
        var lawyer = await portal.CreateUserAsync("list-never-lawyer@test.local", Roles.Lawyer);
        var office = await portal.Office().SaveAsync();
        var mine = await new CaseBuilder(portal, office).WithClient("Юлдашев Санжар").AssignedTo(lead: lawyer.Id).SaveAsync();
        var notMine = await new CaseBuilder(portal, office).WithClient("Каримова Дильноза").WithRespondent("Агентство Трудовой Путь").SaveAsync();
        var client = await portal.SignedInClientAsync("list-never-lawyer@test.local");

        foreach (var url in new[]
        {
            "/cases?scope=all",
            "/cases?scope=all&office=" + office.Id,
            "/cases?scope=all&q=Karimova",
            "/cases?scope=all&q=" + Uri.EscapeDataString("Трудовой Путь"),
            "/cases?scope=all&q=" + notMine.Reference,
            "/cases?scope=all&q=" + office.Code,
        })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var html = await response.Content.ReadAsStringAsync();
            html.Should().NotContain("Каримова Дильноза", "{0} must not show a client of a case the lawyer is not on", url);
            html.Should().NotContain(notMine.Id.ToString());
            HttpForms.Parse(html).QuerySelectorAll("[data-testid=case-reference]").Select(a => a.TextContent).Should().NotContain(notMine.Reference);
        }

        Ids(await client.GetDocumentAsync("/cases?scope=all&office=" + office.Id)).Should().Equal(mine.Id);
    }

    [Fact]
    public async Task A_caseworker_sees_office_cases_but_not_confidential_ones_nor_names_of_clients_who_withdrew_consent()
    {
        var caseworker = await portal.CreateUserAsync("list-cw-conf@test.local", Roles.Caseworker);
        var office = await portal.Office().SaveAsync();
        var otherOffice = await portal.Office().SaveAsync();
        await StaffBuilder.PlaceAsync(portal, caseworker.Id, office.Id);
        var open = await new CaseBuilder(portal, office).WithClient("Open Office Client").SaveAsync();
        var confidential = await new CaseBuilder(portal, office).WithClient("Confidential Client").Confidential().SaveAsync();
        var withdrawn = await new CaseBuilder(portal, office).WithClient("Withdrawn Consent Client").WithConsentWithdrawn().SaveAsync();
        var elsewhere = await new CaseBuilder(portal, otherOffice).WithClient("Other Office Client").SaveAsync();
        var client = await portal.SignedInClientAsync("list-cw-conf@test.local");

        var response = await client.GetAsync("/cases?scope=all");
        var html = await response.Content.ReadAsStringAsync();
        Ids(HttpForms.Parse(html)).Should().BeEquivalentTo(new[] { open.Id, withdrawn.Id });
        html.Should().NotContain("Confidential Client").And.NotContain("Other Office Client").And.NotContain("Withdrawn Consent Client");
        (await IdsAsync(client, "/cases?scope=all&q=Withdrawn%20Consent")).Should().BeEmpty("a client who withdrew consent is not found by people not assigned to them");
        _ = confidential;
        _ = elsewhere;
    }

    [Fact]
    public async Task Admin_without_a_case_role_cannot_open_the_case_list()
    {
        await portal.CreateUserAsync("list-admin@test.local", Roles.Admin);
        var client = await portal.SignedInClientAsync("list-admin@test.local");

        (await client.GetAsync("/cases")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static IReadOnlyList<Guid> Ids(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=case-row]").Select(r => Guid.Parse(r.GetAttribute("data-case-id")!)).ToList();

    private static async Task<IReadOnlyList<Guid>> IdsAsync(HttpClient client, string url) => Ids(await client.GetDocumentAsync(url));

    private Task<int> CategoryIdAsync(string code) =>
        portal.WithDbAsync(db => Task.FromResult(db.ComplaintCategories.Single(c => c.Code == code).Id));
}
