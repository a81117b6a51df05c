using Microsoft.AspNetCore.Identity;

namespace MigrantAid.Web.Domain;

/// <summary>A member of staff. Users are created by administrators only.</summary>
public class AppUser : IdentityUser<Guid>
{
    public const int FullNameMaxLength = 200;

    public string FullName { get; set; } = "";

    public Guid? OfficeId { get; set; }

    public Office? Office { get; set; }

    /// <summary>"en" or "ru"; the portal's language for this user.</summary>
    public string PreferredLanguage { get; set; } = SupportedLanguages.English;

    /// <summary>A disabled user cannot sign in and loses open sessions at the next security-stamp check.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}

public class AppRole : IdentityRole<Guid>
{
    public AppRole()
    {
    }

    public AppRole(string name)
        : base(name)
    {
    }
}
