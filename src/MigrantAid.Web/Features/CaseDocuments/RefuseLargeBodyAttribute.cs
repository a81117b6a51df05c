using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MigrantAid.Web.Features.CaseDocuments;

/// <summary>
/// Answers 413 (and so the "file too large" page) for a request whose declared length is over the limit,
/// before the antiforgery check would read the form and fail on it with a puzzling 400.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RefuseLargeBodyAttribute(long limit) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before the antiforgery filter (order 1000).</summary>
    public int Order => -1000;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (context.HttpContext.Request.ContentLength > limit)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
    }
}
