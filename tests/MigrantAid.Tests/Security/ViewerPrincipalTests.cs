using MigrantAid.Web.Security;

namespace MigrantAid.Tests.Security;

/// <summary>Handlers given a <see cref="Viewer"/> ask IAuthorizationService with its principal; the resource handlers must read back the same viewer.</summary>
public class ViewerPrincipalTests
{
    public static TheoryData<bool, bool, bool, bool> Mixes()
    {
        var data = new TheoryData<bool, bool, bool, bool>();
        foreach (var roles in Enumerable.Range(0, 16))
        {
            data.Add((roles & 1) != 0, (roles & 2) != 0, (roles & 4) != 0, (roles & 8) != 0);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Mixes))]
    public void A_viewer_read_back_from_its_principal_is_the_same_viewer(bool coordinator, bool lawyer, bool caseworker, bool hasOffice)
    {
        var viewer = new Viewer(Guid.NewGuid(), hasOffice ? Guid.NewGuid() : null, coordinator, lawyer, caseworker);

        var principal = viewer.ToPrincipal();

        Viewer.From(principal).Should().Be(viewer);
        principal.Identity!.IsAuthenticated.Should().BeTrue();
    }
}
