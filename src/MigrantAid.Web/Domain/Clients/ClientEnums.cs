namespace MigrantAid.Web.Domain.Clients;

public enum Sex
{
    Unknown = 0,
    Female = 1,
    Male = 2,
    Other = 3,
}

/// <summary>Circumstances that change how a client must be treated; several may apply.</summary>
[Flags]
public enum Vulnerability
{
    None = 0,
    Child = 1,
    Pregnancy = 2,
    Disability = 4,
    Roma = 8,
    TraffickingVictim = 16,
    Detained = 32,

    /// <summary>No identity documents at all (issue 12 point 6): counted in lists and statistics.</summary>
    Undocumented = 64,

    /// <summary>A child separated from the family; the date and whom or where from are on the client.</summary>
    SeparatedChild = 128,
}

public enum ContactChannel
{
    Phone = 0,
    WhatsApp = 1,
    Telegram = 2,
    Email = 3,
    Address = 4,
    ThroughRelative = 5,
    Other = 6,
}

public enum MigrationDocumentType
{
    Passport = 0,
    MigrationCard = 1,
    MigrationRegistration = 2,
    WorkPatent = 3,
    ResidencePermit = 4,
    Other = 5,
}

public enum FamilyRelation
{
    Parent = 0,
    Child = 1,
    Spouse = 2,
    Sibling = 3,
}

public enum ConsentStatus
{
    NotRecorded = 0,
    Given = 1,
    Refused = 2,
    Withdrawn = 3,
}

public static class FamilyRelations
{
    /// <summary>The relation seen from the other person: a parent's link is the child's link back.</summary>
    public static FamilyRelation Inverse(this FamilyRelation relation) => relation switch
    {
        FamilyRelation.Parent => FamilyRelation.Child,
        FamilyRelation.Child => FamilyRelation.Parent,
        _ => relation,
    };
}

public static class Citizenships
{
    /// <summary>The value stored for a stateless person, alongside ISO country codes.</summary>
    public const string Stateless = "XX";

    public static bool IsKnown(string? code) => code == Stateless || Countries.IsKnown(code);

    public static string ResourceKey(string code) => code == Stateless ? "Citizenship.Stateless" : Countries.ResourceKey(code);
}
