namespace MigrantAid.Web.Domain;

/// <summary>The four roles of the portal. A user may hold several.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Coordinator = "Coordinator";
    public const string Lawyer = "Lawyer";
    public const string Caseworker = "Caseworker";

    public static readonly IReadOnlyList<string> All = [Admin, Coordinator, Lawyer, Caseworker];
}
