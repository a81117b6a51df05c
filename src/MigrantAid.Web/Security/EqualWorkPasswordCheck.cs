using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Security;

/// <summary>
/// Spends on a sign-in that cannot succeed (unknown e-mail, disabled or locked account) the same
/// password-hash work as on a wrong password, so the answer's timing does not tell who has an
/// account. The hash is made once, by the same hasher and so with the same iteration count as the
/// users' own, from a random password nobody knows.
/// </summary>
public sealed class EqualWorkPasswordCheck(IPasswordHasher<AppUser> hasher)
{
    private static readonly AppUser Nobody = new();

    // Made once per process (a race makes it twice, harmlessly); the hasher's settings are the application's.
    private static string? _dummyHash;

    public void Spend(string password)
    {
        _dummyHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(Nobody, _dummyHash, password);
    }
}
