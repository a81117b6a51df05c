using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Features.Cases.CaseList;

/// <summary>Issue 12, point 11: a coordinator reassigns many cases at once (a lawyer leaves), audited per case with the reason.</summary>
public class BulkReassignTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Coordinator_reassigns_a_leaving_lawyers_cases_with_one_audit_event_per_case_holding_the_reason()
    {
        var office = await portal.Office().SaveAsync();
        await portal.CreateUserAsync("bulk-coord@test.local", Roles.Coordinator);
        var leaving = await PersonAsync("bulk-leaving@test.local", Roles.Lawyer, office.Id);
        var taking = await PersonAsync("bulk-taking@test.local", Roles.Lawyer, office.Id);
        var hers = await new CaseBuilder(portal, office).WithClient("Bulk leaving").AssignedTo(lead: leaving.Id).SaveManyAsync(3);
        var other = await new CaseBuilder(portal, office).WithClient("Bulk other").AssignedTo(lead: taking.Id).SaveAsync();
        var coordinator = await portal.SignedInClientAsync("bulk-coord@test.local");

        var list = "/cases?scope=all&lawyer=" + leaving.Id;
        var plain = await coordinator.GetDocumentAsync(list);
        plain.QuerySelectorAll("[data-testid=case-select]").Should().BeEmpty("the tick boxes come with the reassignment mode");
        plain.QuerySelector("#reassign-form").Should().BeNull();
        var open = plain.QuerySelector("[data-testid=reassign-open]")!.GetAttribute("href");
        open.Should().Contain("lawyer=" + leaving.Id).And.Contain("reassign=true", "the mode keeps the list's filters");
        var page = await coordinator.GetDocumentAsync(open!);
        page.QuerySelectorAll("[data-testid=case-select]").Select(c => c.GetAttribute("value")).Should().BeEquivalentTo(hers.Select(c => c.Id.ToString()));
        page.QuerySelector("#reassign-to option[value='lead_" + taking.Id + "']").Should().NotBeNull("an active lawyer of the office is offered");

        var response = await PostReassignAsync(coordinator, page, hers.Select(c => c.Id), "lead_" + taking.Id, "Ms Leaving left the organisation");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().StartWith("/cases?").And.Contain("lawyer=" + leaving.Id).And.Contain("reassign=true");
        var leads = await portal.WithDbAsync(db => db.Cases.Where(c => hers.Select(h => h.Id).Contains(c.Id)).Select(c => c.LeadLawyerId).ToListAsync());
        leads.Should().AllBeEquivalentTo((Guid?)taking.Id);
        var mine = hers.Select(c => c.Id.ToString()).Append(other.Id.ToString()).ToList();
        var audit = (await portal.AuditAsync("case.reassigned")).Where(a => mine.Contains(a.EntityId!)).ToList();
        audit.Select(a => a.EntityId).Should().BeEquivalentTo(hers.Select(c => c.Id.ToString()), "one audit event per case");
        audit.Should().AllSatisfy(a => a.Details.Should().Contain("Ms Leaving left the organisation").And.Contain(leaving.Id.ToString()).And.Contain(taking.Id.ToString()));
        (await portal.WithDbAsync(db => db.Cases.Where(c => c.Id == other.Id).Select(c => c.LeadLawyerId).SingleAsync())).Should().Be(taking.Id, "an unticked case is untouched");

        var after = await coordinator.GetDocumentAsync(response.Headers.Location.OriginalString);
        after.QuerySelector("[data-testid=reassign-done]")!.TextContent.Should().Contain("Cases reassigned: 3.");
        after.QuerySelectorAll("[data-testid=case-row]").Should().BeEmpty("the leaving lawyer has no cases left");
    }

    [Fact]
    public async Task A_lawyer_cannot_reassign_and_sees_no_selection()
    {
        var office = await portal.Office().SaveAsync();
        var lawyer = await PersonAsync("bulk-lawyer@test.local", Roles.Lawyer, office.Id);
        var mine = await new CaseBuilder(portal, office).WithClient("Bulk lawyer own").AssignedTo(lead: lawyer.Id).SaveAsync();
        var client = await portal.SignedInClientAsync("bulk-lawyer@test.local");

        var page = await client.GetDocumentAsync("/cases?reassign=true");
        page.QuerySelector("[data-testid=reassign-open]").Should().BeNull();
        page.QuerySelector("#reassign-form").Should().BeNull();
        page.QuerySelectorAll("[data-testid=case-select]").Should().BeEmpty();

        var response = await PostReassignAsync(client, page, [mine.Id], "lead_" + lawyer.Id, "Taking it over", "/cases/reassign");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await portal.AuditAsync("case.reassigned")).Should().NotContain(a => a.EntityId == mine.Id.ToString());
    }

    [Fact]
    public async Task Cases_out_of_reach_are_refused_with_a_message_while_the_others_are_reassigned()
    {
        var office = await portal.Office().SaveAsync();
        var elsewhere = await portal.Office().SaveAsync();
        await portal.CreateUserAsync("bulk-reach-coord@test.local", Roles.Coordinator);
        var caseworker = await PersonAsync("bulk-reach-cw@test.local", Roles.Caseworker, office.Id);
        var here = await new CaseBuilder(portal, office).WithClient("Bulk reach here").SaveAsync();
        var there = await new CaseBuilder(portal, elsewhere).WithClient("Bulk reach there").SaveAsync();
        var coordinator = await portal.SignedInClientAsync("bulk-reach-coord@test.local");
        var page = await coordinator.GetDocumentAsync("/cases?scope=all&reassign=true");

        var response = await PostReassignAsync(coordinator, page, [here.Id, there.Id, Guid.NewGuid()], "caseworker_" + caseworker.Id, "Office reorganised");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var caseworkers = await portal.WithDbAsync(db => db.Cases.Where(c => c.Id == here.Id || c.Id == there.Id).ToDictionaryAsync(c => c.Id, c => c.CaseworkerId));
        caseworkers[here.Id].Should().Be(caseworker.Id);
        caseworkers[there.Id].Should().BeNull("the caseworker does not work in that case's office");
        (await portal.AuditAsync("case.reassigned")).Should().ContainSingle(a => a.EntityId == here.Id.ToString() || a.EntityId == there.Id.ToString())
            .Which.EntityId.Should().Be(here.Id.ToString());
        var outcome = await coordinator.GetDocumentAsync(response.Headers.Location!.OriginalString);
        var refused = outcome.QuerySelectorAll("[data-testid=reassign-refused] li").Select(li => li.TextContent).ToList();
        refused.Should().HaveCount(2);
        refused.Should().Contain(r => r.Contains(there.Reference) && r.Contains("another office"));
        refused.Should().Contain(r => r.Contains("not found, or not yours to change"));
    }

    [Fact]
    public async Task A_reassignment_without_reason_or_person_is_refused_at_its_fields_and_keeps_the_ticks()
    {
        var office = await portal.Office().SaveAsync();
        await portal.CreateUserAsync("bulk-invalid-coord@test.local", Roles.Coordinator);
        var ticked = await new CaseBuilder(portal, office).WithClient("Bulk invalid").SaveAsync();
        var coordinator = await portal.SignedInClientAsync("bulk-invalid-coord@test.local");
        var page = await coordinator.GetDocumentAsync("/cases?scope=all&reassign=true&office=" + office.Id);

        var response = await PostReassignAsync(coordinator, page, [ticked.Id], "", "   ");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var again = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        again.QuerySelector("[data-testid=reassign-error-To]")!.TextContent.Should().Contain("Choose a lawyer or a caseworker");
        again.QuerySelector("[data-testid=reassign-error-Reason]")!.TextContent.Should().Contain("reason");
        again.QuerySelector($"[data-testid=case-select][value='{ticked.Id}']")!.HasAttribute("checked").Should().BeTrue("what was ticked is kept");
        (await portal.AuditAsync("case.reassigned")).Should().NotContain(a => a.EntityId == ticked.Id.ToString());
    }

    private async Task<AppUser> PersonAsync(string email, string role, Guid officeId)
    {
        var user = await portal.CreateUserAsync(email, role);
        await StaffBuilder.PlaceAsync(portal, user.Id, officeId);
        return user;
    }

    /// <summary>Posts the reassignment form of <paramref name="page"/> (or, for a user without it, to <paramref name="action"/> with the page's token).</summary>
    private static Task<HttpResponseMessage> PostReassignAsync(HttpClient client, IHtmlDocument page, IEnumerable<Guid> ids, string to, string reason, string? action = null)
    {
        var target = action ?? page.QuerySelector("#reassign-form")!.GetAttribute("action")!;
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = ids.Select(id => new KeyValuePair<string, string>("Ids", id.ToString())).ToList();
        fields.Add(new("To", to));
        fields.Add(new("Reason", reason));
        fields.Add(new("__RequestVerificationToken", token));
        return client.PostAsync(target, new FormUrlEncodedContent(fields));
    }
}
