using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Cases.CaseList;
using MigrantAid.Web.Security;

namespace MigrantAid.Tests.Features.Cases.CaseList;

/// <summary>
/// Issue 14: a name is probed from its word tables first. Few matches are handed to the list as ids (sorted and
/// counted exactly); a name matching more than "Lists:CountableNameMatches" cases (3 here) is walked in the
/// list's order and not counted, and the list says why.
/// </summary>
public class CommonNameSearchTests(CommonNameSearchTests.Portal portal) : IClassFixture<CommonNameSearchTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Lists:CountableNameMatches"] = "3" };
    }

    [Fact]
    public async Task A_name_matching_more_cases_than_are_counted_lists_them_all_newest_first_and_says_it_is_too_common_to_count()
    {
        var office = await portal.Office().SaveAsync();
        var common = new List<Guid>();
        string[] given = ["Umed", "Farhod", "Jamshed", "Bahrom", "Sherzod", "Daler", "Rustam"];
        for (var day = 1; day <= given.Length; day++)
        {
            common.Add((await new CaseBuilder(portal, office).WithClient("Qodirzoda " + given[day - 1]).OpenedOn(new(2026, 3, day)).SaveAsync()).Id);
        }

        var rare = await new CaseBuilder(portal, office).WithClient("Qodirzoda Tahmina").OpenedOn(new(2026, 3, 19)).SaveAsync();
        await portal.CreateUserAsync("common-name-coord@test.local", Roles.Coordinator);
        var coordinator = await portal.SignedInClientAsync("common-name-coord@test.local");

        var page = await coordinator.GetDocumentAsync("/cases?scope=all&office=" + office.Id + "&q=Qodirzoda");
        page.QuerySelectorAll("[data-testid=case-row]").Select(r => Guid.Parse(r.GetAttribute("data-case-id")!))
            .Should().Equal(new[] { rare.Id }.Concat(Enumerable.Reverse(common)), "every match, newest first, however common the name");
        var total = page.QuerySelector("[data-testid=list-total]")!;
        total.TextContent.Should().Be("more than 3 cases match this name: add a first name, a patronymic or a filter to narrow the list");
        total.GetAttribute("data-over-cap").Should().Be("true");

        var narrowed = await coordinator.GetDocumentAsync("/cases?scope=all&office=" + office.Id + "&q=Qodirzoda+Jamshed");
        narrowed.QuerySelectorAll("[data-testid=case-row]").Select(r => Guid.Parse(r.GetAttribute("data-case-id")!)).Should().Equal(common[2]);
        narrowed.QuerySelector("[data-testid=list-total]")!.TextContent.Should().Be("1 case", "a rarer name is counted exactly");

        var few = await coordinator.GetDocumentAsync("/cases?scope=all&office=" + office.Id + "&q=Tahmina");
        few.QuerySelectorAll("[data-testid=case-row]").Select(r => Guid.Parse(r.GetAttribute("data-case-id")!)).Should().Equal(rare.Id);
        few.QuerySelector("[data-testid=list-total]")!.TextContent.Should().Be("1 case");
    }

    [Fact]
    public async Task The_probe_finds_the_same_cases_whether_it_hands_over_ids_or_walks_the_list()
    {
        var office = await portal.Office().SaveAsync();
        var found = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            found.Add((await new CaseBuilder(portal, office).WithClient("Zarifbekova Nigora " + i).SaveAsync()).Id);
        }

        var viewer = new Viewer(Guid.NewGuid(), null, IsCoordinator: true, IsLawyer: false, IsCaseworker: false);
        var (walked, walkedTooCommon) = await portal.WithDbAsync(async db =>
        {
            var matches = await CaseNameMatching.MatchingAsync(db, viewer, "Zarifbekova", countable: 1);
            return (await matches.Ids(db).ToListAsync(), matches.NameTooCommon);
        });
        var (handed, handedTooCommon) = await portal.WithDbAsync(async db =>
        {
            var matches = await CaseNameMatching.MatchingAsync(db, viewer, "Zarifbekova", countable: 100);
            return (await matches.Ids(db).ToListAsync(), matches.NameTooCommon);
        });

        walkedTooCommon.Should().BeTrue("4 cases are more than 1");
        handedTooCommon.Should().BeFalse();
        walked.Should().BeEquivalentTo(found);
        handed.Should().BeEquivalentTo(found);
    }
}
