using System.Net;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Features.Shared;

/// <summary>Every page a role can reach from its navigation answers without an error, in English and in Russian.</summary>
public class NavigationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string> RolesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in Roles.All)
        {
            data.Add(role, "en");
            data.Add(role, "ru");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndLanguages))]
    public async Task Every_page_linked_from_the_navigation_and_home_page_answers(string role, string language)
    {
        var email = $"nav-{role.ToLowerInvariant()}-{language}@test.local";
        await portal.CreateUserAsync(email, role);
        var client = await portal.SignedInClientAsync(email);
        if (language == "ru")
        {
            (await client.SubmitFormAsync("/", [new("culture", "ru"), new("returnUrl", "/")], "/language"))
                .StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var home = await client.GetDocumentAsync("/");
        home.DocumentElement.GetAttribute("lang").Should().Be(language);
        var links = home.QuerySelectorAll("header a[href^='/'], main a[href^='/']")
            .Select(a => a.GetAttribute("href")!)
            .Distinct()
            .ToList();
        links.Should().NotBeEmpty();

        foreach (var link in links)
        {
            var response = await client.GetAsync(link);
            response.StatusCode.Should().Be(HttpStatusCode.OK, "{0} linked from the home page of a {1} should open", link, role);
            var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
            page.DocumentElement.GetAttribute("lang").Should().Be(language, "{0} should be in the chosen language", link);
            page.QuerySelectorAll("h1").Should().HaveCount(1, "{0} should have one main heading", link);
        }
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Lawyer)]
    [InlineData(Roles.Caseworker)]
    public async Task Staff_without_admin_role_see_no_admin_links(string role)
    {
        var email = $"nav-noadmin-{role.ToLowerInvariant()}@test.local";
        await portal.CreateUserAsync(email, role);
        var client = await portal.SignedInClientAsync(email);

        var home = await client.GetDocumentAsync("/");

        home.QuerySelectorAll("a[href='/users'], a[href='/offices'], a[href='/audit']").Should().BeEmpty();
    }
}
