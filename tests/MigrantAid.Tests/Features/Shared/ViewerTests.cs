using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security;

namespace MigrantAid.Tests.Features.Shared;

/// <summary>The viewer handlers receive instead of the principal: same values, same answers from authorization.</summary>
public class ViewerTests
{
    private static readonly Guid UserId = Guid.NewGuid();
    private static readonly Guid OfficeId = Guid.NewGuid();

    [Fact]
    public void A_viewer_read_from_the_signed_in_user_equals_one_built_from_the_same_values()
    {
        var principal = Principal(Roles.Lawyer);

        var viewer = Viewer.From(principal);

        viewer.Should().Be(new Viewer(UserId, OfficeId, IsCoordinator: false, IsLawyer: true, IsCaseworker: false));
        viewer.GetHashCode().Should().Be(new Viewer(UserId, OfficeId, false, true, false).GetHashCode());
    }

    [Fact]
    public async Task Authorization_is_asked_with_the_signed_in_users_own_principal()
    {
        var principal = Principal(Roles.Coordinator, Roles.Admin);
        var authorization = new RecordingAuthorization();

        await Viewer.From(principal).AuthorizeAsync(authorization, new object(), new TestRequirement());

        authorization.AskedWith.Should().BeSameAs(principal, "claims the viewer does not hold (the admin role) still count");
    }

    [Fact]
    public async Task A_viewer_built_from_values_is_asked_with_exactly_those_values()
    {
        var authorization = new RecordingAuthorization();

        var allowed = await new Viewer(UserId, OfficeId, false, false, true).AuthorizeAsync(authorization, new object(), new TestRequirement());

        allowed.Should().BeTrue();
        Viewer.From(authorization.AskedWith!).Should().Be(new Viewer(UserId, OfficeId, false, false, true));
        authorization.AskedWith!.IsInRole(Roles.Admin).Should().BeFalse();
    }

    private static ClaimsPrincipal Principal(params string[] roles) => new(new ClaimsIdentity(
        new[] { new Claim(ClaimTypes.NameIdentifier, UserId.ToString()), new Claim(AppClaimsPrincipalFactory.OfficeIdClaim, OfficeId.ToString()) }
            .Concat(roles.Select(r => new Claim(ClaimTypes.Role, r))),
        "Test"));

    private sealed class TestRequirement : IAuthorizationRequirement;

    private sealed class RecordingAuthorization : IAuthorizationService
    {
        public ClaimsPrincipal? AskedWith { get; private set; }

        public Task<AuthorizationResult> AuthorizeAsync(ClaimsPrincipal user, object? resource, IEnumerable<IAuthorizationRequirement> requirements)
        {
            AskedWith = user;
            return Task.FromResult(AuthorizationResult.Success());
        }

        public Task<AuthorizationResult> AuthorizeAsync(ClaimsPrincipal user, object? resource, string policyName) =>
            throw new NotSupportedException();
    }
}
