using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MigrantAid.Web.Features.Errors;

/// <summary>Friendly error pages with the correlation id, never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // error pages are re-executed for the failed request, POSTs included; they change nothing
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/error")]
    public IActionResult ServerError()
    {
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error", new ErrorModel(500, HttpContext.TraceIdentifier));
    }

    [Route("/error/{code:int}")]
    public IActionResult Status(int code)
    {
        var shown = code is >= 400 and < 600 ? code : 500;
        Response.StatusCode = shown;
        return View(shown == 404 ? "NotFound" : "Error", new ErrorModel(shown, HttpContext.TraceIdentifier));
    }
}

public sealed record ErrorModel(int StatusCode, string CorrelationId);
