using Microsoft.AspNetCore.Identity;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Profile;

/// <summary>The profile pages act on the viewer's own account only.</summary>
internal static class OwnAccount
{
    /// <summary>The viewer's account as stored, or null (a deleted account, or a viewer without an id).</summary>
    public static Task<AppUser?> OwnAccountAsync(this UserManager<AppUser> users, Viewer viewer) =>
        users.FindByIdAsync(viewer.UserId.ToString());
}
