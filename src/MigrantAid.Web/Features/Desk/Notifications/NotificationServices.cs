namespace MigrantAid.Web.Features.Desk.Notifications;

public static class NotificationServices
{
    /// <summary>Options, the mail sender and the daily reminder job (a hosted service unless Reminders:RunInBackground is false).</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section);
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddSingleton<DigestEmail>();
        services.AddScoped<ReminderPlanner>();
        services.AddScoped<DigestDelivery>();
        services.AddSingleton<DailyDigestJob>();
        services.AddHostedService(sp => sp.GetRequiredService<DailyDigestJob>());
        return services;
    }
}
