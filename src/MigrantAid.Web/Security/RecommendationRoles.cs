using System.Security.Claims;
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

    /// <summary>The editors' policy for a page that only shows or hides its edit buttons.</summary>
    public static bool CanEdit(ClaimsPrincipal user) => Editors.Any(user.IsInRole);
}
