using Microsoft.Extensions.Options;

namespace MigrantAid.Web.Features.Desk.Notifications;

public sealed record DigestRoundResult(int UsersPlanned, int Sent, int Failed);

/// <summary>
/// The reminder job: shortly after start and then every <see cref="ReminderOptions.Period"/>, makes the day's
/// notifications for every user whose day (in their office's time zone) has none yet, and sends the digest
/// e-mails that are due, retries included. Every instance runs it; the database decides who does what.
/// </summary>
public sealed partial class DailyDigestJob(
    IServiceScopeFactory scopes,
    IOptions<ReminderOptions> options,
    IOptions<SmtpOptions> smtp,
    TimeProvider clock,
    ILogger<DailyDigestJob> logger) : BackgroundService
{
    /// <summary>One round at <paramref name="now"/>. The timer calls it; tests call it directly.</summary>
    public async Task<DigestRoundResult> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        now = now.ToUniversalTime();
        await using var scope = scopes.CreateAsyncScope();
        var planned = await scope.ServiceProvider.GetRequiredService<ReminderPlanner>().PlanAsync(now, cancellationToken);
        var delivered = await scope.ServiceProvider.GetRequiredService<DigestDelivery>().SendDueAsync(now, cancellationToken);
        return new DigestRoundResult(planned, delivered.Sent, delivered.Failed);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.RunInBackground)
        {
            LogDisabled(logger);
            return;
        }

        if (!string.IsNullOrWhiteSpace(smtp.Value.Host) && string.IsNullOrWhiteSpace(smtp.Value.From))
        {
            LogNoSender(logger);
        }

        try
        {
            await Task.Delay(settings.FirstRunDelay, stoppingToken);
            using var timer = new PeriodicTimer(settings.Period > TimeSpan.Zero ? settings.Period : TimeSpan.FromMinutes(15));
            do
            {
                try
                {
                    var result = await RunOnceAsync(clock.GetUtcNow(), stoppingToken);
                    if (result.UsersPlanned + result.Sent + result.Failed > 0)
                    {
                        LogRound(logger, result.UsersPlanned, result.Sent, result.Failed);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database may be briefly away (a restart, a failover): the next round tries again.
                    LogRoundFailed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder job is off (Reminders:RunInBackground is false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Smtp:Host is set but Smtp:From is empty: digest e-mails stay off until a sender address is set")]
    private static partial void LogNoSender(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder round: {UsersPlanned} user(s) planned, {Sent} digest(s) sent, {Failed} failed")]
    private static partial void LogRound(ILogger logger, int usersPlanned, int sent, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder round failed; the next round tries again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
