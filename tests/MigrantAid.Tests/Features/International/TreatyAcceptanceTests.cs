using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.International;
using static MigrantAid.Tests.Support.HttpForms;

namespace MigrantAid.Tests.Features.International;

public class TreatyAcceptanceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<AcceptedProcedure> EntryAsync(string state, InternationalBody body) =>
        portal.WithDbAsync(db => db.AcceptedProcedures.AsNoTracking()
            .SingleAsync(a => a.State == state && a.Body == body && a.Procedure == TreatyProcedure.IndividualCommunications));

    [Fact]
    public async Task Shipped_entries_cover_the_region_and_are_all_marked_verify()
    {
        var entries = await portal.WithDbAsync(db => db.AcceptedProcedures.AsNoTracking().ToListAsync());
        entries.Select(e => e.State).Distinct().Should().BeEquivalentTo(["RU", "KZ", "KG", "TJ", "UZ"]);
        entries.Should().OnlyContain(e => e.NeedsVerification && e.Notes!.Contains("must be checked"));
        foreach (var state in new[] { "RU", "KZ", "KG", "TJ", "UZ" })
        {
            entries.Where(e => e.State == state && e.Procedure == TreatyProcedure.IndividualCommunications).Select(e => e.Body)
                .Should().Contain([InternationalBody.CMW, InternationalBody.CRC, InternationalBody.CESCR, InternationalBody.CEDAW, InternationalBody.CERD, InternationalBody.CCPR, InternationalBody.CAT]);
        }

        await portal.Staff("acceptance-reader@test.local").WithRoles(Roles.Caseworker).SaveAsync();
        var reader = await portal.SignedInClientAsync("acceptance-reader@test.local");
        var page = await reader.GetDocumentAsync("/treaty-acceptance?state=KZ");
        page.QuerySelectorAll("[data-testid=acceptance-row]").Should().NotBeEmpty().And.OnlyContain(r => r.GetAttribute("data-state") == "KZ");
        page.QuerySelectorAll("[data-testid=acceptance-verify]").Should().HaveSameCount(page.QuerySelectorAll("[data-testid=acceptance-row]"));
        page.QuerySelector("[data-testid=edit-acceptance]").Should().BeNull("only administrators change the entries");
    }

    [Theory]
    [InlineData(Roles.Lawyer)]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Caseworker)]
    public async Task Only_administrators_edit_treaty_acceptance(string role)
    {
        var email = $"acceptance-{role.ToLowerInvariant()}@test.local";
        await portal.Staff(email).WithRoles(role).SaveAsync();
        var client = await portal.SignedInClientAsync(email);
        var entry = await EntryAsync("UZ", InternationalBody.CEDAW);

        (await client.GetAsync("/treaty-acceptance")).StatusCode.Should().Be(HttpStatusCode.OK, "reading is part of case work");
        foreach (var url in new[] { "/treaty-acceptance/new", $"/treaty-acceptance/{entry.Id}/edit" })
        {
            (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Forbidden, url);
        }

        (await client.PostWithTokenOfAsync("/", $"/treaty-acceptance/{entry.Id}/confirm", [])).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.PostWithTokenOfAsync("/", $"/treaty-acceptance/{entry.Id}/edit",
            [new("State", "UZ"), new("Body", "CEDAW"), new("Procedure", "IndividualCommunications"), new("IsAccepted", "true"), new("Confirmed", "true"), new("Version", entry.Version.ToString())]))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.PostWithTokenOfAsync("/", "/treaty-acceptance/new",
            [new("State", "DE"), new("Body", "CCPR"), new("Procedure", "IndividualCommunications"), new("IsAccepted", "true")]))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var after = await EntryAsync("UZ", InternationalBody.CEDAW);
        after.IsAccepted.Should().Be(entry.IsAccepted);
        after.NeedsVerification.Should().BeTrue();
        (await portal.WithDbAsync(db => db.AcceptedProcedures.AnyAsync(a => a.State == "DE"))).Should().BeFalse();
    }

    [Fact]
    public async Task Administrator_confirms_and_edits_an_entry_and_the_submission_form_follows()
    {
        var admin = await portal.Staff("acceptance-admin@test.local").WithRoles(Roles.Admin).SaveAsync();
        var client = await portal.SignedInClientAsync("acceptance-admin@test.local");
        var ccpr = await EntryAsync("TJ", InternationalBody.CCPR);
        var cerd = await EntryAsync("TJ", InternationalBody.CERD);

        Location(await PostFormAsync(client, "/treaty-acceptance?state=TJ", $"/treaty-acceptance/{ccpr.Id}/confirm?state=TJ", []))
            .Should().Be("/treaty-acceptance?state=TJ");
        (await EntryAsync("TJ", InternationalBody.CCPR)).NeedsVerification.Should().BeFalse();
        var page = await client.GetDocumentAsync("/treaty-acceptance?state=TJ");
        page.QuerySelector($"[data-testid=acceptance-row][data-body=CCPR][data-procedure=IndividualCommunications] [data-testid=acceptance-verify]")
            .Should().BeNull("a confirmed entry is no longer marked verify");

        (await client.GetAsync("/treaty-acceptance/new?state=TJ")).StatusCode.Should().Be(HttpStatusCode.OK);
        var url = $"/treaty-acceptance/{cerd.Id}/edit";
        var invalid = await PostFormAsync(client, url, url,
            [new("State", "TJ"), new("Body", "CCPR"), new("Procedure", "IndividualCommunications"), new("IsAccepted", "true"), new("SinceYear", "1800"), new("Notes", "kept")]);
        invalid.StatusCode.Should().Be(HttpStatusCode.OK);
        var invalidPage = await PageAsync(invalid);
        invalidPage.QuerySelector("[data-testid=error-Procedure]")!.TextContent.Should().Be(portal.English("This state already has an entry for this procedure of this body."));
        invalidPage.QuerySelector("[data-testid=error-SinceYear]")!.TextContent.Should().Be(portal.English("Enter a year from {1}.", "", 1950));
        invalidPage.QuerySelector("textarea[name=Notes]")!.TextContent.Should().Be("kept");

        Location(await PostFormAsync(client, url, url,
        [
            new("State", "TJ"), new("Body", "CERD"), new("Procedure", "IndividualCommunications"), new("IsAccepted", "true"), new("SinceYear", "2024"),
            new("Notes", "Declaration under article 14 checked."), new("Confirmed", "true"),
        ])).Should().Be("/treaty-acceptance?state=TJ");
        var edited = await EntryAsync("TJ", InternationalBody.CERD);
        edited.IsAccepted.Should().BeTrue();
        edited.SinceYear.Should().Be(2024);
        edited.NeedsVerification.Should().BeFalse();
        (await portal.AuditAsync(InternationalAuditActions.AcceptanceUpdated)).Should().ContainSingle(a => a.EntityId == cerd.Id.ToString() && a.ActorId == admin.Id);
        (await portal.AuditAsync(InternationalAuditActions.AcceptanceConfirmed)).Should().ContainSingle(a => a.EntityId == ccpr.Id.ToString());
    }
}
