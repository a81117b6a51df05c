using MailKit.Security;
using Microsoft.Extensions.Options;
using MigrantAid.Web.Features.Desk.Notifications;

namespace MigrantAid.Tests.Features.Desk.Notifications;

/// <summary>The MailKit sender against the capture server: what it sends and how it signs in.</summary>
public sealed class SmtpMailSenderTests : IAsyncLifetime
{
    private readonly SmtpCapture _server = new();

    public Task InitializeAsync()
    {
        _server.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_digest_arrives_with_its_language_and_cyrillic_text_intact()
    {
        var sender = Sender(new SmtpOptions { Host = "127.0.0.1", Port = _server.Port, From = "reminders@example.org" });

        await sender.SendAsync(new OutgoingMail("lawyer@example.org", "Сроки на сегодня", "Апелляция: 2 марта", "ru"), CancellationToken.None);

        var mail = _server.To("lawyer@example.org").Should().ContainSingle().Subject;
        mail.From.Should().Be("reminders@example.org");
        mail.Subject.Should().Be("Сроки на сегодня");
        mail.Body.Should().Contain("Апелляция: 2 марта");
        mail.Headers["Content-Language"].Should().Be("ru");
        mail.Headers["Auto-Submitted"].Should().Be("auto-generated");
        _server.Authentications.Should().BeEmpty("a relay without credentials is not asked to authenticate");
    }

    [Fact]
    public async Task A_user_name_and_password_sign_in_before_sending()
    {
        var sender = Sender(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = _server.Port,
            From = "reminders@example.org",
            UserName = "relay-user",
            Password = "s3cret",
        });

        await sender.SendAsync(new OutgoingMail("lawyer@example.org", "Digest", "Body", "en"), CancellationToken.None);

        _server.Authentications.Should().ContainSingle().Which.Should().Be("PLAIN \0relay-user\0s3cret");
        _server.To("lawyer@example.org").Should().ContainSingle();
    }

    [Fact]
    public async Task An_oauth2_token_is_read_from_its_file_at_every_send()
    {
        var tokenFile = Path.GetTempFileName();
        try
        {
            var sender = Sender(new SmtpOptions
            {
                Host = "127.0.0.1",
                Port = _server.Port,
                From = "reminders@example.org",
                UserName = "reminders@example.org",
                Password = "not-used",
                OAuth2TokenFile = tokenFile,
            });

            await File.WriteAllTextAsync(tokenFile, "first-token\n");
            await sender.SendAsync(new OutgoingMail("lawyer@example.org", "Digest", "Body", "en"), CancellationToken.None);
            await File.WriteAllTextAsync(tokenFile, "renewed-token");
            await sender.SendAsync(new OutgoingMail("lawyer@example.org", "Digest", "Body", "en"), CancellationToken.None);

            _server.Authentications.Should().Equal(
                "XOAUTH2 user=reminders@example.org\u0001auth=Bearer first-token\u0001\u0001",
                "XOAUTH2 user=reminders@example.org\u0001auth=Bearer renewed-token\u0001\u0001");
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }

    [Theory]
    [InlineData(SmtpSecurity.Auto, false, SecureSocketOptions.Auto)]
    [InlineData(SmtpSecurity.Auto, true, SecureSocketOptions.StartTls)]
    [InlineData(SmtpSecurity.SslOnConnect, false, SecureSocketOptions.SslOnConnect)]
    [InlineData(SmtpSecurity.StartTls, false, SecureSocketOptions.StartTls)]
    [InlineData(SmtpSecurity.None, true, SecureSocketOptions.None)]
    public void The_security_setting_chooses_how_the_connection_is_protected(SmtpSecurity security, bool enableSsl, SecureSocketOptions expected) =>
        new SmtpOptions { Security = security, EnableSsl = enableSsl }.SocketOptions().Should().Be(expected);

    private static SmtpMailSender Sender(SmtpOptions options) => new(new FixedOptions(options));

    private sealed class FixedOptions(SmtpOptions value) : IOptionsMonitor<SmtpOptions>
    {
        public SmtpOptions CurrentValue => value;

        public SmtpOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SmtpOptions, string?> listener) => null;
    }
}
