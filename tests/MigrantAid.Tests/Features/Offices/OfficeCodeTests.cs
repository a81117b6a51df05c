using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using static MigrantAid.Tests.Support.HttpForms;

namespace MigrantAid.Tests.Features.Offices;

/// <summary>The office code that starts case references: set by administrators, validated, unique, audited.</summary>
public class OfficeCodeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Office_code_is_validated_unique_and_audited()
    {
        await portal.CreateUserAsync("code-admin@test.local", Roles.Admin);
        var admin = await portal.SignedInClientAsync("code-admin@test.local");

        Location(await admin.SubmitFormAsync("/offices/create", Form("Kazan Office", "kzn"))).Should().Be("/offices");
        var kazan = await portal.WithDbAsync(db => db.Offices.AsNoTracking().SingleAsync(o => o.Name == "Kazan Office"));
        kazan.Code.Should().Be("KZN", "the code is kept in capitals");
        (await admin.GetDocumentAsync("/offices")).QuerySelectorAll("[data-testid=office-code]").Should().Contain(c => c.TextContent == "KZN");

        var invalid = await admin.SubmitFormAsync("/offices/create", Form("Ufa Office", "U1"));
        invalid.StatusCode.Should().Be(HttpStatusCode.OK);
        (await PageAsync(invalid)).QuerySelector("span[data-valmsg-for=Code]")!.TextContent.Should().Be(portal.English("An office code is 2 to 5 capital Latin letters."));

        var duplicate = await admin.SubmitFormAsync("/offices/create", Form("Kazan Second", "KZN"));
        duplicate.StatusCode.Should().Be(HttpStatusCode.OK);
        (await PageAsync(duplicate)).QuerySelector("span[data-valmsg-for=Code]")!.TextContent.Should().Be(portal.English("Another office already has this code."));

        var edit = $"/offices/{kazan.Id}/edit";
        (await admin.GetDocumentAsync(edit)).QuerySelector("input[name=Code]")!.GetAttribute("value").Should().Be("KZN");
        var removed = await PostFormAsync(admin, edit, edit, Form("Kazan Office", ""));
        removed.StatusCode.Should().Be(HttpStatusCode.OK, "a code cannot be removed once references use it");
        Location(await PostFormAsync(admin, edit, edit, Form("Kazan Office", "KAZ"))).Should().Be("/offices");
        (await portal.WithDbAsync(db => db.Offices.AsNoTracking().SingleAsync(o => o.Id == kazan.Id))).Code.Should().Be("KAZ");
        (await portal.AuditAsync(AuditActions.OfficeUpdated)).Should().Contain(a => a.EntityId == kazan.Id.ToString() && a.Details!.Contains("\"KAZ\""));
        (await portal.AuditAsync(AuditActions.OfficeCreated)).Should().Contain(a => a.EntityId == kazan.Id.ToString() && a.Details!.Contains("\"KZN\""));
    }

    private static Dictionary<string, string> Form(string name, string code) => new()
    {
        ["Name"] = name,
        ["City"] = "Kazan",
        ["CountryCode"] = "RU",
        ["TimeZoneId"] = "Europe/Moscow",
        ["Code"] = code,
    };
}
