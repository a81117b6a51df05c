using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;

namespace MigrantAid.Web.Data.Demo;

/// <summary>
/// Demo offices and accounts for the run command (never in Production). Idempotent: records
/// are matched by name or e-mail, so a second run adds nothing.
/// </summary>
public sealed partial class DemoSeeder(AppDbContext db, UserManager<AppUser> users, AdminBootstrapper bootstrapper, TimeProvider clock, ILogger<DemoSeeder> logger, IDeadlineTriggers deadlineTriggers)
{
    public const string Password = "Demo-2026!";

    public static readonly IReadOnlyList<(string Name, string City, string Country, string TimeZone)> Offices =
    [
        ("St Petersburg", "St Petersburg", "RU", "Europe/Moscow"),
        ("Moscow", "Moscow", "RU", "Europe/Moscow"),
        ("Almaty", "Almaty", "KZ", "Asia/Almaty"),
        ("Bishkek", "Bishkek", "KG", "Asia/Bishkek"),
    ];

    /// <summary>The codes that start the demo offices' case references.</summary>
    public static readonly IReadOnlyDictionary<string, string> OfficeCodes = new Dictionary<string, string>
    {
        ["St Petersburg"] = "SPB",
        ["Moscow"] = "MSK",
        ["Almaty"] = "ALA",
        ["Bishkek"] = "BIS",
    };

    public static readonly IReadOnlyList<(string Email, string Name, string Office, string Language, string[] Roles)> Users =
    [
        ("admin@demo.local", "Aigerim Sadykova", "Bishkek", "en", [Roles.Admin]),
        ("coordinator@demo.local", "Elena Morozova", "St Petersburg", "ru", [Roles.Coordinator]),
        ("lawyer@demo.local", "Timur Abdullaev", "St Petersburg", "ru", [Roles.Lawyer]),
        ("lawyer2@demo.local", "Dana Zhaksylykova", "Almaty", "en", [Roles.Lawyer]),
        ("caseworker@demo.local", "Nigora Yusupova", "St Petersburg", "ru", [Roles.Caseworker]),

        // Not exempt from the second factor: shows the enrolment an administrator goes through.
        ("admin2fa@demo.local", "Askar Nurlanov", "Bishkek", "en", [Roles.Admin]),
    ];

    /// <summary>
    /// The five demo accounts that sign in with the password alone even in a required role
    /// (TwoFactorPolicy), only where demo data is seeded, which is never in Production.
    /// </summary>
    public static readonly IReadOnlyList<string> TwoFactorExemptEmails =
        ["admin@demo.local", "coordinator@demo.local", "lawyer@demo.local", "lawyer2@demo.local", "caseworker@demo.local"];

    public async Task SeedAsync()
    {
        await bootstrapper.EnsureRolesAsync();
        var now = clock.GetUtcNow();
        var created = 0;
        foreach (var (name, city, country, zone) in Offices)
        {
            if (!await db.Offices.AnyAsync(o => o.Name == name))
            {
                db.Offices.Add(new Office(name, city, country, zone, now));
                created++;
            }
        }

        await db.SaveChangesAsync();
        foreach (var office in await db.Offices.Where(o => o.Code == "").ToListAsync())
        {
            if (OfficeCodes.TryGetValue(office.Name, out var code) && !await db.Offices.AnyAsync(o => o.Code == code))
            {
                office.SetCode(code, now);
            }
        }

        await db.SaveChangesAsync();
        var officeIds = await db.Offices.AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id);

        foreach (var (email, name, office, language, roles) in Users)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = name,
                OfficeId = officeIds[office],
                PreferredLanguage = language,
                CreatedAt = now,
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRolesAsync(user, roles));
            created++;
        }

        created += await new DemoCases(db, clock).SeedAsync();
        created += await new DemoProceedings(db, deadlineTriggers, clock).SeedAsync();
        LogSeeded(logger, created);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo data could not be seeded: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Created} record(s) added")]
    private static partial void LogSeeded(ILogger logger, int created);
}
