using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Sessions;

namespace MigrantAid.Web.Features.Profile;

/// <summary>The signed-in user's own account: details, password, two-step verification and open sessions.</summary>
[Authorize]
[Route("profile")]
public sealed class ProfileController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Viewer viewer, [FromServices] ShowProfileHandler handler, [FromServices] ListSessionsHandler sessions)
    {
        var model = await handler.HandleAsync(viewer.UserId);
        return model is null
            ? NotFound()
            : View(model with { Sessions = await sessions.HandleAsync(viewer.UserId, CurrentSession.Id(HttpContext)) });
    }

    [HttpPost("sessions/{id:guid}/end")]
    public async Task<IActionResult> EndSession(Guid id, Viewer viewer, [FromServices] EndOwnSessionsHandler handler)
    {
        if (!await handler.EndOneAsync(viewer.UserId, id))
        {
            return NotFound();
        }

        TempData["Success"] = "The session is ended.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("sessions/end-others")]
    public async Task<IActionResult> EndOtherSessions(Viewer viewer, [FromServices] EndOwnSessionsHandler handler)
    {
        if (CurrentSession.Id(HttpContext) is not { } current)
        {
            return NotFound();
        }

        await handler.EndOthersAsync(viewer.UserId, current);
        TempData["Success"] = "You are signed out of your other sessions.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("password")]
    public IActionResult ChangePassword() => View(new ChangePasswordInput());

    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordInput input, Viewer viewer, [FromServices] ChangePasswordHandler handler)
    {
        var errors = this.FormErrors();
        var outcome = await handler.HandleAsync(viewer, input, errors);
        input.CurrentPassword = "";
        input.NewPassword = "";
        input.ConfirmPassword = "";
        return this.FormResult(outcome, errors, input, Account(), "Your password has been changed.");
    }

    [HttpGet("authenticator")]
    public async Task<IActionResult> Authenticator(Viewer viewer, [FromServices] ShowAuthenticatorHandler handler)
    {
        var page = await handler.HandleAsync(viewer);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("authenticator/qr.png")]
    public async Task<IActionResult> AuthenticatorQrCode(Viewer viewer, [FromServices] AuthenticatorQrCodeHandler handler)
    {
        var png = await handler.HandleAsync(viewer);
        if (png is null)
        {
            return NotFound();
        }

        // The image carries the shared secret: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        return File(png, "image/png");
    }

    [HttpPost("authenticator")]
    public async Task<IActionResult> EnableAuthenticator(EnableAuthenticatorInput input, Viewer viewer,
        [FromServices] EnableAuthenticatorHandler handler, [FromServices] ShowAuthenticatorHandler page)
    {
        var errors = this.FormErrors();
        var outcome = await handler.HandleAsync(viewer, input, errors);
        if (outcome.Data is IReadOnlyList<string> codes)
        {
            return View("RecoveryCodes", new RecoveryCodesModel(codes, JustEnabled: true));
        }

        if (outcome.Kind == FormOutcomeKind.Unchanged)
        {
            return RedirectToAction(nameof(Authenticator));
        }

        FormResults.CopyTo(ModelState, outcome, errors);
        return await ShowAuthenticatorAsync(page, viewer);
    }

    [HttpPost("authenticator/disable")]
    public async Task<IActionResult> DisableAuthenticator(DisableAuthenticatorInput input, Viewer viewer,
        [FromServices] DisableAuthenticatorHandler handler, [FromServices] ShowAuthenticatorHandler page)
    {
        var errors = this.FormErrors();
        return await this.FormResultAsync(await handler.HandleAsync(viewer, input, errors), errors, () => ShowAuthenticatorAsync(page, viewer),
            Account(), "Two-step verification is turned off.");
    }

    [HttpPost("authenticator/recovery-codes")]
    public async Task<IActionResult> RegenerateRecoveryCodes(Viewer viewer, [FromServices] RegenerateRecoveryCodesHandler handler)
    {
        var codes = await handler.HandleAsync(viewer);
        return codes is null
            ? RedirectToAction(nameof(Authenticator))
            : View("RecoveryCodes", new RecoveryCodesModel(codes, JustEnabled: false));
    }

    private async Task<IActionResult> ShowAuthenticatorAsync(ShowAuthenticatorHandler handler, Viewer viewer)
    {
        var page = await handler.HandleAsync(viewer);
        return page is null ? NotFound() : View(nameof(Authenticator), page);
    }

    private string Account() => Url.Action(nameof(Index))!;
}
