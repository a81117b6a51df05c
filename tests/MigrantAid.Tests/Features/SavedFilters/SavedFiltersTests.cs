using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Lists;

namespace MigrantAid.Tests.Features.SavedFilters;

/// <summary>Issue 12, point 11: named saved filters of the case list and the desk, each user's own.</summary>
public class SavedFiltersTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_filter_is_saved_listed_opened_renamed_and_deleted_holding_only_the_query()
    {
        var office = await portal.Office().SaveAsync();
        await portal.CreateUserAsync("saved-crud@test.local", Roles.Coordinator);
        var urgent = await new CaseBuilder(portal, office).WithClient("Saved urgent").Urgent().SaveAsync();
        await new CaseBuilder(portal, office).WithClient("Saved calm").SaveAsync();
        var client = await portal.SignedInClientAsync("saved-crud@test.local");
        var list = $"/cases?scope=all&office={office.Id}&urgent=true&after=2026-01-01_{Guid.NewGuid():N}";

        var saved = await client.SubmitFormAsync(list, Fields(("List", "cases"), ("Name", "Urgent here"), ("Query", list)), "/saved-filters");

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await portal.WithDbAsync(db => db.Set<SavedFilter>().AsNoTracking().SingleAsync(f => f.Name == "Urgent here"));
        stored.List.Should().Be("cases");
        stored.Query.Should().Be($"scope=all&office={office.Id}&urgent=true", "the query string only, without the page position")
            .And.NotContain("after");
        saved.Headers.Location!.OriginalString.Should().Be(stored.Url);

        var shown = await client.GetDocumentAsync("/cases");
        var link = shown.QuerySelectorAll("[data-testid=saved-filter-link]").Should().ContainSingle(a => a.TextContent == "Urgent here").Subject;
        var opened = await client.GetDocumentAsync(link.GetAttribute("href")!);
        opened.QuerySelectorAll("[data-testid=case-row]").Select(r => r.GetAttribute("data-case-id")).Should().Equal(urgent.Id.ToString());

        var renamed = await client.SubmitFormAsync($"/saved-filters/{stored.Id}/rename", Fields(("name", "Urgent, office A")));
        renamed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetDocumentAsync("/saved-filters")).QuerySelector("[data-testid=saved-filter-link]")!.TextContent.Should().Be("Urgent, office A");

        var confirm = await client.GetDocumentAsync($"/saved-filters/{stored.Id}/delete");
        confirm.QuerySelector("main")!.TextContent.Should().Contain("Urgent, office A", "the deletion asks first, naming the filter");
        (await client.SubmitFormAsync($"/saved-filters/{stored.Id}/delete", Fields())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await portal.WithDbAsync(db => db.Set<SavedFilter>().CountAsync(f => f.Id == stored.Id))).Should().Be(0);
    }

    [Fact]
    public async Task Names_are_required_unique_per_user_and_list_and_limited_in_length_with_messages_at_the_field()
    {
        await portal.CreateUserAsync("saved-rules@test.local", Roles.Lawyer);
        await portal.CreateUserAsync("saved-rules-other@test.local", Roles.Lawyer);
        var client = await portal.SignedInClientAsync("saved-rules@test.local");
        (await client.SubmitFormAsync("/desk", Fields(("List", "desk"), ("Name", "Mine"), ("Query", "")), "/saved-filters")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        foreach (var (name, message) in new[] { ("  ", "Enter a name"), ("mine", "already have a saved filter"), (new string('x', 81), "at most 80") })
        {
            var refused = await client.SubmitFormAsync("/desk", Fields(("List", "desk"), ("Name", name), ("Query", "office=all")), "/saved-filters");
            refused.StatusCode.Should().Be(HttpStatusCode.OK, "\"{0}\" is refused on the form", name);
            var page = HttpForms.Parse(await refused.Content.ReadAsStringAsync());
            page.QuerySelector("[data-testid=field-error-Name]")!.TextContent.Should().Contain(message);
            if (!string.IsNullOrWhiteSpace(name))
            {
                page.QuerySelector("#Name")!.GetAttribute("value").Should().Be(name, "what was typed is kept");
            }
        }

        (await client.SubmitFormAsync("/cases", Fields(("List", "cases"), ("Name", "Mine"), ("Query", "")), "/saved-filters")).StatusCode
            .Should().Be(HttpStatusCode.Redirect, "the same name may be used on another list");
        var other = await portal.SignedInClientAsync("saved-rules-other@test.local");
        (await other.SubmitFormAsync("/desk", Fields(("List", "desk"), ("Name", "Mine"), ("Query", "")), "/saved-filters")).StatusCode
            .Should().Be(HttpStatusCode.Redirect, "another user may use the same name");
    }

    [Fact]
    public async Task Another_users_saved_filter_cannot_be_seen_renamed_or_deleted()
    {
        await portal.CreateUserAsync("saved-owner@test.local", Roles.Caseworker);
        await portal.CreateUserAsync("saved-intruder@test.local", Roles.Coordinator);
        var owner = await portal.SignedInClientAsync("saved-owner@test.local");
        await owner.SubmitFormAsync("/cases", Fields(("List", "cases"), ("Name", "Owner's private"), ("Query", "status=Open")), "/saved-filters");
        var id = await portal.WithDbAsync(db => db.Set<SavedFilter>().Where(f => f.Name == "Owner's private").Select(f => f.Id).SingleAsync());
        var intruder = await portal.SignedInClientAsync("saved-intruder@test.local");

        (await intruder.GetDocumentAsync("/cases")).QuerySelectorAll("[data-testid=saved-filter-link]").Should().NotContain(a => a.TextContent == "Owner's private");
        (await intruder.GetDocumentAsync("/saved-filters")).QuerySelectorAll("[data-testid=saved-filter-link]").Should().BeEmpty();
        (await intruder.GetAsync($"/saved-filters/{id}/rename")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await intruder.GetAsync($"/saved-filters/{id}/delete")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var token = Token(await intruder.GetDocumentAsync("/cases"));
        (await intruder.PostAsync($"/saved-filters/{id}/delete", new FormUrlEncodedContent(Fields(("__RequestVerificationToken", token))))).StatusCode
            .Should().Be(HttpStatusCode.NotFound);
        (await intruder.PostAsync($"/saved-filters/{id}/rename", new FormUrlEncodedContent(Fields(("name", "Taken"), ("__RequestVerificationToken", token))))).StatusCode
            .Should().Be(HttpStatusCode.NotFound);
        (await portal.WithDbAsync(db => db.Set<SavedFilter>().SingleAsync(f => f.Id == id))).Name.Should().Be("Owner's private");
    }

    private static List<KeyValuePair<string, string>> Fields(params (string Name, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();

    private static string Token(IHtmlDocument page) => page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}
