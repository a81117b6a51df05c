namespace MigrantAid.Web.Features.Desk.Notifications;

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

    /// <summary>
    /// How the connection is protected: <c>Auto</c> (the default: implicit TLS on port 465, STARTTLS elsewhere when the
    /// server offers it), <c>SslOnConnect</c> (implicit TLS), <c>StartTls</c> (required) or <c>None</c>.
    /// </summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>Older setting kept working: true requires STARTTLS when <see cref="Security"/> is left on Auto.</summary>
    public bool EnableSsl { get; set; }

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>
    /// A file holding an OAuth2 access token (XOAUTH2) for <see cref="UserName"/>, read at every send, so that an
    /// outside agent can keep it fresh; when set, <see cref="Password"/> is not used.
    /// </summary>
    public string OAuth2TokenFile { get; set; } = "";

    /// <summary>The sender address, e.g. reminders@example.org.</summary>
    public string From { get; set; } = "";

    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);

    public MailKit.Security.SecureSocketOptions SocketOptions() => Security switch
    {
        SmtpSecurity.SslOnConnect => MailKit.Security.SecureSocketOptions.SslOnConnect,
        SmtpSecurity.StartTls => MailKit.Security.SecureSocketOptions.StartTls,
        SmtpSecurity.None => MailKit.Security.SecureSocketOptions.None,
        _ when EnableSsl => MailKit.Security.SecureSocketOptions.StartTls,
        _ => MailKit.Security.SecureSocketOptions.Auto,
    };
}

public enum SmtpSecurity
{
    Auto,
    SslOnConnect,
    StartTls,
    None,
}
