using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Account;

[Route("account")]
public sealed class AccountController(IStringLocalizer<SharedResource> l) : Controller
{
    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturn(returnUrl));
        }

        return View(new LoginInput { ReturnUrl = returnUrl });
    }

    [AllowAnonymous]
    [HttpPost("login")]
    [Throttled(ThrottledDoor.SignIn)]
    public async Task<IActionResult> Login(LoginInput input, [FromServices] LoginHandler handler)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        switch (await handler.HandleAsync(input))
        {
            case LoginOutcome.SignedIn:
                return LocalRedirect(SafeReturn(input.ReturnUrl));
            case LoginOutcome.NeedsTwoFactor:
                return RedirectToAction(nameof(LoginWithTwoFactor), new { returnUrl = input.ReturnUrl });
            case LoginOutcome.LockedOut:
                ModelState.AddModelError("", l["This account is locked after too many failed attempts. Try again in 15 minutes or ask an administrator."]);
                break;
            default:
                ModelState.AddModelError("", l["The e-mail or password is not correct, or the account is disabled."]);
                break;
        }

        input.Password = "";
        return View(input);
    }

    [AllowAnonymous]
    [HttpGet("login-2fa")]
    public async Task<IActionResult> LoginWithTwoFactor(string? returnUrl, [FromServices] LoginWithTwoFactorHandler handler)
    {
        if (!await handler.HasPendingUserAsync())
        {
            return RedirectToAction(nameof(Login));
        }

        return View(new TwoFactorInput { ReturnUrl = returnUrl });
    }

    [AllowAnonymous]
    [HttpPost("login-2fa")]
    [Throttled(ThrottledDoor.SecondFactor)]
    public async Task<IActionResult> LoginWithTwoFactor(TwoFactorInput input, [FromServices] LoginWithTwoFactorHandler handler)
    {
        if (!await handler.HasPendingUserAsync())
        {
            return RedirectToAction(nameof(Login));
        }

        if (!ModelState.IsValid)
        {
            return View(input);
        }

        switch (await handler.HandleAsync(input))
        {
            case LoginOutcome.SignedIn:
                return LocalRedirect(SafeReturn(input.ReturnUrl));
            case LoginOutcome.LockedOut:
                ModelState.AddModelError(nameof(input.Code), l["This account is locked after too many failed attempts. Try again in 15 minutes or ask an administrator."]);
                break;
            default:
                ModelState.AddModelError(nameof(input.Code), l["The code is not correct."]);
                break;
        }

        input.Code = "";
        return View(input);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout([FromServices] SignInManager<AppUser> signIn, [FromServices] IAuditLog audit)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(AuditActions.SignedOut, "user", User.Id().ToString());
        }

        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [AllowAnonymous]
    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("~/Features/Errors/Error.cshtml", new ErrorModel(403, HttpContext.TraceIdentifier));
    }

    [AllowAnonymous]
    [HttpGet("reset-password")]
    [Throttled(ThrottledDoor.PasswordLink)]
    public IActionResult ResetPassword(Guid userId, string? token)
    {
        if (userId == Guid.Empty || string.IsNullOrEmpty(token))
        {
            return NotFound();
        }

        return View(new ResetPasswordInput { UserId = userId, Token = token });
    }

    [AllowAnonymous]
    [HttpPost("reset-password")]
    [Throttled(ThrottledDoor.PasswordLink)]
    public async Task<IActionResult> ResetPassword(ResetPasswordInput input, [FromServices] ResetPasswordHandler handler)
    {
        var errors = this.FormErrors();
        var outcome = await handler.HandleAsync(input, errors);
        input.NewPassword = "";
        input.ConfirmPassword = "";
        return this.FormResult(outcome, errors, input, Url.Action(nameof(Login))!, "Your password is set. Sign in with it now.");
    }

    private string SafeReturn(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
