using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.International;
using static MigrantAid.Tests.Features.International.InternationalPages;
using static MigrantAid.Tests.Support.FormValues;
using static MigrantAid.Tests.Support.HttpForms;

namespace MigrantAid.Tests.Features.International;

public class RecommendationRegisterTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Search_finds_a_seeded_Kazakhstan_recommendation_by_an_English_and_by_a_Russian_word()
    {
        await portal.Staff("search-caseworker@test.local").WithRoles(Roles.Caseworker).SaveAsync();
        var client = await portal.SignedInClientAsync("search-caseworker@test.local");

        var english = await client.GetDocumentAsync("/recommendations?q=quota");
        RowIds(english).Should().Equal(QuotaRecommendation);

        var russian = await client.GetDocumentAsync("/recommendations?q=" + Uri.EscapeDataString("КВОТ"));
        RowIds(russian).Should().Equal([QuotaRecommendation], "the search ignores case in Cyrillic too");

        var both = await client.GetDocumentAsync("/recommendations?q=" + Uri.EscapeDataString("вида жительство school"));
        RowIds(both).Should().Equal([SchoolRecommendation], "every word must occur, in either language");

        var nothing = await client.GetDocumentAsync("/recommendations?q=" + Uri.EscapeDataString("100%_"));
        RowIds(nothing).Should().BeEmpty("LIKE wildcards typed by the user are taken literally");
        nothing.QuerySelectorAll("[data-testid=recommendations-empty]").Should().ContainSingle("an empty result says so");
    }

    [Fact]
    public async Task Filters_narrow_the_register_and_pages_follow_the_keyset()
    {
        await portal.Staff("filter-lawyer@test.local").WithRoles(Roles.Lawyer).SaveAsync();
        var client = await portal.SignedInClientAsync("filter-lawyer@test.local");

        RowIds(await client.GetDocumentAsync("/recommendations?state=KZ&year=2019&body=UPR")).Should().HaveCount(10, "ten recommendations are shipped");
        RowIds(await client.GetDocumentAsync("/recommendations?state=KZ&theme=Quotas")).Should().Equal(QuotaRecommendation);
        RowIds(await client.GetDocumentAsync("/recommendations?state=KZ&theme=FreedomOfAssociation")).Should().Equal(9, 10);
        RowIds(await client.GetDocumentAsync("/recommendations?state=KZ&response=Accepted")).Should().BeEmpty("the shipped responses are pending");
        RowIds(await client.GetDocumentAsync("/recommendations?state=KZ&status=NotAssessed&response=Pending")).Should().HaveCount(10);
        RowIds(await client.GetDocumentAsync("/recommendations?state=KZ&year=2018")).Should().BeEmpty();
        RowIds(await client.GetDocumentAsync("/recommendations?state=RU")).Should().BeEmpty();

        var bad = await client.GetDocumentAsync("/recommendations?state=KZ&theme=Nonsense&year=abc");
        bad.QuerySelector("#filter-theme-error")!.TextContent.Should().Be(portal.English("Choose a theme from the list."));
        bad.QuerySelector("#filter-year-error")!.TextContent.Should().Be(portal.English("Enter a year, for example {0}.", "2019"));
        RowIds(bad).Should().HaveCount(10, "a filter that is not understood is ignored, the others still apply");

        await portal.WithDbAsync(async db =>
        {
            for (var i = 0; i < 30; i++)
            {
                var r = new Recommendation(null, DateTimeOffset.UtcNow) { Body = InternationalBody.CESCR, State = "TJ", Cycle = "Paging session", Year = 2021 + (i % 2) };
                r.SetText("12." + i, "Paging recommendation " + i, null, null);
                db.Recommendations.Add(r);
            }

            return await db.SaveChangesAsync();
        });
        var first = await client.GetDocumentAsync("/recommendations?state=TJ&body=CESCR");
        var firstIds = RowIds(first);
        firstIds.Should().HaveCount(25);
        var next = first.QuerySelector("[data-testid=next-page]")!.GetAttribute("href")!;
        next.Should().Contain("state=TJ").And.Contain("body=CESCR");
        var second = await client.GetDocumentAsync(next);
        var secondIds = RowIds(second);
        secondIds.Should().HaveCount(5);
        second.QuerySelector("[data-testid=next-page]").Should().BeNull();
        firstIds.Intersect(secondIds).Should().BeEmpty();
        var years = await portal.WithDbAsync(db => db.Recommendations.Where(r => r.State == "TJ").ToDictionaryAsync(r => r.Id, r => r.Year));
        firstIds.Concat(secondIds).Select(id => years[id]).Should().BeInDescendingOrder("the newest year comes first");
    }

    [Fact]
    public async Task A_linked_case_shows_on_the_recommendation_and_the_recommendation_on_the_case()
    {
        var office = await portal.Office().WithCode("RLK").SaveAsync();
        var lawyer = await portal.Staff("link-lawyer@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Связов Рустам", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync()).Id;
        var secondCaseId = (await portal.Case(office).WithClient("Школов Азиз", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).WithTitle("School refused enrolment").SaveAsync()).Id;
        var reference = (await portal.StoredCaseAsync(caseId)).Reference;
        var secondReference = (await portal.StoredCaseAsync(secondCaseId)).Reference;
        var client = await portal.SignedInClientAsync("link-lawyer@test.local");

        // From the case: search the register, link with a note.
        var found = await client.GetDocumentAsync($"/cases/{caseId}/recommendations/link?q=quota");
        RowIds(found).Should().Equal(QuotaRecommendation);
        var linkUrl = $"/cases/{caseId}/recommendations?q=quota";
        Location(await PostFormAsync(client, found, linkUrl, [new("RecommendationId", QuotaRecommendation.ToString()), new("Note", "Quota refused, so no legal work.")]))
            .Should().Be($"/cases/{caseId}");

        var casePage = await client.GetDocumentAsync($"/cases/{caseId}");
        casePage.QuerySelectorAll("[data-testid=case-recommendation]").Should().ContainSingle(r => r.GetAttribute("data-recommendation-id") == QuotaRecommendation.ToString());
        var recommendation = await client.GetDocumentAsync($"/recommendations/{QuotaRecommendation}");
        recommendation.QuerySelectorAll("[data-testid=linked-case-reference]").Select(a => a.TextContent).Should().Equal(reference);
        (await client.GetDocumentAsync($"/cases/{caseId}/recommendations/link?q=quota")).QuerySelectorAll("[data-testid=already-linked]").Should().ContainSingle("the linked recommendation is marked, not offered again");

        // From the recommendation: by the case's reference number.
        Location(await PostFormAsync(client, $"/recommendations/{SchoolRecommendation}", $"/recommendations/{SchoolRecommendation}/cases",
            [new("Link.CaseReference", secondReference.ToLowerInvariant()), new("Link.Note", "Enrolment refused without a residence permit.")]))
            .Should().Be($"/recommendations/{SchoolRecommendation}#cases");
        (await client.GetDocumentAsync($"/cases/{secondCaseId}")).QuerySelectorAll("[data-testid=case-recommendation]")
            .Should().ContainSingle(r => r.GetAttribute("data-recommendation-id") == SchoolRecommendation.ToString());
        var again = await PostFormAsync(client, $"/recommendations/{SchoolRecommendation}", $"/recommendations/{SchoolRecommendation}/cases", [new("Link.CaseReference", secondReference)]);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await PageAsync(again)).QuerySelector("[data-testid='error-Link.CaseReference']")!.TextContent.Should().Be(portal.English("This case is already linked to the recommendation."));

        var linked = await portal.AuditAsync(InternationalAuditActions.RecommendationLinked);
        linked.Should().Contain(a => a.EntityId == caseId.ToString()).And.Contain(a => a.EntityId == secondCaseId.ToString());
        linked.Should().OnlyContain(a => !a.Details!.Contains("residence permit") && !a.Details.Contains("Quota refused"), "notes stay out of the audit trail");

        // Unlink from the case side.
        Location(await PostFormAsync(client, $"/cases/{caseId}", $"/cases/{caseId}/recommendations/{QuotaRecommendation}/unlink", [])).Should().Be($"/cases/{caseId}");
        (await client.GetDocumentAsync($"/cases/{caseId}")).QuerySelectorAll("[data-testid=case-recommendation]").Should().BeEmpty();
        (await client.GetDocumentAsync($"/recommendations/{QuotaRecommendation}")).QuerySelectorAll("[data-testid=no-linked-cases]").Should().ContainSingle("the page says no linked case is visible");
        (await portal.AuditAsync(InternationalAuditActions.RecommendationUnlinked)).Should().ContainSingle(a => a.EntityId == caseId.ToString());
    }

    [Fact]
    public async Task A_linked_case_the_user_may_not_see_is_not_listed_and_its_reference_never_appears()
    {
        var office = await portal.Office().WithCode("RHD").SaveAsync();
        var owner = await portal.Staff("hidden-owner@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        await portal.Staff("hidden-outsider@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var hiddenCase = (await portal.Case(office).WithClient("Скрытов Бахтиёр", null).OnBuildingSite().OpenedToday().AssignedTo(null, owner.Id).Confidential().SaveAsync()).Id;
        var hiddenReference = (await portal.StoredCaseAsync(hiddenCase)).Reference;
        var ownerClient = await portal.SignedInClientAsync("hidden-owner@test.local");
        Location(await PostFormAsync(ownerClient, "/recommendations/3", "/recommendations/3/cases", [new("Link.CaseReference", hiddenReference)]))
            .Should().Be("/recommendations/3#cases");
        (await ownerClient.GetDocumentAsync("/recommendations/3")).QuerySelectorAll("[data-testid=linked-case]").Should().ContainSingle();

        var outsider = await portal.SignedInClientAsync("hidden-outsider@test.local");
        var response = await outsider.GetAsync("/recommendations/3");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().NotContain(hiddenReference).And.NotContain(hiddenCase.ToString());
        var page = HttpForms.Parse(html);
        page.QuerySelectorAll("[data-testid=linked-case]").Should().BeEmpty();
        page.QuerySelectorAll("[data-testid=no-linked-cases]").Should().ContainSingle("the page says no linked case is visible");

        // Linking by the reference of a case one may not see says the same as for a reference that does not exist.
        var refused = await PostFormAsync(outsider, "/recommendations/4", "/recommendations/4/cases", [new("Link.CaseReference", hiddenReference)]);
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var refusedPage = await PageAsync(refused);
        refusedPage.QuerySelector("[data-testid='error-Link.CaseReference']")!.TextContent.Should().Be(portal.English("No case you can work on has this reference number."));
        var missing = await PageAsync(await PostFormAsync(outsider, "/recommendations/4", "/recommendations/4/cases", [new("Link.CaseReference", "NOPE-2026-99999")]));
        missing.QuerySelector("[data-testid='error-Link.CaseReference']")!.TextContent.Should().Be(portal.English("No case you can work on has this reference number."));
        (await portal.WithDbAsync(db => db.CaseRecommendations.CountAsync(l => l.CaseId == hiddenCase))).Should().Be(1);

        // Nor may the outsider unlink it.
        var unlink = await outsider.PostWithTokenOfAsync("/", $"/recommendations/3/cases/{hiddenCase}/unlink", []);
        unlink.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await portal.WithDbAsync(db => db.CaseRecommendations.CountAsync(l => l.CaseId == hiddenCase))).Should().Be(1);
    }

    [Fact]
    public async Task Lawyers_add_recommendations_and_assessments_and_caseworkers_only_read()
    {
        var lawyer = await portal.Staff("register-lawyer@test.local").WithRoles(Roles.Lawyer).SaveAsync();
        await portal.Staff("register-caseworker@test.local").WithRoles(Roles.Caseworker).SaveAsync();
        var client = await portal.SignedInClientAsync("register-lawyer@test.local");

        var refused = await PostFormAsync(client, "/recommendations/new", "/recommendations/new",
            [new("Body", "CESCR"), new("State", "KG"), new("Cycle", ""), new("Year", "2999"), new("TextEn", ""), new("TextRu", "")]);
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var refusedPage = await PageAsync(refused);
        refusedPage.QuerySelector("[data-testid=error-Cycle]")!.TextContent.Should().Be(portal.English("Enter the cycle or session."));
        refusedPage.QuerySelector("[data-testid=error-Year]")!.TextContent.Should().Be(portal.English("The year cannot be in the future."));
        refusedPage.QuerySelector("[data-testid=error-TextEn]")!.TextContent.Should().Be(portal.English("Enter the text in English or in Russian."));

        var location = Location(await PostFormAsync(client, "/recommendations/new", "/recommendations/new",
        [
            new("Body", "CESCR"), new("State", "KG"), new("Cycle", "Concluding observations, 2nd report"), new("Year", "2021"), new("Paragraph", "37(b)"),
            new("TextEn", "Ensure that migrant workers' children can attend school."), new("TextRu", "Обеспечить детям трудящихся-мигрантов возможность посещать школу."),
            new("Themes", "Education"), new("Themes", "Children"), new("Response", "Pending"),
        ]));
        var id = int.Parse(location.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        var stored = await portal.WithDbAsync(db => db.Recommendations.AsNoTracking().Include(r => r.Themes).SingleAsync(r => r.Id == id));
        stored.Themes.Select(t => t.Theme).Should().BeEquivalentTo([RecommendationTheme.Education, RecommendationTheme.Children]);
        stored.Status.Should().Be(ImplementationStatus.NotAssessed);
        id.Should().BeGreaterThan(10, "ids continue after the shipped rows");

        var future = await PostFormAsync(client, location, $"{location}/assessments",
            [new("Assess.AssessedOn", Iso(portal.Today().AddDays(5))), new("Assess.Status", "Implemented"), new("Assess.Note", "Typed note")]);
        future.StatusCode.Should().Be(HttpStatusCode.OK);
        var futurePage = await PageAsync(future);
        futurePage.QuerySelector("[data-testid='error-Assess.AssessedOn']")!.TextContent.Should().Be(portal.English("The date of the assessment cannot be in the future."));
        futurePage.QuerySelector("textarea[name='Assess.Note']")!.TextContent.Should().Be("Typed note");

        Location(await PostFormAsync(client, location, $"{location}/assessments",
            [new("Assess.AssessedOn", Iso(portal.Today().AddDays(-10))), new("Assess.Status", "PartiallyImplemented"), new("Assess.Note", "Schools in Bishkek enrol them.")]))
            .Should().Be($"{location}#assessments");
        Location(await PostFormAsync(client, location, $"{location}/assessments",
            [new("Assess.AssessedOn", Iso(portal.Today().AddDays(-100))), new("Assess.Status", "NotImplemented")])).Should().Be($"{location}#assessments");
        var page = await client.GetDocumentAsync(location);
        page.QuerySelectorAll("[data-testid=assessment-status]").Select(s => s.TextContent).Should().Equal(
            portal.English("ImplementationStatus.PartiallyImplemented"), portal.English("ImplementationStatus.NotImplemented"));
        page.QuerySelector("[data-testid=recommendation-status]")!.TextContent.Should().Contain(portal.English("ImplementationStatus.PartiallyImplemented"),
            "the latest assessment by date gives the status, whatever the order of entry");
        (await portal.AuditAsync(InternationalAuditActions.RecommendationAssessed)).Where(a => a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Should().HaveCount(2).And.OnlyContain(a => a.ActorId == lawyer.Id);

        var editUrl = $"{location}/edit";
        var editForm = await client.GetDocumentAsync(editUrl);
        editForm.QuerySelectorAll("input[name=Themes][checked]").Select(i => i.GetAttribute("value")).Should().BeEquivalentTo(["Education", "Children"]);
        Location(await PostFormAsync(client, editForm, editUrl,
        [
            new("Body", "CESCR"), new("State", "KG"), new("Cycle", "Concluding observations, 2nd report"), new("Year", "2021"), new("Paragraph", "37(b)"),
            new("TextEn", "Ensure that migrant workers' children can attend school."), new("TextRu", "Обеспечить детям трудящихся-мигрантов возможность посещать школу."),
            new("Themes", "Education"), new("Response", "Accepted"),
        ])).Should().Be(location);
        RowIds(await client.GetDocumentAsync("/recommendations?state=KG&response=Accepted&theme=Education")).Should().Equal(id);
        RowIds(await client.GetDocumentAsync("/recommendations?state=KG&theme=Children")).Should().BeEmpty("the theme was taken off");
        (await portal.AuditAsync(InternationalAuditActions.RecommendationUpdated)).Should().ContainSingle(a => a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var caseworker = await portal.SignedInClientAsync("register-caseworker@test.local");
        (await caseworker.GetAsync(location)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await caseworker.GetAsync("/recommendations/new")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await caseworker.GetAsync($"{location}/edit")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await caseworker.PostWithTokenOfAsync("/", $"{location}/assessments", [new("Assess.AssessedOn", Iso(portal.Today())), new("Assess.Status", "Implemented")]))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await caseworker.GetDocumentAsync(location)).QuerySelector("[data-testid=assessment-form]").Should().BeNull();
    }
}
