using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Data.Demo;

/// <summary>
/// What the demo stories look up, read once per seeding: the demo offices by name, the demo accounts by e-mail,
/// the complaint categories by code, and the clock's now (every story's dates are relative to it).
/// </summary>
internal sealed class DemoDirectory
{
    private DemoDirectory(DateTimeOffset now)
    {
        Now = now;
        Today = DateOnly.FromDateTime(now.UtcDateTime);
    }

    public DateTimeOffset Now { get; }

    public DateOnly Today { get; }

    public Dictionary<string, Office> Offices { get; } = [];

    public Dictionary<string, Guid> Users { get; } = [];

    public Dictionary<string, int> Categories { get; } = [];

    public static async Task<DemoDirectory> LoadAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var directory = new DemoDirectory(clock.GetUtcNow());
        foreach (var office in await db.Offices.AsNoTracking().ToListAsync(cancellationToken))
        {
            directory.Offices[office.Name] = office;
        }

        foreach (var user in await db.Users.AsNoTracking().Where(u => u.Email!.EndsWith("@demo.local")).Select(u => new { u.Email, u.Id }).ToListAsync(cancellationToken))
        {
            directory.Users[user.Email!] = user.Id;
        }

        foreach (var category in await db.ComplaintCategories.AsNoTracking().Select(c => new { c.Code, c.Id }).ToListAsync(cancellationToken))
        {
            directory.Categories[category.Code] = category.Id;
        }

        return directory;
    }
}
