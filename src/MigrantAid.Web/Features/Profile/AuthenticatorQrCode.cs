using Microsoft.AspNetCore.Identity;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security;
using QRCoder;

namespace MigrantAid.Web.Features.Profile;

/// <summary>
/// The enrolment QR code as a PNG served from our own origin (the content security policy allows
/// neither data: URIs nor inline SVG). Only while enrolling: once two-step verification is on, the
/// key is never shown again.
/// </summary>
public sealed class AuthenticatorQrCodeHandler(UserManager<AppUser> users)
{
    public async Task<byte[]?> HandleAsync(Viewer viewer)
    {
        var user = await users.OwnAccountAsync(viewer);
        if (user is null || user.TwoFactorEnabled)
        {
            return null;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(AuthenticatorKey.Uri(user.Email ?? "", key), QRCodeGenerator.ECCLevel.Q);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(6);
    }
}
