using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security.Sessions;

namespace MigrantAid.Web.Features.Profile;

/// <summary>The signed-in user's own account: details, password, two-step verification and open sessions.</summary>
[Authorize]
[Route("profile")]
public sealed class ProfileController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ShowProfileHandler handler, [FromServices] ListSessionsHandler sessions)
    {
        var model = await handler.HandleAsync(User.Id());
        return model is null
            ? NotFound()
            : View(model with { Sessions = await sessions.HandleAsync(User.Id(), CurrentSession.Id(HttpContext)) });
    }

    [HttpPost("sessions/{id:guid}/end")]
    public async Task<IActionResult> EndSession(Guid id, [FromServices] EndOwnSessionsHandler handler)
    {
        if (!await handler.EndOneAsync(User.Id(), id))
        {
            return NotFound();
        }

        TempData["Success"] = "The session is ended.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("sessions/end-others")]
    public async Task<IActionResult> EndOtherSessions([FromServices] EndOwnSessionsHandler handler)
    {
        if (CurrentSession.Id(HttpContext) is not { } current)
        {
            return NotFound();
        }

        await handler.EndOthersAsync(User.Id(), current);
        TempData["Success"] = "You are signed out of your other sessions.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("password")]
    public IActionResult ChangePassword() => View(new ChangePasswordInput());

    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordInput input, [FromServices] ChangePasswordHandler handler)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.HandleAsync(User, input);
            if (result.Succeeded)
            {
                TempData["Success"] = "Your password has been changed.";
                return RedirectToAction(nameof(Index));
            }

            ChangePasswordHandler.AddErrors(ModelState, result, l);
        }

        input.CurrentPassword = "";
        input.NewPassword = "";
        input.ConfirmPassword = "";
        return View(input);
    }

    [HttpGet("authenticator")]
    public async Task<IActionResult> Authenticator([FromServices] ShowAuthenticatorHandler handler)
    {
        var page = await handler.HandleAsync(User);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("authenticator/qr.png")]
    public async Task<IActionResult> AuthenticatorQrCode([FromServices] AuthenticatorQrCodeHandler handler)
    {
        var png = await handler.HandleAsync(User);
        if (png is null)
        {
            return NotFound();
        }

        // The image carries the shared secret: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        return File(png, "image/png");
    }

    [HttpPost("authenticator")]
    public async Task<IActionResult> EnableAuthenticator(EnableAuthenticatorInput input,
        [FromServices] EnableAuthenticatorHandler handler, [FromServices] ShowAuthenticatorHandler page)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.HandleAsync(User, input);
            switch (result.Outcome)
            {
                case EnableAuthenticatorOutcome.Enabled:
                    return View("RecoveryCodes", new RecoveryCodesModel(result.RecoveryCodes, JustEnabled: true));
                case EnableAuthenticatorOutcome.AlreadyEnabled:
                    return RedirectToAction(nameof(Authenticator));
                default:
                    ModelState.AddModelError(nameof(input.Code), l["The code is not correct. Check that the time on your phone is right and enter the code the app shows now."]);
                    break;
            }
        }

        return await ShowAuthenticatorAsync(page);
    }

    [HttpPost("authenticator/disable")]
    public async Task<IActionResult> DisableAuthenticator(DisableAuthenticatorInput input,
        [FromServices] DisableAuthenticatorHandler handler, [FromServices] ShowAuthenticatorHandler page)
    {
        if (ModelState.IsValid)
        {
            if (await handler.HandleAsync(User, input))
            {
                TempData["Success"] = "Two-step verification is turned off.";
                return RedirectToAction(nameof(Index));
            }

            ModelState.AddModelError(nameof(input.Password), l["The password is not correct."]);
        }

        return await ShowAuthenticatorAsync(page);
    }

    [HttpPost("authenticator/recovery-codes")]
    public async Task<IActionResult> RegenerateRecoveryCodes([FromServices] RegenerateRecoveryCodesHandler handler)
    {
        var codes = await handler.HandleAsync(User);
        return codes is null
            ? RedirectToAction(nameof(Authenticator))
            : View("RecoveryCodes", new RecoveryCodesModel(codes, JustEnabled: false));
    }

    private async Task<IActionResult> ShowAuthenticatorAsync(ShowAuthenticatorHandler handler)
    {
        var page = await handler.HandleAsync(User);
        return page is null ? NotFound() : View(nameof(Authenticator), page);
    }
}
