using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain.Notifications;
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

/// <summary>The reminder job's day in the offices' time zone (Moscow): its first round, and what a run left for a user.</summary>
public sealed class ReminderDay(PortalFactory portal)
{
    /// <summary>An hour into today in the offices' time zone: the job's first round of the day.</summary>
    public DateTimeOffset Morning => ReminderPlanner.StartOfDay(portal.Today(), TimeZoneInfo.FindSystemTimeZoneById(OfficeBuilder.DefaultTimeZone)).AddHours(1);

    public Task<DigestRun?> RunAsync(Guid userId, DateOnly? day = null) =>
        portal.WithDbAsync(db => db.DigestRuns.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Day == (day ?? portal.Today())));

    public Task<List<Notification>> NotificationsAsync(Guid userId) =>
        portal.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.Id).ToListAsync());
}
