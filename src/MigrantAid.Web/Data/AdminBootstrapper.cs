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

        var result = await CreateAdminAsync(email, configuration["Bootstrap:AdminName"] ?? email, password);
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

    public async Task<IdentityResult> CreateAdminAsync(string email, string fullName, string password)
    {
        await EnsureRolesAsync();
        var user = await users.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == users.NormalizeEmail(email));
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
                return created;
            }
        }

        return await users.IsInRoleAsync(user, Roles.Admin) ? IdentityResult.Success : await users.AddToRoleAsync(user, Roles.Admin);
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
