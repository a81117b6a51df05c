using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MigrantAid.Tests.Security;

/// <summary>One routable endpoint of the portal, for one HTTP method ("ANY" when it takes every method).</summary>
public sealed record PortalEndpoint(string Method, string Template, Endpoint Endpoint, EndpointAccess Access, AuthorizationPolicy Policy)
{
    public static readonly IReadOnlySet<string> UnsafeMethods = new HashSet<string> { "POST", "PUT", "PATCH", "DELETE", "ANY" };

    /// <summary>"METHOD route-template", the key of <see cref="EndpointInventory"/>.</summary>
    public string Key => $"{Method} {Template}";

    public bool IsUnsafe => UnsafeMethods.Contains(Method);

    /// <summary>True when the endpoint itself opts out of the antiforgery check (the nearest antiforgery policy wins, as in MVC).</summary>
    public bool IgnoresAntiforgery =>
        Endpoint.Metadata.GetOrderedMetadata<IAntiforgeryPolicy>().LastOrDefault() is IgnoreAntiforgeryTokenAttribute
        || Endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: false };
}

/// <summary>
/// Every endpoint of the running portal, read from its own <see cref="EndpointDataSource"/>, with the
/// authorization the middleware will apply: [Authorize] data and policies combined through the
/// portal's policy provider, the fallback policy where there is none, and [AllowAnonymous] above all.
/// </summary>
public static class PortalEndpoints
{
    public static async Task<IReadOnlyList<PortalEndpoint>> ReadAsync(IServiceProvider services)
    {
        var provider = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var fallback = await provider.GetFallbackPolicyAsync() ?? new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build();
        var found = new List<PortalEndpoint>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var policy = await EffectivePolicyAsync(provider, endpoint) ?? fallback;
            var access = EndpointAccess.Of(policy, endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null);
            var template = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } list ? list : ["ANY"];
            found.AddRange(methods.Select(m => new PortalEndpoint(m, template, endpoint, access, policy)));
        }

        return found.OrderBy(e => e.Template, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).ToList();
    }

    private static async Task<AuthorizationPolicy?> EffectivePolicyAsync(IAuthorizationPolicyProvider provider, Endpoint endpoint)
    {
        var policy = await AuthorizationPolicy.CombineAsync(provider,
            endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        var requirementData = endpoint.Metadata.GetOrderedMetadata<IAuthorizationRequirementData>();
        if (requirementData.Count == 0)
        {
            return policy;
        }

        var builder = policy is null ? new AuthorizationPolicyBuilder() : new AuthorizationPolicyBuilder(policy);
        builder.AddRequirements(requirementData.SelectMany(d => d.GetRequirements()).ToArray());
        return builder.Build();
    }
}
