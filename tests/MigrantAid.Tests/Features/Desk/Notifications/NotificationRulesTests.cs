using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Notifications;
using MigrantAid.Web.Features.Desk.Notifications;

namespace MigrantAid.Tests.Features.Desk.Notifications;

public class NotificationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-1, NotificationKind.DeadlineOverdue)]
    [InlineData(0, NotificationKind.DeadlineDueToday)]
    [InlineData(1, NotificationKind.DeadlineDueSoon)]
    [InlineData(7, NotificationKind.DeadlineDueSoon)]
    public void A_deadline_is_overdue_due_today_or_due_soon(int days, NotificationKind expected)
    {
        var today = new DateOnly(2026, 3, 2);

        Notification.KindOfDeadline(today.AddDays(days), today).Should().Be(expected);
    }

    [Fact]
    public void A_failed_digest_is_retried_after_growing_pauses_then_given_up()
    {
        var run = new DigestRun(Guid.NewGuid(), new DateOnly(2026, 3, 2), Now);
        run.AwaitEmail(3, Now);
        var at = Now;
        var pauses = new List<TimeSpan>();
        while (run.Status == DigestStatus.Pending)
        {
            run.AttemptFailed("SmtpException: boom", at);
            if (run.NextAttemptAt is { } next)
            {
                pauses.Add(next - at);
                at = next;
            }
        }

        pauses.Should().Equal(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(3));
        run.Status.Should().Be(DigestStatus.Failed);
        run.Attempts.Should().Be(DigestRun.MaxAttempts);
        run.LastError.Should().Be("SmtpException: boom");
    }

    [Fact]
    public void Only_a_failed_digest_can_be_sent_again()
    {
        var run = new DigestRun(Guid.NewGuid(), new DateOnly(2026, 3, 2), Now);
        run.AwaitEmail(1, Now);

        run.Invoking(r => r.Retry(Now)).Should().Throw<DomainException>();
        for (var i = 0; i < DigestRun.MaxAttempts; i++)
        {
            run.AttemptFailed("down", Now);
        }

        run.Retry(Now.AddHours(1));
        run.Status.Should().Be(DigestStatus.Pending);
        run.Attempts.Should().Be(0);
        run.NextAttemptAt.Should().Be(Now.AddHours(1));
    }

    [Fact]
    public void A_recorded_smtp_error_keeps_the_servers_answer_without_addresses()
    {
        var error = new MailKit.Net.Smtp.SmtpCommandException(MailKit.Net.Smtp.SmtpErrorCode.RecipientNotAccepted,
            MailKit.Net.Smtp.SmtpStatusCode.MailboxUnavailable, new MimeKit.MailboxAddress("", "olga.petrova@example.org"),
            "5.1.1 <olga.petrova@example.org>: Recipient address rejected");

        var text = SmtpMailSender.Describe(error);

        text.Should().Contain("SmtpCommandException").And.Contain("MailboxUnavailable")
            .And.NotContain("olga.petrova").And.NotContain("example.org");
    }
}
