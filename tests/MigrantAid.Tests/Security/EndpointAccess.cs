using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace MigrantAid.Tests.Security;

/// <summary>
/// Who may call an endpoint, written so that two descriptions compare as text: "anonymous",
/// "signed-in", or role requirements ("role Admin", "one of Caseworker, Coordinator, Lawyer"),
/// several joined by " and " (each must hold). Anonymous entries carry the written reason; an entry
/// may also carry the written reason its unsafe method takes no antiforgery token.
/// </summary>
public sealed record EndpointAccess
{
    private EndpointAccess(IEnumerable<string> requirements, string? anonymousReason = null)
    {
        Requirements = requirements.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        AnonymousReason = anonymousReason;
    }

    public IReadOnlyList<string> Requirements { get; }

    /// <summary>Why anyone, signed in or not, may call it.</summary>
    public string? AnonymousReason { get; }

    /// <summary>Why an unsafe method here takes no antiforgery token (it must then change nothing).</summary>
    public string? NoAntiforgeryReason { get; private init; }

    public bool IsAnonymous => AnonymousReason is not null;

    public static EndpointAccess SignedIn { get; } = new(["signed-in"]);

    public static EndpointAccess Anonymous(string reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new ArgumentException("Say why the endpoint is anonymous.", nameof(reason)) : new(["anonymous"], reason);

    /// <summary>Any one of the roles (a policy such as CaseStaff, or [Authorize(Roles = "A,B")]).</summary>
    public static EndpointAccess AnyRole(params string[] roles) => new([RoleText(roles)]);

    public static EndpointAccess operator &(EndpointAccess left, EndpointAccess right) =>
        new(left.Requirements.Concat(right.Requirements).Where(r => r != "signed-in"));

    public EndpointAccess WithoutAntiforgery(string reason) => this with { NoAntiforgeryReason = reason };

    /// <summary>The effective access of an endpoint as the authorization middleware will apply it.</summary>
    public static EndpointAccess Of(AuthorizationPolicy policy, bool allowsAnonymous)
    {
        if (allowsAnonymous)
        {
            return new(["anonymous"], "(declared by [AllowAnonymous])");
        }

        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().Select(r => RoleText(r.AllowedRoles)).ToList();
        var others = policy.Requirements
            .Where(r => r is not RolesAuthorizationRequirement and not DenyAnonymousAuthorizationRequirement)
            .Select(r => r.ToString() ?? r.GetType().Name);
        var schemes = policy.AuthenticationSchemes.Select(s => "scheme " + s);
        var all = roles.Concat(others).Concat(schemes).ToList();
        return all.Count == 0 ? SignedIn : new(all);
    }

    public override string ToString() => string.Join(" and ", Requirements);

    /// <summary>This access as a line of EndpointInventory.cs would write it.</summary>
    public string ToCode() => string.Join(" & ", Requirements.Select(r => r switch
    {
        "signed-in" => "SignedIn",
        "anonymous" => "Anonymous(\"say why\")",
        _ when r.StartsWith("role ", StringComparison.Ordinal) => $"AnyRole(Roles.{r[5..]})",
        _ when r.StartsWith("one of ", StringComparison.Ordinal) => $"AnyRole({string.Join(", ", r[7..].Split(", ").Select(x => "Roles." + x))})",
        _ => $"/* {r} */",
    }));

    public bool SameAccessAs(EndpointAccess other) => ToString() == other.ToString();

    private static string RoleText(IEnumerable<string> roles)
    {
        var sorted = roles.SelectMany(r => r.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return sorted.Count == 1 ? "role " + sorted[0] : "one of " + string.Join(", ", sorted);
    }
}
