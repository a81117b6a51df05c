using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data.Encryption;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Features.Privacy;

/// <summary>
/// Issue 15, point 7: the administrators' privacy page shows the key-encryption key in use (its fingerprint, never
/// the key) and the data keys, second-factor and session coverage per role, and leads to the audit log's CSV.
/// </summary>
public class PrivacyPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_page_shows_the_key_in_use_and_counts_second_factors_and_sessions_by_role()
    {
        await portal.CreateUserAsync("privacy-admin@test.local", Roles.Admin);
        var admin = await portal.SignedInClientAsync("privacy-admin@test.local");
        var before = await CoverageAsync(admin);

        var withFactor = await portal.CreateUserAsync("privacy-coordinator-2fa@test.local", Roles.Coordinator);
        await portal.CreateUserAsync("privacy-coordinator@test.local", Roles.Coordinator);
        var disabled = await portal.CreateUserAsync("privacy-coordinator-disabled@test.local", Roles.Coordinator);
        await portal.SignedInClientAsync("privacy-coordinator-2fa@test.local");
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == withFactor.Id || u.Id == disabled.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.TwoFactorEnabled, true)));
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == disabled.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));

        var page = await admin.GetDocumentAsync("/privacy");
        var after = Coverage(page);

        after[Roles.Coordinator].Should().Be(
            (before[Roles.Coordinator].Enabled + 2, before[Roles.Coordinator].SecondFactor + 1, before[Roles.Coordinator].SignedIn + 1),
            "two enabled coordinators more, one with a second factor and signed in; the disabled one is not counted");
        after[Roles.Admin].SignedIn.Should().BeGreaterThanOrEqualTo(1, "the administrator reading the page is signed in");
        page.QuerySelector("[data-testid=kek-fingerprint]")!.TextContent
            .Should().Be(KeyEncryptionKey.Parse(TestKeys.KeyEncryptionKey, "the test").Fingerprint);
        page.QuerySelectorAll("[data-testid=data-key]").Select(r => r.GetAttribute("data-purpose"))
            .Should().BeEquivalentTo(FieldPurposes.All, "one data key per kind of encrypted field");
        page.Body!.TextContent.Should().NotContain(TestKeys.KeyEncryptionKey, "the key itself is never shown");
        page.QuerySelector("[data-testid=review-form]")!.GetAttribute("action").Should().Be("/audit/export.csv");
    }

    private static async Task<Dictionary<string, (int Enabled, int SecondFactor, int SignedIn)>> CoverageAsync(HttpClient client) =>
        Coverage(await client.GetDocumentAsync("/privacy"));

    private static Dictionary<string, (int Enabled, int SecondFactor, int SignedIn)> Coverage(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=role-row]").ToDictionary(
            r => r.GetAttribute("data-role")!,
            r => (Number(r, "role-enabled"), Number(r, "role-second-factor"), Number(r, "role-signed-in")));

    private static int Number(AngleSharp.Dom.IElement row, string testId) =>
        int.Parse(row.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
