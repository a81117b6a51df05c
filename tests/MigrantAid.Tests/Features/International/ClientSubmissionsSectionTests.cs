using System.Reflection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.International.Submissions;
using MigrantAid.Web.Security;

namespace MigrantAid.Tests.Features.International;

/// <summary>The client page's submissions section is given the authorized client, as the case page's sections are given the authorized case.</summary>
public class ClientSubmissionsSectionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
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
        var office = await portal.Office().WithCode("CSA").SaveAsync();
        var lawyer = await portal.Staff("cs-lawyer@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var built = await portal.Case(office).WithClient("Каримова Дилноза", null).OnBuildingSite().OpenedToday().AssignedTo(lead: lawyer.Id).SaveAsync();
        var clientId = (await portal.StoredCaseAsync(built.Id)).PrincipalClientId;
        var other = await portal.Office().WithCode("CSB").SaveAsync();
        var outsider = await portal.Staff("cs-outsider@test.local").InOffice(other.Id).WithRoles(Roles.Caseworker).SaveAsync();

        var own = await portal.WithDbAsync(db => AuthorizedClient.ViewAsync(db, new Viewer(lawyer.Id, office.Id, false, true, false), clientId));
        var refused = await portal.WithDbAsync(db => AuthorizedClient.ViewAsync(db, new Viewer(outsider.Id, other.Id, false, false, true), clientId));
        var missing = await portal.WithDbAsync(db => AuthorizedClient.ViewAsync(db, new Viewer(lawyer.Id, office.Id, false, true, false), Guid.NewGuid()));

        (own?.Id).Should().Be(clientId, "the client's own lawyer sees the client");
        (own?.Viewer.UserId).Should().Be(lawyer.Id);
        refused.Should().BeNull("a caseworker of another office does not see the client");
        missing.Should().BeNull();
    }
}
