using System.Net;
using System.Text.Json;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Features.People;

/// <summary>Issue 14, point 3: the type-ahead of the people filters answers a few active staff by name, within the viewer's reach.</summary>
public class PeopleSuggestTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private sealed record Suggestion(Guid Id, string Name, string? Office);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task<List<Suggestion>> SuggestAsync(HttpClient client, string q, string role)
    {
        var response = await client.GetAsync("/people/suggest?role=" + role + "&q=" + Uri.EscapeDataString(q));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        using (var document = JsonDocument.Parse(body))
        {
            foreach (var person in document.RootElement.EnumerateArray())
            {
                person.EnumerateObject().Select(p => p.Name).Should().BeSubsetOf(["id", "name", "office"], "only ids and names leave the portal");
            }
        }

        return JsonSerializer.Deserialize<List<Suggestion>>(body, Json)!;
    }

    private async Task<AppUser> PersonAsync(string email, string name, string role, Guid? office, bool active = true)
    {
        var user = await portal.Staff(email).WithRoles(role).InOffice(office).SaveAsync();
        await portal.WithDbAsync(async db =>
        {
            var stored = await db.Users.FindAsync(user.Id);
            stored!.FullName = name;
            stored.IsActive = active;
            return await db.SaveChangesAsync();
        });
        return user;
    }

    [Fact]
    public async Task A_coordinator_finds_active_lawyers_of_every_office_by_part_of_the_name_at_most_ten()
    {
        var here = await portal.Office().SaveAsync();
        var there = await portal.Office().SaveAsync();
        var near = await PersonAsync("sg-near@test.local", "Zebrikova Aigerim", Roles.Lawyer, here.Id);
        var far = await PersonAsync("sg-far@test.local", "Zebrikov Nurlan", Roles.Lawyer, there.Id);
        await PersonAsync("sg-gone@test.local", "Zebrikova Left", Roles.Lawyer, there.Id, active: false);
        await PersonAsync("sg-cw@test.local", "Zebrikova Casework", Roles.Caseworker, here.Id);
        for (var i = 0; i < 12; i++)
        {
            await PersonAsync($"sg-many{i}@test.local", $"Manyname{i:00} Lawyer", Roles.Lawyer, there.Id);
        }

        var coordinator = await portal.Staff("sg-coord@test.local").WithRoles(Roles.Coordinator).InOffice(here.Id).SignedInAsync();

        var found = await SuggestAsync(coordinator, "ebrikov", "lawyer");
        found.Select(s => s.Id).Should().BeEquivalentTo([near.Id, far.Id], "active lawyers of both offices; not the inactive one nor the caseworker");
        found.Should().BeInAscendingOrder(s => s.Name);
        (await SuggestAsync(coordinator, "manyname", "lawyer")).Should().HaveCount(10, "a type-ahead shows a few, not everyone");
        (await SuggestAsync(coordinator, "ZEBRIKOVA", "caseworker")).Select(s => s.Name).Should().Equal("Zebrikova Casework");
        (await SuggestAsync(coordinator, "%", "lawyer")).Should().BeEmpty("a wildcard is a character, not a pattern");
        (await SuggestAsync(coordinator, "ebrikov", "admin")).Should().BeEmpty("only the people filters' roles are answered");
    }

    [Fact]
    public async Task A_caseworker_finds_only_the_people_of_her_office_and_those_of_no_office()
    {
        var here = await portal.Office().SaveAsync();
        var there = await portal.Office().SaveAsync();
        var near = await PersonAsync("sgc-near@test.local", "Qulmatova Near", Roles.Lawyer, here.Id);
        await PersonAsync("sgc-far@test.local", "Qulmatova Far", Roles.Lawyer, there.Id);
        var everywhere = await PersonAsync("sgc-all@test.local", "Qulmatova Everywhere", Roles.Lawyer, null);
        var caseworker = await portal.Staff("sgc-cw@test.local").WithRoles(Roles.Caseworker).InOffice(here.Id).SignedInAsync();

        (await SuggestAsync(caseworker, "qulmatova", "lawyer")).Select(s => s.Id).Should().BeEquivalentTo([near.Id, everywhere.Id]);
    }

    [Fact]
    public async Task The_suggestions_require_sign_in()
    {
        var anonymous = portal.NewClient();

        var response = await anonymous.GetAsync("/people/suggest?role=lawyer&q=a");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/account/login");
    }
}
