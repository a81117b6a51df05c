namespace MigrantAid.Web.Features.Notifications;

/// <summary>The daily reminder job ("Reminders" section).</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>False: the job never runs by itself (tests call <see cref="DailyDigestJob.RunOnceAsync"/>).</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>How long after start the job first looks for work.</summary>
    public TimeSpan FirstRunDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often it then looks: a user's digest is made soon after midnight in their office's time zone.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The desk's path under <c>Portal:PublicUrl</c>, linked from the e-mail.</summary>
    public string DeskPath { get; set; } = "/desk";
}

/// <summary>The outgoing mail server ("Smtp" section). No host: e-mail is off.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    /// <summary>STARTTLS (System.Net.Mail has no implicit TLS on port 465: use 587 with this on).</summary>
    public bool EnableSsl { get; set; }

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>The sender address, e.g. reminders@example.org.</summary>
    public string From { get; set; } = "";

    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}
