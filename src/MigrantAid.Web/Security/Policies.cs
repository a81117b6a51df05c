using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Security;

/// <summary>Authorization policy names; each requires one of its roles. Controllers name a policy, never roles.</summary>
public static class Policies
{
    public const string Admin = "Admin";
    public const string Coordinator = "Coordinator";
    public const string CaseStaff = "CaseStaff";

    /// <summary>Reading the international register: recommendations and treaty acceptance.</summary>
    public const string InternationalReaders = "InternationalReaders";

    /// <summary>Adding and editing recommendations and their assessments.</summary>
    public const string RecommendationEditors = "RecommendationEditors";

    /// <summary>Approving or refusing another person's export of client data (issue 15, point 6): coordinators and administrators.</summary>
    public const string ExportApprovers = "ExportApprovers";

    public static void Register(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(Coordinator, p => p.RequireRole(Roles.Coordinator));
        options.AddPolicy(CaseStaff, p => p.RequireRole(Roles.Coordinator, Roles.Lawyer, Roles.Caseworker));
        options.AddPolicy(InternationalReaders, p => p.RequireRole(RecommendationRoles.Readers));
        options.AddPolicy(RecommendationEditors, p => p.RequireRole(RecommendationRoles.Editors));
        options.AddPolicy(ExportApprovers, p => p.RequireRole(Roles.Admin, Roles.Coordinator));
    }
}
