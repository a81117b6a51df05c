using System.Security.Claims;
using MigrantAid.Web.Data.Demo;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Security.TwoFactor;

/// <summary>
/// Who must use a second factor: the roles of Security:TwoFactor:RequiredRoles (Admin and Coordinator
/// unless configured; "*" for every role, empty for none), except the demo accounts where demo data is
/// seeded outside Production (their published password is the point of a demo; see docs/security.md).
/// </summary>
public sealed class TwoFactorPolicy
{
    public const string RequiredRolesKey = "Security:TwoFactor:RequiredRoles";
    public const string AllRoles = "*";

    /// <summary>A claim in the sign-in cookie: "true" once the user enrolled an authenticator.</summary>
    public const string EnabledClaim = "migrantaid:2fa";

    public static readonly IReadOnlyList<string> DefaultRequiredRoles = [Roles.Admin, Roles.Coordinator];

    public TwoFactorPolicy(IReadOnlyCollection<string> requiredRoles, IReadOnlyCollection<string> exemptEmails)
    {
        RequiredRoles = requiredRoles;
        ExemptEmails = exemptEmails;
    }

    public IReadOnlyCollection<string> RequiredRoles { get; }

    public IReadOnlyCollection<string> ExemptEmails { get; }

    public static TwoFactorPolicy From(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(RequiredRolesKey);
        IReadOnlyCollection<string> roles = section.Value is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value ?? "").Where(v => v.Length > 0).ToList() is { Count: > 0 } items
                ? items
                : DefaultRequiredRoles;
        var demo = configuration.GetValue("Demo:Seed", false) && !environment.IsProduction();
        return new TwoFactorPolicy(roles, demo ? DemoSeeder.TwoFactorExemptEmails : []);
    }

    /// <summary>True when this signed-in user must have enrolled a second factor.</summary>
    public bool IsRequiredFor(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var inRole = RequiredRoles.Contains(AllRoles) || RequiredRoles.Any(user.IsInRole);
        var email = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? "";
        return inRole && !ExemptEmails.Contains(email, StringComparer.OrdinalIgnoreCase);
    }

    public static bool HasEnrolled(ClaimsPrincipal user) => user.FindFirstValue(EnabledClaim) == "true";
}
