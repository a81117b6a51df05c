using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;
using MigrantAid.Web.Features.Errors;

namespace MigrantAid.Web.Infrastructure.Failure;

/// <summary>
/// With Secure cookies (Security:CookieSecurePolicy Always, the default outside Development) a request over
/// plain HTTP cannot get a working form: the antiforgery system refuses to issue or check its token, which
/// used to end in an empty 500. Such a request gets a page (400) saying to use the https:// address, with
/// that address for a GET. Not a redirect: behind a TLS proxy that does not send X-Forwarded-Proto every
/// request arrives as HTTP, and a redirect to https would loop and hide the misconfiguration; a POST's form
/// could not be carried across a redirect anyway. Health probes and static files are answered as usual.
/// </summary>
public sealed class PlainHttpMiddleware(RequestDelegate next, IOptions<AntiforgeryOptions> antiforgery, IConfiguration configuration)
{
    private readonly bool _secureOnly = antiforgery.Value.Cookie.SecurePolicy == CookieSecurePolicy.Always;

    public Task InvokeAsync(HttpContext context)
    {
        if (!_secureOnly || context.Request.IsHttps || FailurePages.IsExempt(context))
        {
            return next(context);
        }

        context.Response.Headers.CacheControl = "no-store";
        return FailurePages.RenderAsync(context, StatusCodes.Status400BadRequest, "HttpsRequired",
            new HttpsRequiredModel(StatusCodes.Status400BadRequest, context.TraceIdentifier, SecureUrl(context.Request)));
    }

    /// <summary>The https:// address of a GET: under Portal:PublicUrl when it is set, else on the host asked for.</summary>
    private string? SecureUrl(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method))
        {
            return null;
        }

        var publicUrl = configuration["Portal:PublicUrl"];
        if (Uri.TryCreate(publicUrl, UriKind.Absolute, out var root) && root.Scheme == Uri.UriSchemeHttps)
        {
            return root.GetLeftPart(UriPartial.Authority) + root.AbsolutePath.TrimEnd('/') + request.Path + request.QueryString;
        }

        return UriHelper.BuildAbsolute(Uri.UriSchemeHttps, new HostString(request.Host.Host), request.PathBase, request.Path, request.QueryString);
    }
}
