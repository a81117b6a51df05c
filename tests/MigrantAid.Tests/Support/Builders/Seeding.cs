using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;

namespace MigrantAid.Tests.Support.Builders;

/// <summary>Test data a builder adds to the portal's own <see cref="AppDbContext"/>; <see cref="Seeding.SeedAsync{T}"/> saves it.</summary>
public interface ISeed<T>
{
    /// <summary>Adds the entities (nothing is saved yet) and returns what the test gets back.</summary>
    Task<T> AddToAsync(AppDbContext db, DateTimeOffset now);
}

/// <summary>
/// The one way test data reaches the database: a builder's entities are added to the application's
/// DbContext on the test's PostgreSQL (as the application role) and saved in one SaveChanges, at the
/// portal's test clock. Each builder's <c>SaveAsync()</c> comes here.
/// </summary>
public static class Seeding
{
    /// <summary>Who "did" what a builder stores when the test does not say (no user has this id).</summary>
    public static readonly Guid System = Guid.NewGuid();

    public static Task<T> SeedAsync<T>(this PortalFactory portal, ISeed<T> seed) =>
        portal.WithDbAsync(async db =>
        {
            var result = await seed.AddToAsync(db, portal.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            return result;
        });

    /// <summary>Six characters that keep names unique within a test class's database.</summary>
    public static string Unique() => Guid.NewGuid().ToString("N")[..6];

    public static Task<List<int>> CategoryIdsAsync(AppDbContext db, IReadOnlyCollection<string> codes) =>
        db.ComplaintCategories.Where(c => codes.Contains(c.Code)).Select(c => c.Id).ToListAsync();

    public static Task<int> CategoryIdAsync(this PortalFactory portal, string code) =>
        portal.WithDbAsync(db => db.ComplaintCategories.Where(c => c.Code == code).Select(c => c.Id).SingleAsync());

    public static OfficeBuilder Office(this PortalFactory portal) => new(portal);

    public static StaffBuilder Staff(this PortalFactory portal, string email) => new(portal, email);

    public static ClientBuilder Client(this PortalFactory portal, Guid officeId) => new(portal, officeId);

    public static IntakeBuilder Intake(this PortalFactory portal, Guid officeId) => new(portal, officeId);

    public static CaseBuilder Case(this PortalFactory portal, TestOffice office) => new(portal, office);

    public static DeadlineBuilder Deadline(this PortalFactory portal, Guid caseId) => new(portal, caseId);

    public static ProceedingBuilder Proceeding(this PortalFactory portal, Guid caseId) => new(portal, caseId);
}
