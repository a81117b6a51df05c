namespace MigrantAid.Web.Domain.Cases;

/// <summary>
/// One category of the complaint taxonomy (domain.md). Shipped in migration 0004; administrators
/// may add more. Names are stored in both languages because administrators type them.
/// </summary>
public class ComplaintCategory
{
    private ComplaintCategory()
    {
    }

    public ComplaintCategory(string code, string group, string nameEn, string nameRu, int sortOrder)
    {
        Code = code;
        GroupCode = group;
        NameEn = nameEn;
        NameRu = nameRu;
        SortOrder = sortOrder;
        IsActive = true;
    }

    public int Id { get; private set; }

    /// <summary>Stable code, e.g. "labour.unpaid-wages".</summary>
    public string Code { get; private set; } = "";

    /// <summary>Group, e.g. "labour", "detention", "documents", "children", "health", "violence", "trafficking".</summary>
    public string GroupCode { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public string NameRu { get; private set; } = "";

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; }

    public string Name(string language) => language == SupportedLanguages.Russian ? NameRu : NameEn;

    public void Rename(string nameEn, string nameRu)
    {
        NameEn = nameEn.Trim();
        NameRu = nameRu.Trim();
    }

    public void SetActive(bool active) => IsActive = active;
}
