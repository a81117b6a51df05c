using System.Text.RegularExpressions;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MigrantAid.Web.Features.Desk.Notifications;

/// <summary>A plain-text e-mail to one recipient, in one language.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body, string Language);

/// <summary>Sends e-mail; the reminder job knows nothing of SMTP.</summary>
public interface IMailSender
{
    bool IsConfigured { get; }

    /// <summary>Throws when the server cannot be reached or refuses the message.</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>
/// SMTP through MailKit: implicit TLS (port 465), STARTTLS, or none for a relay on the same network, and either a
/// password or an OAuth2 access token read from a file that an outside agent keeps fresh. A client per message.
/// </summary>
public sealed partial class SmtpMailSender(IOptionsMonitor<SmtpOptions> options) : IMailSender
{
    public bool IsConfigured => options.CurrentValue.IsConfigured;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var smtp = options.CurrentValue;
        using var message = Compose(smtp, mail);
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.SocketOptions(), cancellationToken);
        await AuthenticateAsync(client, smtp, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static MimeMessage Compose(SmtpOptions smtp, OutgoingMail mail)
    {
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Body = new TextPart("plain") { Text = mail.Body },
        };
        message.From.Add(new MailboxAddress("MigrantAid", smtp.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Headers.Add("Content-Language", mail.Language);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    private static async Task AuthenticateAsync(SmtpClient client, SmtpOptions smtp, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(smtp.UserName))
        {
            return;
        }

        if (string.IsNullOrEmpty(smtp.OAuth2TokenFile))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password, cancellationToken);
            return;
        }

        var token = (await File.ReadAllTextAsync(smtp.OAuth2TokenFile, cancellationToken)).Trim();
        await client.AuthenticateAsync(new SaslMechanismOAuth2(smtp.UserName, token), cancellationToken);
    }

    /// <summary>
    /// What went wrong, for the digest's record and the log: the exception types and messages (the server's answer),
    /// with anything that looks like an e-mail address taken out.
    /// </summary>
    public static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null && parts.Count < 4; e = e.InnerException)
        {
            var status = e is SmtpCommandException smtp ? $" ({smtp.StatusCode})" : "";
            parts.Add($"{e.GetType().Name}{status}: {e.Message}");
        }

        return EmailAddress().Replace(string.Join(" <- ", parts), "[address]");
    }

    [GeneratedRegex(@"[^\s<>""'(),;:]+@[^\s<>""'(),;:]+")]
    private static partial Regex EmailAddress();
}
