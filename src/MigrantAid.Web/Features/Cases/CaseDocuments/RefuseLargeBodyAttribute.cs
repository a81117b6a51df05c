using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MigrantAid.Web.Features.Cases.CaseDocuments;

/// <summary>
/// Answers an upload over the limit with <see cref="UploadTooLargeResult"/> (413 and the case page with the
/// message at the file field) before the antiforgery check would read the form and fail on it. A declared
/// length over the limit is refused unread; a body sent without a length (chunked) is read here, within the
/// limits of <see cref="RequestSizeLimitAttribute"/> and <see cref="RequestFormLimitsAttribute"/> (order 900),
/// and refused when it outgrows them instead of throwing (which would be a 500).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RefuseLargeBodyAttribute(long limit) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>After the size and form limits are set (900), before the antiforgery filter (1000).</summary>
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (await IsTooLargeAsync(context.HttpContext.Request))
        {
            context.Result = new UploadTooLargeResult();
        }
    }

    private async Task<bool> IsTooLargeAsync(HttpRequest request)
    {
        if (request.ContentLength > limit)
        {
            return true;
        }

        if (!request.HasFormContentType)
        {
            return false;
        }

        try
        {
            await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return false;
        }
        catch (InvalidDataException)
        {
            // The multipart reader's length limit.
            return true;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The server's request body limit.
            return true;
        }
    }
}
