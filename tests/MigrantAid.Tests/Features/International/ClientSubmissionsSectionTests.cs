using System.Reflection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.International.Submissions;
using MigrantAid.Web.Security;

namespace MigrantAid.Tests.Features.International;

/// <summary>The client page's submissions section is given the authorized client, as the case page's sections are given the authorized case.</summary>
public class ClientSubmissionsSectionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly CaseWorkKit _kit = new(portal);

    [Fact]
    public void The_section_takes_an_AuthorizedClient_that_only_its_gate_makes()
    {
        typeof(ClientSubmissionsViewComponent).GetMethod("InvokeAsync")!.GetParameters().Select(p => p.ParameterType)
            .Should().Contain(typeof(AuthorizedClient));
        typeof(AuthorizedClient).GetConstructors(BindingFlags.Public | BindingFlags.Instance).Should().BeEmpty();
        typeof(AuthorizedClient).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(AuthorizedClient)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_gate_authorizes_a_client_the_viewer_sees_and_refuses_one_of_another_office()
    {
        var office = await _kit.OfficeAsync("CSA");
        var lawyer = await _kit.StaffAsync("cs-lawyer@test.local", office.Id, Roles.Lawyer);
        var caseId = await _kit.CaseAsync(office, "Каримова Дилноза", leadLawyer: lawyer.Id);
        var clientId = (await _kit.StoredCaseAsync(caseId)).PrincipalClientId;
        var other = await _kit.OfficeAsync("CSB");
        var outsider = await _kit.StaffAsync("cs-outsider@test.local", other.Id, Roles.Caseworker);

        var own = await portal.WithDbAsync(db => AuthorizedClient.ViewAsync(db, new Viewer(lawyer.Id, office.Id, false, true, false), clientId));
        var refused = await portal.WithDbAsync(db => AuthorizedClient.ViewAsync(db, new Viewer(outsider.Id, other.Id, false, false, true), clientId));
        var missing = await portal.WithDbAsync(db => AuthorizedClient.ViewAsync(db, new Viewer(lawyer.Id, office.Id, false, true, false), Guid.NewGuid()));

        own.Should().NotBeNull();
        own!.Id.Should().Be(clientId);
        refused.Should().BeNull("a caseworker of another office does not see the client");
        missing.Should().BeNull();
    }
}
