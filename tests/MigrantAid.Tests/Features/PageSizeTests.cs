using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using Xunit.Abstractions;

namespace MigrantAid.Tests.Features;

/// <summary>
/// 800 lawyers and caseworkers in 20 offices (the generator puts 792 in about that many at 1,000,000 cases), and the
/// cases of two offices, so that every people list of the pages below would be long if a page listed everyone.
/// </summary>
public sealed class ManyStaffPortal : PortalFactory
{
    public const int Offices = 20;
    public const int Staff = 800;

    public IReadOnlyList<Guid> OfficeIds { get; private set; } = [];

    /// <summary>The lawyers of each office, in the order of <see cref="OfficeIds"/>.</summary>
    public IReadOnlyList<IReadOnlyList<Guid>> Lawyers { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var built = new List<TestOffice>();
        for (var i = 0; i < Offices; i++)
        {
            built.Add(await this.Office().SaveAsync());
        }

        var offices = built.Select(o => o.Id).ToList();
        OfficeIds = offices;
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Web.Data.AdminBootstrapper>().EnsureRolesAsync();
        var lawyers = offices.Select(_ => new List<Guid>()).ToList();
        await WithDbAsync(async db =>
        {
            var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
            for (var i = 0; i < Staff; i++)
            {
                var lawyer = i % 2 == 0;
                var email = $"size{i:000}@staff.test";
                var user = new AppUser
                {
                    Id = Guid.NewGuid(),
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    FullName = $"Rakhimova{i:000} Dilnoza Bakhtiyorovna",
                    OfficeId = offices[i / 2 % Offices],
                    CreatedAt = Clock.GetUtcNow(),
                    SecurityStamp = Guid.NewGuid().ToString(),
                };
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[lawyer ? Roles.Lawyer : Roles.Caseworker] });
                if (lawyer)
                {
                    lawyers[i / 2 % Offices].Add(user.Id);
                }
            }

            return await db.SaveChangesAsync();
        });
        Lawyers = lawyers;
        for (var o = 0; o < 2; o++)
        {
            await new CaseBuilder(this, built[o])
                .WithClient("Rakhimov Anvar Bakhtiyorovich").WithTitle("Unpaid wages for six months on a building site")
                .AssignedTo(lead: lawyers[o][0]).SaveManyAsync(30, i => new DateOnly(2026, 1, 1).AddDays(i * 5));
        }
    }
}

/// <summary>Issue 14, point 3: the case list, the searches and the dashboard stay small whatever the number of staff.</summary>
public class PageSizeTests(ManyStaffPortal portal, ITestOutputHelper output) : IClassFixture<ManyStaffPortal>
{
    /// <summary>Issue 14 asks for 40 KB of HTML for 25 rows: met by every list and search, the coordinator's too.</summary>
    private const int ListLimit = 40 * 1024;

    /// <summary>
    /// The coordinator's reassignment mode, opened on demand, adds a box per row and the form (40 people of the
    /// office without JavaScript): about 53 KB; the list itself stays within <see cref="ListLimit"/>.
    /// </summary>
    private const int ReassignModeLimit = 56 * 1024;

    private const int DashboardLimit = 150 * 1024;

    private int _measured;

    private async Task<int> SizeAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();
        var size = body.Length;
        if (Environment.GetEnvironmentVariable("PAGE_SIZE_DUMP") is { } dump)
        {
            await File.WriteAllBytesAsync(Path.Combine(dump, $"{++_measured:00}-{Uri.EscapeDataString(url)}.html"), body);
        }

        output.WriteLine($"{url}: {size:N0} bytes");
        return size;
    }

    [Fact]
    public async Task The_case_list_and_its_searches_stay_under_40_KB_for_every_role_whatever_the_staff()
    {
        var coordinator = await portal.Staff("size-coord@test.local").WithRoles(Roles.Coordinator).InOffice(portal.OfficeIds[0]).SignedInAsync();
        var caseworker = await portal.Staff("size-cw@test.local").WithRoles(Roles.Caseworker).InOffice(portal.OfficeIds[0]).SignedInAsync();

        foreach (var client in new[] { coordinator, caseworker })
        {
            (await SizeAsync(client, "/cases?scope=all")).Should().BeLessThanOrEqualTo(ListLimit);
            (await SizeAsync(client, "/cases?scope=all&q=Rakhimov")).Should().BeLessThanOrEqualTo(ListLimit);
            (await SizeAsync(client, "/cases?scope=all&lawyer=" + portal.Lawyers[1][0])).Should().BeLessThanOrEqualTo(ListLimit);
            (await SizeAsync(client, "/search?q=Rakhimov")).Should().BeLessThanOrEqualTo(ListLimit);
        }

        (await SizeAsync(coordinator, "/cases?scope=all&reassign=true")).Should().BeLessThanOrEqualTo(ReassignModeLimit);
        var page = await coordinator.GetDocumentAsync("/cases?scope=all");
        page.QuerySelectorAll("[data-testid=case-row]").Should().HaveCount(25, "a full page was measured");
        page.QuerySelector("[data-testid=reassign-open]").Should().NotBeNull("the coordinator's own list was measured");
        var reassigning = await coordinator.GetDocumentAsync("/cases?scope=all&reassign=true");
        reassigning.QuerySelector("#reassign-form").Should().NotBeNull("the reassignment mode was measured with its form");
        var listed = await caseworker.GetDocumentAsync("/cases?scope=all");
        listed.QuerySelectorAll("[data-testid=case-row]").Should().HaveCount(25, "the caseworker's 40 KB holds a full page too");
    }

    [Fact]
    public async Task Russian_pages_send_Cyrillic_as_it_is_not_as_eight_byte_entities_even_in_compacted_parts()
    {
        var coordinator = await portal.Staff("size-coord-ru@test.local").WithRoles(Roles.Coordinator).InOffice(portal.OfficeIds[0])
            .Speaking(SupportedLanguages.Russian).SignedInAsync();

        var html = await (await coordinator.GetAsync("/cases?scope=all")).Content.ReadAsStringAsync();

        html.Should().Contain("Номер дела", "the page was read in Russian");
        html.Should().Contain("data-limit-over=\"Превышение", "the search box's limit message sits in the compacted top bar");
        System.Text.RegularExpressions.Regex.Matches(html, "&#x4[0-9A-F]{2};").Should().BeEmpty("a Cyrillic letter is two bytes, its entity eight");
    }

    [Fact]
    public async Task A_people_filter_names_only_the_person_chosen_and_leaves_everyone_else_to_its_type_ahead()
    {
        var coordinator = await portal.Staff("size-coord2@test.local").WithRoles(Roles.Coordinator).InOffice(portal.OfficeIds[0]).SignedInAsync();
        var elsewhere = portal.Lawyers[1][0];

        var page = await coordinator.GetDocumentAsync("/cases?scope=all&lawyer=" + elsewhere);

        var offered = page.QuerySelectorAll("#filter-lawyer option").Select(o => o.GetAttribute("value")).Where(v => v != "").ToList();
        offered.Should().Equal([elsewhere.ToString()], "the office's other lawyers are found by typing, not sent with every page");
        page.QuerySelectorAll("#filter-caseworker option").Select(o => o.GetAttribute("value")).Should().Equal([""], "no caseworker was chosen");
        page.QuerySelector("#filter-lawyer option[selected]")!.GetAttribute("value").Should().Be(elsewhere.ToString());
        page.QuerySelectorAll("[data-testid=case-row]").Should().HaveCount(25, "the filter by a lawyer of another office still works");
        page.QuerySelector("[data-people-suggest]")!.GetAttribute("data-people-suggest").Should().Be("/people/suggest?role=lawyer");
    }

    [Fact]
    public async Task The_dashboard_stays_under_150_KB_and_every_lawyers_caseload_is_on_its_own_list()
    {
        var coordinator = await portal.Staff("size-coord3@test.local").WithRoles(Roles.Coordinator).InOffice(portal.OfficeIds[0]).SignedInAsync();
        var today = DateOnly.FromDateTime(portal.Clock.GetUtcNow().UtcDateTime);
        var year = $"/dashboard?from={today.AddDays(-364):yyyy-MM-dd}&to={today:yyyy-MM-dd}";

        (await SizeAsync(coordinator, "/dashboard")).Should().BeLessThanOrEqualTo(DashboardLimit);
        (await SizeAsync(coordinator, year)).Should().BeLessThanOrEqualTo(DashboardLimit);

        var dashboard = await coordinator.GetDocumentAsync("/dashboard");
        var shown = dashboard.QuerySelectorAll("table[data-testid=lawyers] tbody tr[data-lawyer-id]").Select(r => r.GetAttribute("data-lawyer-id")).ToList();
        shown.Should().HaveCount(25);
        shown.Take(2).Should().BeEquivalentTo([portal.Lawyers[0][0].ToString(), portal.Lawyers[1][0].ToString()], "the largest caseloads come first");

        var all = new List<string?>();
        var next = dashboard.QuerySelector("[data-testid=all-lawyers]")!.GetAttribute("href");
        while (next is not null)
        {
            var page = await coordinator.GetDocumentAsync(next);
            all.AddRange(page.QuerySelectorAll("table[data-testid=lawyers] tbody tr[data-lawyer-id]").Select(r => r.GetAttribute("data-lawyer-id")));
            next = page.QuerySelector("[data-testid=next-page]")?.GetAttribute("href");
        }

        all.Should().OnlyHaveUniqueItems().And.HaveCount(ManyStaffPortal.Staff / 2, "every active lawyer's caseload, zero included, as on the dashboard before")
            .And.Contain(shown);
    }
}
