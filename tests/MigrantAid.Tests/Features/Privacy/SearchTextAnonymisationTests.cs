using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Exports;
using MigrantAid.Web.Domain.Lists;
using MigrantAid.Web.Features.Cases.CaseList;

namespace MigrantAid.Tests.Features.Privacy;

/// <summary>
/// Issue 15 (ADR 0024): what users typed that names an anonymised person goes with the person: saved filters and
/// export approvals whose search or reason holds a word of the cleared name are removed, the typed search and reason
/// of export audit entries are replaced by a dash, and the dictionary of match-key words keeps no word nobody holds.
/// </summary>
public class SearchTextAnonymisationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Erasure_removes_the_searches_that_name_the_client_in_any_script_and_keeps_the_others()
    {
        var coordinator = await portal.CreateUserAsync("words-coord@test.local", Roles.Coordinator);
        var lawyer = await portal.CreateUserAsync("words-lawyer@test.local", Roles.Lawyer);
        var office = await portal.Office().SaveAsync();
        var erased = await portal.Case(office).WithClient("Otto Kvertsovska").AssignedTo(lead: lawyer.Id).Closed().SaveAsync();
        await portal.Case(office).WithClient("Otto Keepworth").AssignedTo(lead: lawyer.Id).Closed().SaveAsync();
        var now = portal.Clock.GetUtcNow();

        // Typed by people: a filter named after her, one that searches her name in Cyrillic, one that does not name her.
        var byName = new SavedFilter(lawyer.Id, "cases", "Kvertsovska's family", "status=Closed", now);
        var cyrillic = new SavedFilter(lawyer.Id, "cases", "Court next week", "q=" + Uri.EscapeDataString("Кверцовска"), now);
        var other = new SavedFilter(lawyer.Id, "cases", "Keepworth", "q=Keepworth", now);
        var approval = new ExportApproval(ExportApprovalKind.CaseList, coordinator.Id, now, "q=Kvertsovska&status=Closed", "Search Kvertsovska", 600, "Court bundle");
        var reasonOnly = new ExportApproval(ExportApprovalKind.CaseList, coordinator.Id, now, "status=Closed", "Status Closed", 700, "Для апелляции Кверцовской");
        var kept = new ExportApproval(ExportApprovalKind.CaseList, coordinator.Id, now, "q=Keepworth", "Search Keepworth", 800, "Court bundle");
        await portal.WithDbAsync(db =>
        {
            db.AddRange(byName, cyrillic, other, approval, reasonOnly, kept);
            return db.SaveChangesAsync();
        });

        var client = await portal.SignedInClientAsync(coordinator.Email!);
        (await client.GetAsync("/cases/export.csv?q=Kvertsovska")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/cases/export.csv?q=Keepworth")).StatusCode.Should().Be(HttpStatusCode.OK);
        await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($$"""
            INSERT INTO audit_events (occurred_at, actor_id, action, entity_type, details)
            VALUES ({{now}}, {{coordinator.Id}}, 'export.approval-requested', 'export-approval',
                    '{"kind": "CaseList", "filters": "q=Kvertsovska&status=Closed", "rows": 600, "reason": "Her appeal"}'::jsonb)
            """));
        var words = await WordsOfAsync(erased.ClientId);
        words.Should().HaveCount(2, "her name is two words of the dictionary");

        var page = await client.GetDocumentAsync($"/clients/{erased.ClientId}/erase");
        (await HttpForms.PostFormAsync(client, page, $"/clients/{erased.ClientId}/erase",
            [new("RequestedOn", portal.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))])).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var filters = await portal.WithDbAsync(db => db.Set<SavedFilter>().Where(f => f.UserId == lawyer.Id).Select(f => f.Id).ToListAsync());
        filters.Should().BeEquivalentTo([other.Id], "the filters named after her (possessive included) or searching her name, in either script, go");
        var approvals = await portal.WithDbAsync(db => db.Set<ExportApproval>().Where(a => a.RequestedBy == coordinator.Id).Select(a => a.Id).ToListAsync());
        approvals.Should().BeEquivalentTo([kept.Id], "an approval of a search or for a reason naming her (declined in Russian) is withdrawn, never widened");

        var exports = await portal.AuditAsync(CaseListAuditActions.Exported);
        exports.Should().HaveCount(2);
        exports.Should().ContainSingle(e => e.Details!.Contains("\"q\": \"—\""), "her search is replaced by a dash")
            .Which.Details.Should().Contain("\"rows\": ").And.NotContain("Kvertsovska", "the rest of the entry stays, without her name");
        exports.Should().ContainSingle(e => e.Details!.Contains("Keepworth"), "another person's search stays");
        var requested = (await portal.AuditAsync("export.approval-requested")).Should().ContainSingle().Subject.Details!;
        requested.Should().NotContain("Kvertsovska").And.Contain("q=%E2%80%94&status=Closed", "only the search goes from the filters")
            .And.Contain("\"reason\": \"—\"").And.Contain("\"rows\": 600");

        var left = await portal.WithDbAsync(db => db.Database.SqlQuery<string>($"SELECT word AS \"Value\" FROM name_words WHERE word = ANY ({words.ToArray()})").ToListAsync());
        left.Should().ContainSingle("the given name she shared with another client stays, her surname is gone")
            .Which.Should().Be(words.Single(w => w.StartsWith('o')));
    }

    private Task<List<string>> WordsOfAsync(Guid clientId) =>
        portal.WithDbAsync(db => db.Database.SqlQuery<string>($"""
            SELECT n.word AS "Value" FROM client_name_words cw JOIN name_words n ON n.id = cw.word_id WHERE cw.client_id = {clientId}
            """).ToListAsync());
}

public class SearchTextMatchingTests
{
    [Theory]
    [InlineData("rahimov", "rahimov", true)]
    [InlineData("rahimova", "rahimov", true)]
    [InlineData("rahimovoi", "rahimov", true)]
    [InlineData("rahimovs", "rahimov", true)]
    [InlineData("rahim", "rahimov", true)]
    [InlineData("raim", "rahimov", false)]
    [InlineData("karimov", "rahimov", false)]
    [InlineData("alisher", "ali", false)]
    [InlineData("ali", "ali", true)]
    [InlineData("rahimovskaia", "rahimov", false)]
    public void A_typed_word_names_a_cleared_word_with_another_ending_of_at_most_two_letters(string typed, string word, bool same) =>
        MigrantAid.Web.Data.SearchTexts.SameName(typed, word).Should().Be(same);
}
