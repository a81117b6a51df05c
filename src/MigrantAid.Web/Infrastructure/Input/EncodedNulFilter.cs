using Microsoft.AspNetCore.Mvc.Filters;

namespace MigrantAid.Web.Infrastructure.Input;

/// <summary>
/// ASP.NET Core's reader of URL-encoded forms throws on "%00" (a NUL), so a NUL typed into a form would fail
/// the antiforgery check's reading of the form with a 500, and never reach <see cref="ControlCharacterBinding"/>.
/// Before anything reads such a form, this filter turns each "%00" into "%01" (same length; "%00" can only be an
/// encoded NUL, a typed "%" is sent as "%25"), which the reader accepts and the binder then refuses like any
/// control character: the field gets the message, its value the text without it. Multipart forms and query
/// strings are decoded without that check and need nothing here.
/// </summary>
public sealed class EncodedNulFilter : IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Far above any form of the portal (a note of 20,000 characters is about 180 KB encoded).</summary>
    public const long MaxFormBytes = 8 * 1024 * 1024;

    /// <summary>Before every other authorization filter, the antiforgery check (1000) and the size limits (900) included.</summary>
    public int Order => int.MinValue;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (request.ContentLength is not (> 0 and <= MaxFormBytes)
            || !string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var body = new byte[request.ContentLength.Value];
        await request.Body.ReadExactlyAsync(body, context.HttpContext.RequestAborted);
        for (var i = body.AsSpan().IndexOf("%00"u8); i >= 0; i = body.AsSpan().IndexOf("%00"u8))
        {
            body[i + 2] = (byte)'1';
        }

        request.Body = new MemoryStream(body, writable: false);
    }
}
