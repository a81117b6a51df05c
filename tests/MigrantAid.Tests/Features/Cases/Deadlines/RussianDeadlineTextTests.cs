using System.Net;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using static MigrantAid.Tests.Support.HttpForms;

namespace MigrantAid.Tests.Features.Cases.Deadlines;

/// <summary>Russian pages show a rule's Russian legal basis (English when it has none) and its period in words with the right plural form.</summary>
public class RussianDeadlineTextTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly SemaphoreSlim Setup = new(1, 1);

    [Fact]
    public async Task A_Russian_user_sees_the_Russian_legal_basis_and_the_period_in_words()
    {
        var office = await portal.Office().WithCode("RUTX").SaveAsync();
        var lawyer = await portal.Staff("ru-text-lawyer@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Срокова Дильноза", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync()).Id;
        var client = await portal.SignedInClientAsync("ru-text-lawyer@test.local");
        (await client.SubmitFormAsync("/", [new("culture", "ru"), new("returnUrl", "/")], "/language")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        await EnsureRulesAsync();

        // The shipped rule for a state body's decision: three months, its legal basis translated by migration 0021.
        var shipped = await EventAsync(client, caseId, "RU");
        shipped.Should().Contain("КАС РФ, ч. 1 ст. 219").And.NotContain("Code of Administrative Procedure");
        shipped.Should().Contain("Срок: 3 месяца,");

        var kazakh = await EventAsync(client, caseId, "KZ");
        kazakh.Should().Contain("Тестовое основание, ст. 1").And.NotContain("Test basis, art. 1");
        kazakh.Should().Contain("Срок: 1 месяц,");

        var uzbek = await EventAsync(client, caseId, "UZ");
        uzbek.Should().Contain("Uzbek basis, art. 5", "with no Russian text the English legal basis is shown");
        uzbek.Should().Contain("Срок: 5 рабочих дней,");
    }

    [Fact]
    public async Task The_rule_list_shows_the_legal_basis_and_period_in_the_reader_s_language()
    {
        await EnsureRulesAsync();
        await portal.CreateUserAsync("ru-text-admin@test.local", Roles.Admin);
        var client = await portal.SignedInClientAsync("ru-text-admin@test.local");

        var english = await client.GetDocumentAsync("/deadline-rules?forum=KZ");
        var row = english.QuerySelector("[data-testid=rule]")!;
        row.QuerySelector("[data-testid=rule-period]")!.TextContent.Should().Be("1 month");
        row.TextContent.Should().Contain("Test basis, art. 1");

        (await client.SubmitFormAsync("/", [new("culture", "ru"), new("returnUrl", "/")], "/language")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var russian = await client.GetDocumentAsync("/deadline-rules?forum=KZ");
        row = russian.QuerySelector("[data-testid=rule]")!;
        row.QuerySelector("[data-testid=rule-period]")!.TextContent.Should().Be("1 месяц");
        row.TextContent.Should().Contain("Тестовое основание, ст. 1").And.NotContain("Test basis");
        (await client.GetDocumentAsync("/deadline-rules?forum=UZ")).QuerySelector("[data-testid=rule-period]")!.TextContent.Should().Be("5 рабочих дней");
    }

    [Fact]
    public async Task The_language_switch_names_each_language_in_full()
    {
        await portal.CreateUserAsync("ru-text-switch@test.local", Roles.Caseworker);
        var client = await portal.SignedInClientAsync("ru-text-switch@test.local");
        foreach (var culture in new[] { "en", "ru" })
        {
            (await client.SubmitFormAsync("/", [new("culture", culture), new("returnUrl", "/")], "/language")).StatusCode.Should().Be(HttpStatusCode.Redirect);
            var options = (await client.GetDocumentAsync("/")).QuerySelectorAll("#language-select option");
            options.Select(o => o.TextContent.Trim()).Should().Equal("English", "Русский");
            options.Single(o => o.HasAttribute("selected")).GetAttribute("value").Should().Be(culture);
        }
    }

    private static async Task<string> EventAsync(HttpClient client, Guid caseId, string forum)
    {
        var location = Location(await PostFormAsync(client, $"/cases/{caseId}/deadlines/event", $"/cases/{caseId}/deadlines/event",
            [new("Trigger", "PersonLearnedOfDecision"), new("Forum", forum), new("Date", "2026-02-09")]));
        var page = await client.GetDocumentAsync(location);
        return page.QuerySelector("[data-testid=deadline]")!.TextContent;
    }

    /// <summary>Both tests of the class share the database: the rules are added once, by whichever runs first.</summary>
    private async Task EnsureRulesAsync()
    {
        await Setup.WaitAsync();
        try
        {
            if (!await portal.WithDbAsync(db => Task.FromResult(db.DeadlineRules.Any(r => r.Forum == "KZ"))))
            {
                await portal.CreateUserAsync("ru-text-setup@test.local", Roles.Admin);
                await AddRulesAsync(await portal.SignedInClientAsync("ru-text-setup@test.local"));
            }
        }
        finally
        {
            Setup.Release();
        }
    }

    /// <summary>Two rules through the admin form: one with both legal bases (1 month), one with the English text only (5 working days).</summary>
    private static async Task AddRulesAsync(HttpClient admin)
    {
        foreach (var (forum, period, unit, basis, basisRu) in new[]
        {
            ("KZ", "1", "Months", "Test basis, art. 1", "Тестовое основание, ст. 1"),
            ("UZ", "5", "WorkingDays", "Uzbek basis, art. 5", ""),
        })
        {
            var fields = new Dictionary<string, string>
            {
                ["Name"] = "Challenge in " + forum,
                ["Forum"] = forum,
                ["Procedure"] = "Administrative claim",
                ["Trigger"] = "PersonLearnedOfDecision",
                ["Period"] = period,
                ["Unit"] = unit,
                ["LegalBasis"] = basis,
                ["LegalBasisRu"] = basisRu,
            };
            Location(await admin.SubmitFormAsync("/deadline-rules/create", fields)).Should().Be("/deadline-rules");
        }
    }
}
