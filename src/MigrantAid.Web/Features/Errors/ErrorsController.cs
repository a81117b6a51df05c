using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Web.Features.Errors;

/// <summary>Friendly error pages with the correlation id, never a stack trace.</summary>
[AllowAnonymous]
// Error pages are re-executed with the failed request's method: a POST refused for its missing
// antiforgery token (or posted to an unknown URL) must still get its page, not a bare 400.
// The code comes from the route only: a re-executed POST's form (perhaps over a size limit) is never read.
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/error")]
    public IActionResult ServerError()
    {
        // A request the server refused while reading it (a body over its limit, a malformed one) keeps its own code.
        var code = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException refused
            ? refused.StatusCode
            : StatusCodes.Status500InternalServerError;
        Response.StatusCode = code;
        return View("Error", new ErrorModel(code, HttpContext.TraceIdentifier));
    }

    [Route("/error/{code:int}")]
    public IActionResult Status([FromRoute] int code)
    {
        var shown = code is >= 400 and < 600 ? code : 500;
        Response.StatusCode = shown;
        return View(shown == 404 ? "NotFound" : "Error", new ErrorModel(shown, HttpContext.TraceIdentifier));
    }
}
