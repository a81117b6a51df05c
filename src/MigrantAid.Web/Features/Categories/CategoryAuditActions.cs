namespace MigrantAid.Web.Features.Categories;

/// <summary>Audit actions of the complaint categories (to be folded into AuditActions.All by the lead).</summary>
public static class CategoryAuditActions
{
    public const string Created = "category.created";
    public const string Updated = "category.updated";

    public static readonly IReadOnlyList<string> All = [Created, Updated];
}
