using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Support.Builders;

/// <summary>
/// A user (made by the portal's own UserManager, password <see cref="PortalFactory.Password"/>) with roles, an
/// office and a language. Build before signing in: the office and the language are claims of the cookie.
/// </summary>
public sealed class StaffBuilder(PortalFactory portal, string email)
{
    private string[] _roles = [];
    private Guid? _officeId;
    private string? _language;

    public StaffBuilder WithRoles(params string[] roles)
    {
        _roles = roles;
        return this;
    }

    public StaffBuilder InOffice(Guid? officeId)
    {
        _officeId = officeId;
        return this;
    }

    public StaffBuilder InOffice(TestOffice? office) => InOffice(office?.Id);

    public StaffBuilder Speaking(string language)
    {
        _language = language;
        return this;
    }

    public async Task<AppUser> SaveAsync()
    {
        var user = await portal.CreateUserAsync(email, _roles);
        if (_officeId is not null || _language is not null)
        {
            await PlaceAsync(portal, user.Id, _officeId, _language);
            user.OfficeId = _officeId ?? user.OfficeId;
            user.PreferredLanguage = _language ?? user.PreferredLanguage;
        }

        return user;
    }

    /// <summary>Stores the user and signs them in through the login form.</summary>
    public async Task<HttpClient> SignedInAsync()
    {
        await SaveAsync();
        return await portal.SignedInClientAsync(email);
    }

    /// <summary>Puts an existing user in an office (and a language); sign in afterwards.</summary>
    public static Task PlaceAsync(PortalFactory portal, Guid userId, Guid? officeId, string? language = null) =>
        portal.WithDbAsync(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == userId);
            stored.OfficeId = officeId ?? stored.OfficeId;
            stored.PreferredLanguage = language ?? stored.PreferredLanguage;
            return await db.SaveChangesAsync();
        });
}
