using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Exports;
using MigrantAid.Web.Features.Cases.CaseList;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Tests.Features.Exports;

/// <summary>The case list export beyond Exports:ApprovalAboveRows (issue 15, point 6): requested, approved by another person, downloaded by the requester for 24 hours.</summary>
public class CaseExportApprovalTests(ApprovalPortal portal) : IClassFixture<ApprovalPortal>
{
    [Fact]
    public async Task An_export_over_the_setting_needs_another_persons_approval_then_only_its_requester_downloads_it_for_24_hours()
    {
        var requester = await portal.CreateUserAsync("appr-requester@test.local", Roles.Coordinator);
        var approver = await portal.CreateUserAsync("appr-approver@test.local", Roles.Coordinator);
        var office = await portal.Office().SaveAsync();
        await portal.Case(office).SaveManyAsync(ApprovalPortal.Limit + 1);
        var client = await portal.SignedInClientAsync("appr-requester@test.local");
        var export = $"/cases/export.csv?office={office.Id}&scope=all";

        var refused = await client.GetAsync(export);

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("text/html", "the page asking for approval, not the file");
        var page = await HttpForms.PageAsync(refused);
        page.QuerySelector("[data-testid=export-needs-approval]")!.TextContent.Should().Be("This export needs approval");
        page.QuerySelector("[data-testid=export-size]")!.TextContent.Should().Contain("3 rows").And.Contain("more than 2 rows");
        (await portal.AuditAsync(CaseListAuditActions.Exported)).Should().NotContain(a => a.ActorId == requester.Id, "nothing was exported");

        // The reason is required: the form comes back with the message, nothing is stored.
        var empty = await HttpForms.PostFormAsync(client, export, "/cases/export-requests", [new("Reason", "  ")]);
        empty.StatusCode.Should().Be(HttpStatusCode.OK);
        (await HttpForms.PageAsync(empty)).QuerySelector("[data-testid=export-reason-error]")!.TextContent.Should().Be("Give the reason for the export.");
        (await RequestsOfAsync(requester.Id)).Should().BeEmpty();

        var asked = await HttpForms.PostFormAsync(client, export, "/cases/export-requests", [new("Reason", "Annual report to the donor")]);
        asked.StatusCode.Should().Be(HttpStatusCode.Redirect);
        HttpForms.Location(asked).Should().Be("/export-approvals");
        var request = (await RequestsOfAsync(requester.Id)).Should().ContainSingle().Subject;
        request.Status.Should().Be(ExportApprovalStatus.Pending);
        request.Rows.Should().Be(3);
        request.Filters.Should().Contain("office=" + office.Id);
        request.FilterText.Should().Contain(office.Name);
        var download = $"/cases/export-requests/{request.Id}/download";
        (await client.GetAsync(download)).StatusCode.Should().Be(HttpStatusCode.NotFound, "not approved yet");

        // The requester sees the request, without the buttons, and may not decide it.
        var own = await client.GetDocumentAsync("/export-approvals");
        var row = own.QuerySelectorAll("[data-testid=pending-row]").Single(r => r.GetAttribute("data-request-id") == request.Id.ToString());
        row.QuerySelector("[data-testid=approve]").Should().BeNull();
        var self = await client.PostWithTokenOfAsync("/export-approvals", $"/export-approvals/{request.Id}/approve", []);
        self.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the requester cannot approve their own request");
        (await RequestsOfAsync(requester.Id)).Single().Status.Should().Be(ExportApprovalStatus.Pending);

        // Another coordinator sees who, which filters, how many rows and why, and approves.
        var other = await portal.SignedInClientAsync("appr-approver@test.local");
        var list = await other.GetDocumentAsync("/export-approvals");
        var pending = list.QuerySelectorAll("[data-testid=pending-row]").Single(r => r.GetAttribute("data-request-id") == request.Id.ToString());
        pending.TextContent.Should().Contain("Test appr-requester").And.Contain("appr-requester@test.local").And.Contain("Annual report to the donor");
        pending.QuerySelector("[data-testid=pending-rows]")!.TextContent.Should().Be("3");
        var approved = await HttpForms.PostFormAsync(other, list, $"/export-approvals/{request.Id}/approve", []);
        approved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await RequestsOfAsync(requester.Id)).Single().Status.Should().Be(ExportApprovalStatus.Approved);
        (await other.GetAsync(download)).StatusCode.Should().Be(HttpStatusCode.NotFound, "only the requester downloads it");

        var mine = await client.GetDocumentAsync("/export-approvals");
        mine.QuerySelector($"[data-testid=own-row][data-request-id='{request.Id}'] [data-testid=approved-download]")!.GetAttribute("href").Should().Be(download);
        var file = await client.GetAsync(download);
        file.StatusCode.Should().Be(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var lines = (await file.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("\"MigrantAid case list, exported by Test appr-requester <appr-requester@test.local> at ").And.Contain("Office " + office.Name);
        lines.Should().HaveCount(5, "the stamp, the header and the three approved cases, made with the stored filters");

        foreach (var action in new[] { ExportApprovalAuditActions.Requested, ExportApprovalAuditActions.Approved, ExportApprovalAuditActions.Downloaded })
        {
            (await portal.AuditAsync(action)).Should().ContainSingle(a => a.EntityId == request.Id.ToString(), "{0} is audited", action);
        }

        (await portal.AuditAsync(ExportApprovalAuditActions.Approved)).Single(a => a.EntityId == request.Id.ToString()).ActorId.Should().Be(approver.Id);
        var exported = (await portal.AuditAsync(CaseListAuditActions.Exported)).Should().ContainSingle(a => a.ActorId == requester.Id).Subject;
        using (var details = JsonDocument.Parse(exported.Details!))
        {
            details.RootElement.GetProperty("rows").GetInt32().Should().Be(3);
            details.RootElement.GetProperty("approval").GetString().Should().Be(request.Id.ToString());
        }

        portal.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        client = await portal.SignedInClientAsync("appr-requester@test.local");
        (await client.GetAsync(download)).StatusCode.Should().Be(HttpStatusCode.NotFound, "an approval is good for 24 hours");
    }

    [Fact]
    public async Task A_refused_request_cannot_be_downloaded_and_a_grown_list_needs_a_new_approval()
    {
        await portal.CreateUserAsync("appr-refused@test.local", Roles.Coordinator);
        await portal.CreateUserAsync("appr-refuser@test.local", Roles.Admin);
        var office = await portal.Office().SaveAsync();
        await portal.Case(office).SaveManyAsync(ApprovalPortal.Limit + 1);
        var client = await portal.SignedInClientAsync("appr-refused@test.local");
        var export = $"/cases/export.csv?office={office.Id}&scope=all";
        var admin = await portal.SignedInClientAsync("appr-refuser@test.local");

        async Task<Guid> AskAndDecideAsync(string decision)
        {
            (await HttpForms.PostFormAsync(client, export, "/cases/export-requests", [new("Reason", "Court bundle")])).StatusCode.Should().Be(HttpStatusCode.Redirect);
            var id = await portal.WithDbAsync(db => db.Set<ExportApproval>().Where(a => a.Status == ExportApprovalStatus.Pending && a.Filters.Contains(office.Id.ToString()))
                .Select(a => a.Id).SingleAsync());
            (await admin.PostWithTokenOfAsync("/export-approvals", $"/export-approvals/{id}/{decision}", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);
            return id;
        }

        var refused = await AskAndDecideAsync("refuse");
        (await client.GetAsync($"/cases/export-requests/{refused}/download")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a refused export is never made");
        (await portal.AuditAsync(ExportApprovalAuditActions.Refused)).Should().ContainSingle(a => a.EntityId == refused.ToString());
        (await client.GetDocumentAsync("/export-approvals")).QuerySelector($"[data-testid=own-row][data-request-id='{refused}']")!
            .GetAttribute("data-status").Should().Be("Refused");

        var approved = await AskAndDecideAsync("approve");
        await portal.Case(office).SaveAsync();
        var grown = await client.GetAsync($"/cases/export-requests/{approved}/download");
        grown.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await HttpForms.PageAsync(grown)).QuerySelector("[data-testid=export-grew]")!.TextContent.Should().Contain("4 rows").And.Contain("3 approved");
        (await portal.AuditAsync(ExportApprovalAuditActions.Downloaded)).Should().NotContain(a => a.EntityId == approved.ToString());
    }

    [Fact]
    public async Task An_export_within_the_setting_is_made_at_once()
    {
        await portal.CreateUserAsync("appr-small@test.local", Roles.Coordinator);
        var office = await portal.Office().SaveAsync();
        await portal.Case(office).SaveManyAsync(ApprovalPortal.Limit);
        var client = await portal.SignedInClientAsync("appr-small@test.local");

        var file = await client.GetAsync($"/cases/export.csv?office={office.Id}&scope=all");

        file.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
    }

    private Task<List<ExportApproval>> RequestsOfAsync(Guid userId) =>
        portal.WithDbAsync(db => db.Set<ExportApproval>().AsNoTracking().Where(a => a.RequestedBy == userId).ToListAsync());
}
