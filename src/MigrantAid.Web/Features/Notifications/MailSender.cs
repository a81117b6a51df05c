using System.Net;
using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace MigrantAid.Web.Features.Notifications;

/// <summary>A plain-text e-mail to one recipient, in one language.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body, string Language);

/// <summary>Sends e-mail; the reminder job knows nothing of SMTP.</summary>
public interface IMailSender
{
    bool IsConfigured { get; }

    /// <summary>Throws when the server cannot be reached or refuses the message.</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>SMTP through System.Net.Mail (MailKit cannot be restored here). A client per message: SmtpClient is not thread-safe.</summary>
public sealed partial class SmtpMailSender(IOptionsMonitor<SmtpOptions> options) : IMailSender
{
    public bool IsConfigured => options.CurrentValue.IsConfigured;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var smtp = options.CurrentValue;
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = smtp.TimeoutSeconds * 1000,
        };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        using var message = new MailMessage(new MailAddress(smtp.From, "MigrantAid"), new MailAddress(mail.To))
        {
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = mail.Body,
            BodyEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        message.Headers.Add("Content-Language", mail.Language);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        await client.SendMailAsync(message, cancellationToken);
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
            var status = e is SmtpException smtp ? $" ({smtp.StatusCode})" : "";
            parts.Add($"{e.GetType().Name}{status}: {e.Message}");
        }

        return EmailAddress().Replace(string.Join(" <- ", parts), "[address]");
    }

    [GeneratedRegex(@"[^\s<>""'(),;:]+@[^\s<>""'(),;:]+")]
    private static partial Regex EmailAddress();
}
