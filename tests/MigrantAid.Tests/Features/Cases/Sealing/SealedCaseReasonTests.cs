using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Cases.CaseDocuments;
using MigrantAid.Web.Features.Cases.Sealing;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Tests.Features.Cases.Sealing;

/// <summary>
/// A reason for every view of a sealed case (issue 15, point 5): a named person is asked why before any page of the case,
/// its client or its intake; the reason holds for that case in that sign-in session for 30 minutes, and every view
/// audited meanwhile carries it. After that, or in a new session, the form asks again.
/// </summary>
public class SealedCaseReasonTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Reason = "Preparing the hearing of 12 May";

    [Fact]
    public async Task A_named_lawyer_sees_the_content_only_after_giving_a_reason_which_the_audit_keeps_for_30_minutes()
    {
        var office = await portal.Office().SaveAsync();
        var coordinator = await portal.Staff("reason-coordinator@test.local").WithRoles(Roles.Coordinator).SaveAsync();
        var lawyer = await portal.Staff("reason-lawyer@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var built = await portal.Case(office).WithClient("Свидетелева Нодира").OnBuildingSite().OpenedToday()
            .AssignedTo(lead: lawyer.Id).Sealed(coordinator.Id, lawyer.Id).SaveAsync();
        var document = await new DocumentBuilder(portal, built.Id, "testimony.pdf").SaveAsync();
        var client = await portal.SignedInClientAsync("reason-lawyer@test.local");
        var casePage = $"/cases/{built.Id}";

        foreach (var url in new[] { casePage, $"{casePage}/summary", $"{casePage}/documents/{document}", $"{casePage}/deadlines/new", $"/clients/{built.ClientId}" })
        {
            var asked = await client.GetAsync(url);
            asked.StatusCode.Should().Be(HttpStatusCode.Redirect, "{0} asks for a reason first", url);
            asked.Headers.Location!.ToString().Should().Be($"{casePage}/reason?returnUrl={Uri.EscapeDataString(url)}");
            (await asked.Content.ReadAsStringAsync()).Should().NotContain("Свидетелева");
        }

        (await client.GetAsync($"/intakes/{built.IntakeId}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a lawyer opens an intake only as its author, sealed or not");
        var asCoordinator = await portal.SignedInClientAsync("reason-coordinator@test.local");
        (await asCoordinator.GetAsync($"/intakes/{built.IntakeId}")).Headers.Location!.ToString()
            .Should().StartWith($"{casePage}/reason?returnUrl=", "the intake of a sealed case asks its named coordinator for a reason");

        var form = await client.GetAsync($"{casePage}/reason?returnUrl={Uri.EscapeDataString(casePage)}");
        form.StatusCode.Should().Be(HttpStatusCode.OK);
        var formText = await form.Content.ReadAsStringAsync();
        formText.Should().NotContain("Свидетелева", "the reason form shows nothing of the case's content").And.NotContain("Worked three months");
        (await portal.AuditAsync(CaseAuditActions.CaseViewed)).Should().BeEmpty("nothing of the case was shown yet");

        var empty = await PostReasonAsync(client, built.Id, "  ", casePage);
        empty.StatusCode.Should().Be(HttpStatusCode.OK);
        (await HttpForms.PageAsync(empty)).QuerySelector("[data-valmsg-for=Reason]")!.TextContent.Should().Be(portal.English("Say why you are opening this sealed case."));
        var tooLong = await PostReasonAsync(client, built.Id, new string('x', 501), casePage);
        tooLong.StatusCode.Should().Be(HttpStatusCode.OK);
        var kept = await HttpForms.PageAsync(tooLong);
        kept.QuerySelector("[data-valmsg-for=Reason]")!.TextContent.Should().NotBeEmpty();
        kept.QuerySelector("textarea[name=Reason]")!.TextContent.Should().HaveLength(501, "what was typed is kept");
        (await client.GetAsync(casePage)).StatusCode.Should().Be(HttpStatusCode.Redirect, "a refused reason opens nothing");

        var given = await PostReasonAsync(client, built.Id, Reason, casePage);
        HttpForms.Location(given).Should().Be(casePage);
        (await portal.AuditAsync(SealingAuditActions.ReasonGiven)).Should().ContainSingle(a => a.ActorId == lawyer.Id && a.EntityId == built.Id.ToString())
            .Which.Details.Should().Contain(Reason);

        var page = await client.GetDocumentAsync(casePage);
        page.Body!.TextContent.Should().Contain("Свидетелева", "the content is shown once the reason is given");
        page.QuerySelector("[data-testid=case-sealed]")!.TextContent.Trim().Should().Be("Sealed");
        page.QuerySelector("[data-testid=sealed-notice]")!.TextContent.Should().Contain("Test reason-lawyer").And.Contain("Test reason-coordinator");
        ReasonOf((await portal.AuditAsync(CaseAuditActions.CaseViewed)).Should().ContainSingle().Which).Should().Be(Reason);

        portal.Clock.Advance(TimeSpan.FromMinutes(29));
        (await client.GetAsync($"{casePage}/summary")).StatusCode.Should().Be(HttpStatusCode.OK, "the reason holds for 30 minutes without asking");
        (await client.GetAsync($"{casePage}/documents/{document}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync($"/clients/{built.ClientId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        ReasonOf((await portal.AuditAsync(CaseAuditActions.CaseSummaryPrinted)).Should().ContainSingle().Which).Should().Be(Reason);
        ReasonOf((await portal.AuditAsync(CaseDocumentAuditActions.Downloaded)).Should().ContainSingle().Which).Should().Be(Reason);
        ReasonOf((await portal.AuditAsync(ClientAuditActions.Viewed)).Should().ContainSingle().Which).Should().Be(Reason);

        portal.Clock.Advance(TimeSpan.FromMinutes(2));
        (await client.GetAsync(casePage)).StatusCode.Should().Be(HttpStatusCode.Redirect, "after 30 minutes the form asks again");
        var again = await portal.SignedInClientAsync("reason-lawyer@test.local");
        await PostReasonAsync(again, built.Id, "Second look", casePage);
        (await again.GetAsync(casePage)).StatusCode.Should().Be(HttpStatusCode.OK);
        var other = await portal.SignedInClientAsync("reason-lawyer@test.local");
        (await other.GetAsync(casePage)).StatusCode.Should().Be(HttpStatusCode.Redirect, "a reason holds for its own sign-in session only");
        var stored = await portal.WithDbAsync(db => db.SealedViewReasons.AsNoTracking().Where(r => r.CaseId == built.Id).ToListAsync());
        stored.Should().ContainSingle("the expired reason was cleared").Which.Reason.Should().Be("Second look");
    }

    [Fact]
    public async Task The_audit_log_shows_the_reason_and_the_reason_form_is_only_for_named_people()
    {
        var office = await portal.Office().SaveAsync();
        var coordinator = await portal.Staff("reason-log-coordinator@test.local").WithRoles(Roles.Coordinator).SaveAsync();
        await portal.Staff("reason-log-admin@test.local").WithRoles(Roles.Admin).SaveAsync();
        await portal.Staff("reason-log-lawyer@test.local").InOffice(office).WithRoles(Roles.Lawyer).SaveAsync();
        var built = await portal.Case(office).OpenedToday().Sealed(coordinator.Id).SaveAsync();
        var plain = await portal.Case(office).OpenedToday().SaveAsync();

        var asCoordinator = await portal.SignedInClientAsync("reason-log-coordinator@test.local");
        var outside = await PostReasonAsync(asCoordinator, built.Id, "Checking the file", "https://example.org/steal");
        HttpForms.Location(outside).Should().Be($"/cases/{built.Id}", "only a local address is followed after the reason");
        (await asCoordinator.GetAsync($"/cases/{plain.Id}/reason")).Headers.Location!.ToString().Should().Be($"/cases/{plain.Id}", "a case not sealed asks no reason");
        var asLawyer = await portal.SignedInClientAsync("reason-log-lawyer@test.local");
        (await asLawyer.GetAsync($"/cases/{built.Id}/reason")).StatusCode.Should().Be(HttpStatusCode.NotFound, "someone not named learns nothing of the case");

        var log = await (await portal.SignedInClientAsync("reason-log-admin@test.local")).GetDocumentAsync("/audit?action=" + SealingAuditActions.ReasonGiven);
        log.QuerySelector("[data-testid=audit-view-reason]")!.TextContent.Should().Contain("Checking the file");
    }

    private static async Task<HttpResponseMessage> PostReasonAsync(HttpClient client, Guid caseId, string reason, string returnUrl)
    {
        var token = await client.TokenOnAsync($"/cases/{caseId}/reason?returnUrl={Uri.EscapeDataString(returnUrl)}");
        return await client.PostAsync($"/cases/{caseId}/reason",
            new FormUrlEncodedContent([new("Reason", reason), new("ReturnUrl", returnUrl), new("__RequestVerificationToken", token)]));
    }

    private static string? ReasonOf(AuditEvent audit)
    {
        using var details = JsonDocument.Parse(audit.Details!);
        return details.RootElement.TryGetProperty("viewReason", out var reason) ? reason.GetString() : null;
    }
}
