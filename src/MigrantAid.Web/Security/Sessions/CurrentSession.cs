using Microsoft.AspNetCore.Authentication;

namespace MigrantAid.Web.Security.Sessions;

/// <summary>
/// Where the session id travels: in the sign-in ticket's properties (inside the protected cookie), which
/// RefreshSignInAsync carries over, so re-issuing the cookie keeps the same session. Once a request's
/// session is checked, its id is kept in HttpContext.Items for the rest of the request.
/// </summary>
public static class CurrentSession
{
    public const string PropertyKey = "migrantaid.session";
    private const string ItemKey = "MigrantAid.SessionId";
    private const string EndReasonKey = "MigrantAid.SessionEndReason";

    public static Guid? FromProperties(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(PropertyKey, out var value) && Guid.TryParse(value, out var id) ? id : null;

    public static void SetInProperties(AuthenticationProperties properties, Guid id) => properties.Items[PropertyKey] = id.ToString();

    /// <summary>The session of this request, once it has been checked (null for anonymous requests).</summary>
    public static Guid? Id(HttpContext http) => http.Items.TryGetValue(ItemKey, out var value) ? value as Guid? : null;

    internal static void Remember(HttpContext http, Guid? id) => http.Items[ItemKey] = id;

    /// <summary>Why a sign-out during this request ends the session (plain sign-out unless said otherwise).</summary>
    internal static string EndReason(HttpContext http) =>
        http.Items.TryGetValue(EndReasonKey, out var value) && value is string reason ? reason : Domain.SessionEndReasons.SignedOut;

    internal static void SetEndReason(HttpContext http, string? reason) => http.Items[EndReasonKey] = reason;
}
