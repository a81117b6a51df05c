namespace MigrantAid.Web.Data;

/// <summary>A Data Protection key ring element, stored in PostgreSQL so every instance shares it.</summary>
public class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = "";
}
