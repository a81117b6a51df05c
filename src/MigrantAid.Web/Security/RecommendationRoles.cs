using System.Security.Claims;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Security;

/// <summary>Who may do what in the register: every role that does case work reads it; coordinators, lawyers and administrators write it.</summary>
public static class RecommendationRoles
{
    public const string Readers = Roles.Coordinator + "," + Roles.Lawyer + "," + Roles.Caseworker + "," + Roles.Admin;
    public const string Editors = Roles.Coordinator + "," + Roles.Lawyer + "," + Roles.Admin;

    public static bool CanEdit(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Lawyer) || user.IsInRole(Roles.Admin);
}
