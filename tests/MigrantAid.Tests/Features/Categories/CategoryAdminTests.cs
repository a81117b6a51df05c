using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Categories;

namespace MigrantAid.Tests.Features.Categories;

public class CategoryAdminTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Admin_adds_category_and_it_is_offered()
    {
        var admin = await portal.CreateUserAsync("cat-add-admin@test.local", Roles.Admin);
        await portal.CreateUserAsync("cat-add-coord@test.local", Roles.Coordinator);
        var client = await portal.SignedInClientAsync("cat-add-admin@test.local");
        var groups = (await client.GetDocumentAsync("/categories/create")).QuerySelectorAll("#Group option").Select(o => o.GetAttribute("value")).ToList();
        groups.Should().Contain(["labour", "detention", "documents", "children", "health", "violence", "trafficking"]);

        var response = await client.SubmitFormAsync("/categories/create", new Dictionary<string, string>
        {
            ["Group"] = "labour",
            ["Code"] = "labour.wage-theft-by-agency",
            ["NameEn"] = "Wages withheld by a staffing agency",
            ["NameRu"] = "Удержание заработка кадровым агентством",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/categories");
        var category = await portal.WithDbAsync(db => db.ComplaintCategories.AsNoTracking().SingleAsync(c => c.Code == "labour.wage-theft-by-agency"));
        category.GroupCode.Should().Be("labour");
        category.IsActive.Should().BeTrue();
        var lastOfLabour = await portal.WithDbAsync(db => db.ComplaintCategories.Where(c => c.GroupCode == "labour" && c.Id != category.Id).MaxAsync(c => c.SortOrder));
        category.SortOrder.Should().Be(lastOfLabour + 1, "a new category ends its group");
        (await portal.AuditAsync(CategoryAuditActions.Created)).Should().ContainSingle(a => a.EntityId == category.Id.ToString(CultureInfo.InvariantCulture) && a.ActorId == admin.Id)
            .Which.Details.Should().Contain("labour.wage-theft-by-agency");
        var list = await client.GetDocumentAsync("/categories");
        list.QuerySelector("[data-category-code='labour.wage-theft-by-agency'] [data-testid=category-name-ru]")!.TextContent.Should().Be("Удержание заработка кадровым агентством");

        var coordinator = await portal.SignedInClientAsync("cat-add-coord@test.local");
        var offered = (await coordinator.GetDocumentAsync("/cases")).QuerySelector($"[data-testid=filter-category] option[value='{category.Id}']");
        offered!.TextContent.Should().Be("Wages withheld by a staffing agency", "the new category is offered in the case list's filter");
    }

    [Fact]
    public async Task A_category_needs_a_unique_code_a_known_group_and_both_names()
    {
        await portal.CreateUserAsync("cat-bad-admin@test.local", Roles.Admin);
        var client = await portal.SignedInClientAsync("cat-bad-admin@test.local");

        var response = await client.SubmitFormAsync("/categories/create", new Dictionary<string, string>
        {
            ["Group"] = "astrology",
            ["Code"] = "labour.unpaid-wages",
            ["NameEn"] = "Typed English",
            ["NameRu"] = "",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for=NameRu]")!.TextContent.Should().Be("Enter the Russian name.");
        page.QuerySelector("input[name=NameEn]")!.GetAttribute("value").Should().Be("Typed English", "typed values are kept");

        var duplicate = await client.SubmitFormAsync("/categories/create", new Dictionary<string, string>
        {
            ["Group"] = "labour",
            ["Code"] = "labour.unpaid-wages",
            ["NameEn"] = "Again",
            ["NameRu"] = "Снова",
        });
        HttpForms.Parse(await duplicate.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=Code]")!.TextContent
            .Should().Be("A category with this code already exists.");

        var unknownGroup = await client.SubmitFormAsync("/categories/create", new Dictionary<string, string>
        {
            ["Group"] = "astrology",
            ["Code"] = "astrology.stars",
            ["NameEn"] = "Stars",
            ["NameRu"] = "Звёзды",
        });
        HttpForms.Parse(await unknownGroup.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=Group]")!.TextContent
            .Should().Be("Choose a group from the list.");
        (await portal.WithDbAsync(db => db.ComplaintCategories.CountAsync(c => c.NameEn == "Again" || c.Code == "astrology.stars"))).Should().Be(0);
    }

    [Fact]
    public async Task Admin_renames_and_retires_a_category_audited_and_a_stale_form_is_refused()
    {
        var admin = await portal.CreateUserAsync("cat-edit-admin@test.local", Roles.Admin);
        var client = await portal.SignedInClientAsync("cat-edit-admin@test.local");
        var id = await portal.WithDbAsync(db => db.ComplaintCategories.Where(c => c.Code == "health.social-benefits").Select(c => c.Id).SingleAsync());
        var editUrl = $"/categories/{id}/edit";
        var stale = await client.GetDocumentAsync(editUrl);
        var staleVersion = stale.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var renamed = await client.SubmitFormAsync(editUrl, new Dictionary<string, string>
        {
            ["NameEn"] = "Social benefits and pensions",
            ["NameRu"] = "Социальные пособия и пенсии",
            ["Version"] = staleVersion,
        });
        renamed.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var conflict = await client.SubmitFormAsync(editUrl, new Dictionary<string, string>
        {
            ["NameEn"] = "Social benefits (old form)",
            ["NameRu"] = "Социальные пособия (старая форма)",
            ["Version"] = staleVersion,
        });
        conflict.StatusCode.Should().Be(HttpStatusCode.OK);
        var conflictPage = HttpForms.Parse(await conflict.Content.ReadAsStringAsync());
        conflictPage.QuerySelectorAll("[data-testid=conflict]").Should().NotBeEmpty();
        conflictPage.QuerySelector("[data-testid=current-NameEn]")!.TextContent.Should().Contain("Social benefits and pensions");
        conflictPage.QuerySelector("input[name=NameEn]")!.GetAttribute("value").Should().Be("Social benefits (old form)", "the typed names are kept");

        var retire = await client.SubmitFormAsync("/categories", [], $"/categories/{id}/deactivate");
        retire.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var stored = await portal.WithDbAsync(db => db.ComplaintCategories.AsNoTracking().SingleAsync(c => c.Id == id));
        stored.NameEn.Should().Be("Social benefits and pensions");
        stored.IsActive.Should().BeFalse();
        var updates = (await portal.AuditAsync(CategoryAuditActions.Updated)).Where(a => a.EntityId == id.ToString(CultureInfo.InvariantCulture)).ToList();
        updates.Should().HaveCount(2);
        updates.Should().OnlyContain(a => a.ActorId == admin.Id);
        updates[0].Details.Should().Contain("Social benefits and pensions");
        updates[1].Details.Should().Contain("IsActive");
        (await client.GetDocumentAsync("/categories")).QuerySelector($"form[action='/categories/{id}/activate']").Should().NotBeNull("a retired category can be restored");
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Lawyer)]
    [InlineData(Roles.Caseworker)]
    public async Task Only_admins_manage_categories(string role)
    {
        var email = $"cat-denied-{role.ToLowerInvariant()}@test.local";
        await portal.CreateUserAsync(email, role);
        var client = await portal.SignedInClientAsync(email);

        (await client.GetAsync("/categories")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetAsync("/categories/create")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
