using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Notifications;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Desk.Notifications;

namespace MigrantAid.Tests.Features.Desk.Notifications;

/// <summary>
/// The portal with e-mail pointed at an <see cref="SmtpCapture"/> started for it, the reminder timer off
/// (tests call <see cref="DailyDigestJob.RunOnceAsync"/>), and every log entry kept.
/// </summary>
public class ReminderPortal : PortalFactory
{
    public const string PublicUrl = "https://aid.example.org";

    public SmtpCapture Smtp { get; } = new();

    public LogCapture Logs { get; } = new();

    public DailyDigestJob Job => Services.GetRequiredService<DailyDigestJob>();

    protected override IDictionary<string, string?> Settings => SettingsFor(Smtp.Port);

    /// <summary>What an instance of the portal needs to send digests to <paramref name="smtpPort"/>.</summary>
    public static Dictionary<string, string?> SettingsFor(int smtpPort) => new()
    {
        ["Reminders:RunInBackground"] = "false",
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Smtp:From"] = "reminders@aid.example.org",
        ["Smtp:TimeoutSeconds"] = "10",
        ["Portal:PublicUrl"] = PublicUrl,
    };

    public override async Task InitializeAsync()
    {
        Smtp.Start();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(Logs));
    }
}

/// <summary>Offices, staff, cases, deadlines and hearings for reminder tests, stored directly.</summary>
public sealed class ReminderWorld(PortalFactory portal)
{
    public CaseWorkKit Kit { get; } = new(portal);

    public DateOnly Today => Kit.Today;

    /// <summary>An hour into today in the offices' time zone: the job's first round of the day.</summary>
    public DateTimeOffset Morning => ReminderPlanner.StartOfDay(Today, TimeZoneInfo.FindSystemTimeZoneById(CaseWorkKit.TimeZone)).AddHours(1);

    public Task<Office> OfficeAsync(string code) => Kit.OfficeAsync(code);

    public async Task<AppUser> LawyerAsync(Office office, string email, string language = SupportedLanguages.English)
    {
        var user = await Kit.StaffAsync(email, office.Id, Roles.Lawyer);
        if (language != SupportedLanguages.English)
        {
            await portal.WithDbAsync(async db =>
            {
                var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
                stored.PreferredLanguage = language;
                return await db.SaveChangesAsync();
            });
        }

        return user;
    }

    public async Task<(Guid Id, string Reference)> CaseAsync(Office office, string clientName, Guid? leadLawyer = null, Guid? caseworker = null,
        IReadOnlyCollection<Guid>? lawyers = null, string title = "Unpaid wages on a building site")
    {
        var id = await Kit.CaseAsync(office, clientName, caseworker: caseworker, leadLawyer: leadLawyer, lawyers: lawyers, title: title);
        var reference = await portal.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Reference).SingleAsync());
        return (id, reference);
    }

    public Task<Guid> DeadlineAsync(Guid caseId, string title, DateOnly dueOn, Guid? assignee = null, DeadlineStatus status = DeadlineStatus.Open)
    {
        return portal.WithDbAsync(async db =>
        {
            var deadline = new CaseDeadline(caseId, assignee is null ? DeadlineKind.Manual : DeadlineKind.Task, title, dueOn, Guid.NewGuid(), portal.Clock.GetUtcNow())
            {
                AssigneeId = assignee,
                Status = status,
            };
            db.CaseDeadlines.Add(deadline);
            await db.SaveChangesAsync();
            return deadline.Id;
        });
    }

    public Task<Guid> HearingAsync(Guid caseId, string court, DateTimeOffset startsAt)
    {
        return portal.WithDbAsync(async db =>
        {
            var now = portal.Clock.GetUtcNow();
            var proceeding = new CourtProceeding(caseId, "RU", court, CourtInstance.FirstInstance, ProceedingType.Civil, "Recovery of wages",
                ProceedingClientRole.Claimant, Today.AddMonths(-1), Guid.NewGuid(), now);
            var hearing = new Hearing(proceeding.Id, caseId, startsAt, "Room 12", Guid.NewGuid(), now);
            db.CourtProceedings.Add(proceeding);
            db.Hearings.Add(hearing);
            await db.SaveChangesAsync();
            return hearing.Id;
        });
    }

    public Task<DigestRun?> RunAsync(Guid userId, DateOnly? day = null) =>
        portal.WithDbAsync(db => db.DigestRuns.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Day == (day ?? Today)));

    public Task<List<Notification>> NotificationsAsync(Guid userId) =>
        portal.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.Id).ToListAsync());
}
