using System.Net;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Notifications;
using MigrantAid.Web.Features.Desk.Notifications;

namespace MigrantAid.Tests.Features.Desk.Notifications;

/// <summary>A mail server that refuses or is down: the digest is recorded, retried with pauses, never lost, never sent twice.</summary>
public class DigestFailureTests(ReminderPortal portal) : IClassFixture<ReminderPortal>
{
    private readonly ReminderDay _day = new(portal);

    [Fact]
    public async Task Refused_digest_is_recorded_retried_later_and_then_sent_once()
    {
        var office = await portal.Office().WithCode("DFA").SaveAsync();
        var lawyer = await portal.Staff("digest-refused@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var (caseId, reference) = await portal.Case(office).WithClient("Jamshid Yusupov", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync();
        await portal.Deadline(caseId).Titled("Appeal to the regional court").DueOn(portal.Today()).SaveAsync();
        var now = _day.Morning;

        portal.Smtp.Behaviour = SmtpBehaviour.RejectRecipient;
        try
        {
            await portal.Job.RunOnceAsync(now);
            var failed = await _day.RunAsync(lawyer.Id);
            failed!.Status.Should().Be(DigestStatus.Pending, "a refused e-mail is tried again");
            failed.Attempts.Should().Be(1);
            failed.NextAttemptAt.Should().Be(now + DigestRun.Backoff[0]);
            failed.LastError.Should().Contain("Recipient address rejected", "the server's answer is kept")
                .And.NotContain(lawyer.Email!, "addresses are taken out of the recorded error");

            await portal.Job.RunOnceAsync(now.AddMinutes(1));
            (await _day.RunAsync(lawyer.Id))!.Attempts.Should().Be(1, "the next attempt waits for its time");
        }
        finally
        {
            portal.Smtp.Behaviour = SmtpBehaviour.Accept;
        }

        await portal.Job.RunOnceAsync(now.AddMinutes(6));
        await portal.Job.RunOnceAsync(now.AddHours(2));

        var mail = portal.Smtp.To(lawyer.Email!).Should().ContainSingle().Subject;
        mail.Body.Should().Contain(reference);
        var sent = await _day.RunAsync(lawyer.Id);
        sent!.Status.Should().Be(DigestStatus.Sent);
        sent.Attempts.Should().Be(2);
        sent.LastError.Should().BeNull();

        var logged = portal.Logs.Entries.Where(e => e.Category.EndsWith(nameof(DigestDelivery), StringComparison.Ordinal)).ToList();
        logged.Should().Contain(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.AllText.Contains(lawyer.Id.ToString(), StringComparison.Ordinal),
            "a failure is logged with the user's id");
        portal.Logs.Entries.Should().NotContain(e => e.AllText.Contains(lawyer.Email!, StringComparison.OrdinalIgnoreCase), "e-mail addresses are never logged");
    }

    [Fact]
    public async Task Digest_that_keeps_failing_stays_visible_to_administrators_who_can_send_it_again()
    {
        var office = await portal.Office().WithCode("DFB").SaveAsync();
        var lawyer = await portal.Staff("digest-down@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var (caseId, _) = await portal.Case(office).WithClient("Timur Aliev", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync();
        await portal.Deadline(caseId).Titled("Appeal to the regional court").DueOn(portal.Today().AddDays(2)).SaveAsync();
        await portal.CreateUserAsync("digest-admin@test.local", Roles.Admin);
        var now = _day.Morning;

        portal.Smtp.Behaviour = SmtpBehaviour.CloseConnection;
        try
        {
            await portal.Job.RunOnceAsync(now);
            for (var attempt = 1; attempt < DigestRun.MaxAttempts; attempt++)
            {
                var pending = await _day.RunAsync(lawyer.Id);
                pending!.Status.Should().Be(DigestStatus.Pending);
                pending.Attempts.Should().Be(attempt);
                await portal.Job.RunOnceAsync(pending.NextAttemptAt!.Value);
            }
        }
        finally
        {
            portal.Smtp.Behaviour = SmtpBehaviour.Accept;
        }

        var failed = await _day.RunAsync(lawyer.Id);
        failed!.Status.Should().Be(DigestStatus.Failed);
        failed.Attempts.Should().Be(DigestRun.MaxAttempts);
        failed.LastError.Should().NotBeNullOrEmpty();
        await portal.Job.RunOnceAsync(now.AddHours(12));
        portal.Smtp.To(lawyer.Email!).Should().BeEmpty("a failed digest waits for an administrator");

        var admin = await portal.SignedInClientAsync("digest-admin@test.local");
        var page = await admin.GetDocumentAsync("/notifications/deliveries");
        var row = page.QuerySelector($"[data-testid=delivery][data-user-id='{lawyer.Id}']");
        row.Should().NotBeNull("the failed digest is listed");
        row!.GetAttribute("data-status").Should().Be(nameof(DigestStatus.Failed));
        row.TextContent.Should().Contain(lawyer.Email!);
        var nextPage = await admin.GetDocumentAsync(
            $"/notifications/deliveries?beforeDay={portal.Today().AddDays(1):yyyy-MM-dd}&beforeUser={Guid.Empty}");
        nextPage.QuerySelector($"[data-testid=delivery][data-user-id='{lawyer.Id}']").Should().NotBeNull("a page starting after tomorrow lists today's");
        var pastPage = await admin.GetDocumentAsync($"/notifications/deliveries?beforeDay={portal.Today():yyyy-MM-dd}&beforeUser={Guid.Empty}");
        pastPage.QuerySelector($"[data-testid=delivery][data-user-id='{lawyer.Id}']").Should().BeNull("the keyset page starts before it");

        var retry = await HttpForms.PostFormAsync(admin, page, "/notifications/deliveries/retry",
            [new("userId", lawyer.Id.ToString()), new("day", portal.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))]);
        retry.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await portal.AuditAsync(NotificationAuditActions.DigestRetried)).Should().ContainSingle(a => a.EntityId!.StartsWith(lawyer.Id.ToString(), StringComparison.Ordinal));

        // The administrator's retry is due from the portal's clock's "now".
        await portal.Job.RunOnceAsync(portal.Clock.GetUtcNow().AddSeconds(1));
        await portal.Job.RunOnceAsync(portal.Clock.GetUtcNow().AddMinutes(1));

        portal.Smtp.To(lawyer.Email!).Should().ContainSingle();
        (await _day.RunAsync(lawyer.Id))!.Status.Should().Be(DigestStatus.Sent);
        (await admin.GetDocumentAsync("/notifications/deliveries"))
            .QuerySelector($"[data-testid=delivery][data-user-id='{lawyer.Id}']").Should().BeNull("a sent digest leaves the list");
    }

    [Fact]
    public async Task Only_administrators_open_the_digest_deliveries()
    {
        await portal.CreateUserAsync("digest-deliveries-lawyer@test.local", Roles.Lawyer);
        var lawyer = await portal.SignedInClientAsync("digest-deliveries-lawyer@test.local");

        (await lawyer.GetAsync("/notifications/deliveries")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
