using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Security;

/// <summary>Authorization policy names; each requires one of the roles.</summary>
public static class Policies
{
    public const string Admin = "Admin";
    public const string Coordinator = "Coordinator";
    public const string CaseStaff = "CaseStaff";

    public static void Register(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(Coordinator, p => p.RequireRole(Roles.Coordinator));
        options.AddPolicy(CaseStaff, p => p.RequireRole(Roles.Coordinator, Roles.Lawyer, Roles.Caseworker));
    }
}
