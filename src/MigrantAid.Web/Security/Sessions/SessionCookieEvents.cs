using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Security.Sessions;

/// <summary>
/// Hooks the sessions into the Identity application cookie: a sign-in starts a session (a refresh of
/// the cookie keeps it), every request checks it before Identity's security-stamp check, and a sign-out
/// ends it. Identity's own handlers are kept and called after ours.
/// </summary>
public static class SessionCookieEvents
{
    public static void Attach(CookieAuthenticationEvents events)
    {
        var signingIn = events.OnSigningIn;
        var validate = events.OnValidatePrincipal;
        var signingOut = events.OnSigningOut;

        events.OnSigningIn = async context =>
        {
            await signingIn(context);
            var sessions = Sessions(context.HttpContext);
            var startNew = sessions.TakeStartNew() || CurrentSession.FromProperties(context.Properties) is null;
            if (startNew && UserId(context.Principal) is { } userId)
            {
                var id = await sessions.StartAsync(userId, context.HttpContext);
                CurrentSession.SetInProperties(context.Properties, id);
                CurrentSession.Remember(context.HttpContext, id);
            }
        };

        events.OnValidatePrincipal = async context =>
        {
            var id = CurrentSession.FromProperties(context.Properties);
            if (id is null || UserId(context.Principal) is not { } userId || !await Sessions(context.HttpContext).IsActiveAsync(id.Value, userId))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            CurrentSession.Remember(context.HttpContext, id);
            CurrentSession.SetEndReason(context.HttpContext, SessionEndReasons.SecurityStampChanged);
            await validate(context);
            CurrentSession.SetEndReason(context.HttpContext, null);
        };

        events.OnSigningOut = async context =>
        {
            // HttpContext.User is not set yet when the stamp check signs out, so the checked id is used alone.
            if (CurrentSession.Id(context.HttpContext) is { } id)
            {
                await Sessions(context.HttpContext).EndCurrentAsync(id, CurrentSession.EndReason(context.HttpContext));
                CurrentSession.Remember(context.HttpContext, null);
            }

            await signingOut(context);
        };
    }

    private static UserSessions Sessions(HttpContext http) => http.RequestServices.GetRequiredService<UserSessions>();

    private static Guid? UserId(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
