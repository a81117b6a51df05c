using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Data;

/// <summary>
/// Makes sure the roles exist and creates the first administrator from configuration
/// (Bootstrap:AdminEmail + Bootstrap:AdminPassword) or from the create-admin command.
/// There is no default password.
/// </summary>
public sealed partial class AdminBootstrapper(
    UserManager<AppUser> users,
    RoleManager<AppRole> roles,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<AdminBootstrapper> logger)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new AppRole(role));
            }
        }
    }

    public async Task EnsureFromConfigurationAsync()
    {
        await EnsureRolesAsync();
        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var result = (await CreateAdminAsync(email, configuration["Bootstrap:AdminName"] ?? email, password)).Result;
        if (result.Succeeded)
        {
            LogBootstrapped(logger);
        }
        else
        {
            throw new InvalidOperationException("Bootstrap administrator could not be created: " +
                string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }

    /// <summary>
    /// Creates an administrator, or gives the Admin role to an existing account with that e-mail
    /// (whose password then stays as it was: <see cref="AdminCreation.CreatedAccount"/> is false).
    /// </summary>
    public async Task<AdminCreation> CreateAdminAsync(string email, string fullName, string password)
    {
        await EnsureRolesAsync();
        var user = await users.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == users.NormalizeEmail(email));
        var createdAccount = user is null;
        if (user is null)
        {
            user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = fullName,
                CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return new AdminCreation(created, CreatedAccount: false);
            }
        }

        var result = await users.IsInRoleAsync(user, Roles.Admin) ? IdentityResult.Success : await users.AddToRoleAsync(user, Roles.Admin);
        return new AdminCreation(result, createdAccount);
    }

    public static string GeneratePassword()
    {
        // 18 random characters from four classes, so Identity's password rules always pass.
        const string lower = "abcdefghijkmnopqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "-_!@#%";
        var all = lower + upper + digits + symbols;
        var chars = new char[18];
        chars[0] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[1] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrap administrator created from configuration")]
    private static partial void LogBootstrapped(ILogger logger);
}

/// <summary>What create-admin did: the outcome, and whether a new account (with the given password) was made.</summary>
public sealed record AdminCreation(IdentityResult Result, bool CreatedAccount);
