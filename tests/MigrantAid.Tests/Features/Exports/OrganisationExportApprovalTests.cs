using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Exports;
using MigrantAid.Web.Features.Exports;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Tests.Features.Exports;

/// <summary>The organisation export of more cases than Exports:ApprovalAboveRows (issue 15, point 6): it starts only under another person's approval, and only its requester downloads it.</summary>
public class OrganisationExportApprovalTests(ApprovalPortal portal) : IClassFixture<ApprovalPortal>
{
    [Fact]
    public async Task An_organisation_beyond_the_setting_is_exported_only_after_another_admin_approves_and_only_for_the_requester()
    {
        var requester = await portal.CreateUserAsync("org-appr-requester@test.local", Roles.Admin);
        await portal.CreateUserAsync("org-appr-approver@test.local", Roles.Admin);
        var office = await portal.Office().SaveAsync();
        await portal.Case(office).SaveManyAsync(ApprovalPortal.Limit + 1);
        var client = await portal.SignedInClientAsync("org-appr-requester@test.local");

        var start = await client.SubmitFormAsync("/exports", [], "/exports");

        start.StatusCode.Should().Be(HttpStatusCode.OK, "the page asking for approval, not a queued export");
        (await HttpForms.PageAsync(start)).QuerySelector("[data-testid=export-needs-approval]")!.TextContent.Should().Be("This export needs approval");
        (await portal.WithDbAsync(db => db.Set<OrganisationExport>().CountAsync())).Should().Be(0);

        var asked = await HttpForms.PostFormAsync(client, await HttpForms.PageAsync(start), "/exports/requests", [new("Reason", "Move to the new server")]);
        asked.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var request = await portal.WithDbAsync(db => db.Set<ExportApproval>().SingleAsync(a => a.RequestedBy == requester.Id));
        request.Kind.Should().Be(ExportApprovalKind.Organisation);
        request.Rows.Should().BeGreaterThan(ApprovalPortal.Limit);
        var startApproved = $"/exports/requests/{request.Id}/start";
        (await client.PostWithTokenOfAsync("/export-approvals", startApproved, [])).StatusCode.Should().Be(HttpStatusCode.NotFound, "not approved yet");

        var approver = await portal.SignedInClientAsync("org-appr-approver@test.local");
        (await approver.PostWithTokenOfAsync("/export-approvals", $"/export-approvals/{request.Id}/approve", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await approver.PostWithTokenOfAsync("/export-approvals", startApproved, [])).StatusCode.Should().Be(HttpStatusCode.NotFound, "only the requester starts it");

        var mine = await client.GetDocumentAsync("/export-approvals");
        mine.QuerySelector($"[data-testid=own-row][data-request-id='{request.Id}'] [data-testid=approved-start]")!.Closest("form")!.GetAttribute("action")
            .Should().Be(startApproved, "the requester's own row offers to start the approved export");
        var started = await client.PostWithTokenOfAsync("/export-approvals", startApproved, []);
        started.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var exportId = HttpForms.IdIn(HttpForms.Location(started), 1);
        (await portal.WithDbAsync(db => db.Set<ExportApproval>().SingleAsync(a => a.Id == request.Id))).ExportId.Should().Be(exportId);
        (await portal.Services.GetRequiredService<OrganisationExportWorker>().ProcessNextAsync()).Should().Be(exportId);

        (await approver.GetAsync($"/exports/{exportId}/download")).StatusCode.Should().Be(HttpStatusCode.NotFound, "another administrator does not get it");
        var zip = await client.GetAsync($"/exports/{exportId}/download");
        zip.StatusCode.Should().Be(HttpStatusCode.OK);
        zip.Content.Headers.ContentType!.MediaType.Should().Be("application/zip");
        (await portal.AuditAsync(ExportApprovalAuditActions.Downloaded)).Should().ContainSingle(a => a.EntityId == request.Id.ToString() && a.ActorId == requester.Id);
        (await portal.AuditAsync(OrganisationExportAuditActions.Started)).Single(a => a.EntityId == exportId.ToString()).Details.Should().Contain(request.Id.ToString());

        portal.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        client = await portal.SignedInClientAsync("org-appr-requester@test.local");
        (await client.GetAsync($"/exports/{exportId}/download")).StatusCode.Should().Be(HttpStatusCode.NotFound, "an approval is good for 24 hours");
    }
}
