using Microsoft.AspNetCore.Authorization;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Security;

/// <summary>
/// Who may do what in the international register (recommendations, treaty acceptance): every role that
/// does case work, and administrators, read it; coordinators, lawyers and administrators write it.
/// Controllers ask through <see cref="Policies.InternationalReaders"/> and <see cref="Policies.RecommendationEditors"/>.
/// </summary>
public static class RecommendationRoles
{
    public static readonly IReadOnlyList<string> Readers = [Roles.Coordinator, Roles.Lawyer, Roles.Caseworker, Roles.Admin];

    public static readonly IReadOnlyList<string> Editors = [Roles.Coordinator, Roles.Lawyer, Roles.Admin];

    /// <summary>
    /// Whether <paramref name="viewer"/> may edit the register, for a page that only shows or hides its edit
    /// buttons: the <see cref="Policies.RecommendationEditors"/> policy itself, asked for the viewer's principal.
    /// </summary>
    public static async Task<bool> CanEditAsync(this IAuthorizationService authorization, Viewer viewer) =>
        (await authorization.AuthorizeAsync(viewer.AsPrincipal(), Policies.RecommendationEditors)).Succeeded;
}
