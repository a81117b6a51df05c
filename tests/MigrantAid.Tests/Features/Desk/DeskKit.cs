using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Tests.Features.Desk;

/// <summary>Builders for desk tests: offices in a chosen time zone, staff in them, and deadlines and hearings stored directly.</summary>
public sealed class DeskKit(PortalFactory portal)
{
    public static readonly Guid System = Guid.NewGuid();

    public async Task<TestOffice> OfficeAsync(string timeZone, string? name = null)
    {
        var code = new string(Enumerable.Range(0, 5).Select(_ => (char)('A' + Random.Shared.Next(26))).ToArray());
        return await portal.WithDbAsync(async db =>
        {
            var office = new Office(name ?? "Desk office " + code, "Bishkek", "KG", timeZone, portal.Clock.GetUtcNow());
            office.SetCode(code, portal.Clock.GetUtcNow());
            db.Offices.Add(office);
            await db.SaveChangesAsync();
            return new TestOffice(office.Id, code);
        });
    }

    /// <summary>A user with roles in an office (before signing in: the office is a claim of the cookie).</summary>
    public async Task<AppUser> StaffAsync(string email, TestOffice? office, params string[] roles)
    {
        var user = await portal.CreateUserAsync(email, roles);
        if (office is not null)
        {
            await CaseBuilder.PlaceInOfficeAsync(portal, user.Id, office.Id);
            user.OfficeId = office.Id;
        }

        return user;
    }

    public CaseBuilder Case(TestOffice office) => new(portal, office);

    public Task<Guid> DeadlineAsync(Guid caseId, string title, DateOnly dueOn, DeadlineKind kind = DeadlineKind.Manual,
        DeadlineStatus status = DeadlineStatus.Open, Guid? assignee = null) =>
        portal.WithDbAsync(async db =>
        {
            var deadline = new CaseDeadline(caseId, kind, title, dueOn, System, portal.Clock.GetUtcNow()) { Status = status, AssigneeId = assignee };
            db.CaseDeadlines.Add(deadline);
            await db.SaveChangesAsync();
            return deadline.Id;
        });

    /// <summary>A hearing at an instant, in a new proceeding of the case before <paramref name="court"/>.</summary>
    public Task<Guid> HearingAsync(Guid caseId, DateTimeOffset startsAt, string court = "Pervomaisky District Court", bool held = false) =>
        portal.WithDbAsync(async db =>
        {
            var now = portal.Clock.GetUtcNow();
            var proceeding = new CourtProceeding(caseId, "KG", court, CourtInstance.FirstInstance, ProceedingType.Civil, "Unpaid wages",
                ProceedingClientRole.Claimant, DateOnly.FromDateTime(startsAt.UtcDateTime).AddMonths(-2), System, now);
            db.CourtProceedings.Add(proceeding);
            var hearing = new Hearing(proceeding.Id, caseId, startsAt, "Room 12", System, now) { IsHeld = held };
            db.Hearings.Add(hearing);
            await db.SaveChangesAsync();
            return hearing.Id;
        });

    /// <summary>The date "now" has in a time zone.</summary>
    public DateOnly Today(string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(portal.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);

    /// <summary>Moves the test clock forward to the next moment it is <paramref name="hour"/>:00 UTC.</summary>
    public void AdvanceToUtcHour(int hour)
    {
        var now = portal.Clock.GetUtcNow();
        var target = new DateTimeOffset(now.UtcDateTime.Date.AddHours(hour), TimeSpan.Zero);
        if (target <= now)
        {
            target = target.AddDays(1);
        }

        portal.Clock.Advance(target - now);
    }

    public Task<T> Db<T>(Func<Web.Data.AppDbContext, Task<T>> work) => portal.WithDbAsync(work);

    public Task<int> CountAsync<T>()
        where T : class => portal.WithDbAsync(db => db.Set<T>().CountAsync());
}
