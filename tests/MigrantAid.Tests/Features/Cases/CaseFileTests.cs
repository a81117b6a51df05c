using System.Globalization;
using System.Net;
using System.Text.Json;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Security.Audit;
using static MigrantAid.Tests.Support.HttpForms;

namespace MigrantAid.Tests.Features.Cases;

public class CaseFileTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Case_view_and_changes_are_audited()
    {
        var office = await portal.Office().WithCode("AUD").SaveAsync();
        var caseworker = await portal.Staff("audit-caseworker@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Аудитов Рустам", null).OnBuildingSite().OpenedToday().OpenedBy(caseworker.Id).AssignedTo(caseworker.Id).SaveAsync()).Id;
        var client = await portal.SignedInClientAsync("audit-caseworker@test.local");

        (await client.GetAsync($"/cases/{caseId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync($"/cases/{caseId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await portal.AuditAsync(CaseAuditActions.CaseViewed)).Where(a => a.EntityId == caseId.ToString())
            .Should().HaveCount(2, "every view is recorded").And.OnlyContain(a => a.ActorId == caseworker.Id && a.EntityType == "case");

        Location(await PostFormAsync(client, $"/cases/{caseId}", $"/cases/{caseId}/notes", [new("Note.Kind", "Call"), new("Note.Text", "Called the client: the employer threatens him.")]))
            .Should().Be($"/cases/{caseId}#timeline");
        var noted = (await portal.AuditAsync(CaseAuditActions.CaseNoteAdded)).Should().ContainSingle(a => a.EntityId == caseId.ToString()).Subject;
        noted.Details.Should().NotContain("threatens", "narratives stay out of the audit trail");

        Location(await PostFormAsync(client, $"/cases/{caseId}", $"/cases/{caseId}/start", [])).Should().Be($"/cases/{caseId}");
        (await portal.AuditAsync(CaseAuditActions.CaseStatusChanged)).Should().ContainSingle(a => a.EntityId == caseId.ToString());

        Location(await PostFormAsync(client, $"/cases/{caseId}/edit", $"/cases/{caseId}/edit",
            [new("Title", "Wages withheld at a market"), new("Priority", "High")])).Should().Be($"/cases/{caseId}");
        var updated = (await portal.AuditAsync(CaseAuditActions.CaseUpdated)).Should().ContainSingle(a => a.EntityId == caseId.ToString()).Subject;
        var changes = JsonDocument.Parse(updated.Details!).RootElement.GetProperty("changes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("field").GetString()!, c => (c.GetProperty("old").ToString(), c.GetProperty("new").ToString()));
        changes.Should().BeEquivalentTo(new Dictionary<string, (string, string)>
        {
            ["Title"] = ("Unpaid wages on a building site", "Wages withheld at a market"),
            ["Priority"] = ("Normal", "High"),
        });

        var page = await client.GetDocumentAsync($"/cases/{caseId}");
        page.QuerySelectorAll("[data-testid=timeline-changes]").Should().Contain(c => c.TextContent.Contains("Wages withheld at a market"),
            "the case page shows its history: what changed, old and new");
    }

    [Fact]
    public async Task Concurrent_case_edit_is_refused_with_current_values()
    {
        var office = await portal.Office().WithCode("CON").SaveAsync();
        var caseworker = await portal.Staff("concurrent-caseworker@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        await portal.Staff("concurrent-coordinator@test.local").WithRoles(Roles.Coordinator).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Конкурентов Азамат", null).OnBuildingSite().OpenedToday().OpenedBy(caseworker.Id).AssignedTo(caseworker.Id).SaveAsync()).Id;
        var first = await portal.SignedInClientAsync("concurrent-caseworker@test.local");
        var second = await portal.SignedInClientAsync("concurrent-coordinator@test.local");
        var url = $"/cases/{caseId}/edit";
        var firstForm = await first.GetDocumentAsync(url);
        var secondForm = await second.GetDocumentAsync(url);

        Location(await PostFormAsync(first, firstForm, url, [new("Title", "Title from the caseworker"), new("Priority", "High")])).Should().Be($"/cases/{caseId}");
        var refused = await PostFormAsync(second, secondForm, url, [new("Title", "Title from the coordinator"), new("Priority", "Urgent"), new("IsConfidential", "true")]);

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await PageAsync(refused);
        page.QuerySelector("[data-testid=conflict]")!.TextContent.Should().Contain(portal.English("Someone else changed this case while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead."));
        page.QuerySelector("[data-testid=current-Title]")!.TextContent.Should().Be("Title from the caseworker");
        page.QuerySelector("[data-testid=current-Priority]")!.TextContent.Should().Be(portal.English("CasePriority.High"));
        page.QuerySelector("input[name=Title]")!.GetAttribute("value").Should().Be("Title from the coordinator", "the typed values are kept");
        var stored = await portal.StoredCaseAsync(caseId);
        stored.Title.Should().Be("Title from the caseworker", "nothing is overwritten silently");
        stored.IsConfidential.Should().BeFalse();

        Location(await PostFormAsync(second, page, url, [new("Title", "Title from the coordinator"), new("Priority", "Urgent")]))
            .Should().Be($"/cases/{caseId}", "saving again, having seen the other values, is a deliberate choice");
        (await portal.StoredCaseAsync(caseId)).Title.Should().Be("Title from the coordinator");
    }

    [Fact]
    public async Task Close_requires_outcome_and_date_not_before_opened()
    {
        var office = await portal.Office().WithCode("CLS").SaveAsync();
        var caseworker = await portal.Staff("close-caseworker@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Закрытов Шерзод", null).OnBuildingSite().OpenedToday().OpenedBy(caseworker.Id).AssignedTo(caseworker.Id).SaveAsync()).Id;
        var client = await portal.SignedInClientAsync("close-caseworker@test.local");
        var url = $"/cases/{caseId}/close";
        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var noOutcome = await PostFormAsync(client, url, url, [new("Outcome", ""), new("ClosedOn", ""), new("Note", "Paid in full")]);
        noOutcome.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await PageAsync(noOutcome);
        page.QuerySelector("[data-testid=error-Outcome]")!.TextContent.Should().Be(portal.English("Choose the outcome."));
        page.QuerySelector("[data-testid=error-ClosedOn]")!.TextContent.Should().Be(portal.English("Enter the date the case was closed."));
        page.QuerySelector("textarea[name=Note]")!.TextContent.Should().Be("Paid in full");

        var beforeOpened = await PostFormAsync(client, url, url, [new("Outcome", "ResolvedInFavour"), new("ClosedOn", Iso(portal.Today().AddDays(-1)))]);
        beforeOpened.StatusCode.Should().Be(HttpStatusCode.OK);
        (await PageAsync(beforeOpened)).QuerySelector("[data-testid=error-ClosedOn]")!.TextContent.Should().Be(portal.English("A case cannot be closed before it was opened."));

        var future = await PostFormAsync(client, url, url, [new("Outcome", "ResolvedInFavour"), new("ClosedOn", Iso(portal.Today().AddDays(1)))]);
        (await PageAsync(future)).QuerySelector("[data-testid=error-ClosedOn]")!.TextContent.Should().Be(portal.English("The closing date cannot be in the future."));
        (await portal.StoredCaseAsync(caseId)).Status.Should().Be(CaseStatus.Open, "a refused close changes nothing");

        Location(await PostFormAsync(client, url, url, [new("Outcome", "ResolvedInFavour"), new("ClosedOn", Iso(portal.Today())), new("Note", "Paid in full")]))
            .Should().Be($"/cases/{caseId}");
        var closed = await portal.StoredCaseAsync(caseId);
        closed.Status.Should().Be(CaseStatus.Closed);
        closed.Outcome.Should().Be(CaseOutcome.ResolvedInFavour);
        closed.ClosedOn.Should().Be(portal.Today());
        (await client.GetDocumentAsync($"/cases/{caseId}")).QuerySelector("[data-testid=case-outcome-value]")!.TextContent.Should().Be(portal.English("CaseOutcome.ResolvedInFavour"));
        (await portal.AuditAsync(CaseAuditActions.CaseClosed)).Should().ContainSingle(a => a.EntityId == caseId.ToString());

        var reopenUrl = $"/cases/{caseId}/reopen";
        var noReason = await PostFormAsync(client, reopenUrl, reopenUrl, [new("Reason", "")]);
        (await PageAsync(noReason)).QuerySelector("[data-testid=error-Reason]")!.TextContent.Should().Be(portal.English("Say why the case is reopened."));
        Location(await PostFormAsync(client, reopenUrl, reopenUrl, [new("Reason", "The employer stopped paying again.")])).Should().Be($"/cases/{caseId}");
        var reopened = await portal.StoredCaseAsync(caseId);
        reopened.Status.Should().Be(CaseStatus.InProgress);
        reopened.Outcome.Should().BeNull();
        (await portal.AuditAsync(CaseAuditActions.CaseReopened)).Should().ContainSingle(a => a.EntityId == caseId.ToString());
    }

    [Fact]
    public async Task Timeline_shows_notes_status_and_assignments_newest_first()
    {
        var office = await portal.Office().WithCode("TML").SaveAsync();
        var caseworker = await portal.Staff("timeline-caseworker@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var lawyer = await portal.Staff("timeline-lawyer@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Хронологов Бобур", null).OnBuildingSite().OpenedToday().OpenedBy(caseworker.Id).AssignedTo(caseworker.Id).SaveAsync()).Id;
        var client = await portal.SignedInClientAsync("timeline-caseworker@test.local");

        await PostFormAsync(client, $"/cases/{caseId}", $"/cases/{caseId}/notes", [new("Note.Kind", "Interview"), new("Note.Text", "First interview in the office.")]);
        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        Location(await PostFormAsync(client, $"/cases/{caseId}", $"/cases/{caseId}/start", [])).Should().Be($"/cases/{caseId}");
        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        Location(await PostFormAsync(client, $"/cases/{caseId}/assign", $"/cases/{caseId}/assign",
            [new("CaseworkerId", caseworker.Id.ToString()), new("LeadLawyerId", lawyer.Id.ToString())])).Should().Be($"/cases/{caseId}");
        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        await PostFormAsync(client, $"/cases/{caseId}", $"/cases/{caseId}/notes", [new("Note.Kind", "Court"), new("Note.Text", "Hearing set for next week.")]);

        var page = await client.GetDocumentAsync($"/cases/{caseId}");
        var entries = page.QuerySelectorAll("[data-testid=timeline-entry]").ToList();
        entries.Select(e => e.GetAttribute("data-kind")).Should().Equal("Note", "Assigned", "StatusChanged", "Note", "Assigned", "Opened");
        entries[0].QuerySelector("[data-testid=timeline-text]")!.TextContent.Should().Be("Hearing set for next week.");
        entries[0].QuerySelector("[data-testid=timeline-note-kind]")!.TextContent.Should().Be(portal.English("NoteKind.Court"));
        entries[0].QuerySelector("[data-testid=timeline-meta]")!.TextContent.Should().Contain(caseworker.FullName);
        entries[1].QuerySelector("[data-testid=timeline-assignment]")!.TextContent.Should().Contain(lawyer.FullName, "assignments name the people");
        entries[2].QuerySelector("[data-testid=timeline-status]")!.TextContent.Should().Be(portal.English("Status: {0} → {1}", portal.English("CaseStatus.Open"), portal.English("CaseStatus.InProgress")));
        entries[3].QuerySelector("[data-testid=timeline-text]")!.TextContent.Should().Be("First interview in the office.");
        entries[4].QuerySelector("[data-testid=timeline-assignment]")!.TextContent.Should().Contain(caseworker.FullName);
        var ids = entries.Select(e => long.Parse(e.GetAttribute("data-event-id")!, CultureInfo.InvariantCulture)).ToList();
        ids.Should().BeInDescendingOrder();
    }

    [Fact]
    public async Task Timeline_pages_by_fifty_with_an_older_link()
    {
        var office = await portal.Office().WithCode("PAG").SaveAsync();
        var caseworker = await portal.Staff("paging-caseworker@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Страничный Улугбек", null).OnBuildingSite().OpenedToday().OpenedBy(caseworker.Id).AssignedTo(caseworker.Id).SaveAsync()).Id;
        await portal.WithDbAsync(async db =>
        {
            var c = await db.Cases.FindAsync(caseId);
            for (var i = 1; i <= 60; i++)
            {
                c!.AddNote(NoteKind.Call, $"Call number {i}", caseworker.Id, portal.Clock.GetUtcNow());
            }

            return await db.SaveChangesAsync();
        });
        var client = await portal.SignedInClientAsync("paging-caseworker@test.local");

        var first = await client.GetDocumentAsync($"/cases/{caseId}");
        first.QuerySelectorAll("[data-testid=timeline-entry]").Should().HaveCount(50);
        first.QuerySelector("[data-testid=timeline-text]")!.TextContent.Should().Be("Call number 60");
        var older = first.QuerySelector("[data-testid=timeline-older]")!.GetAttribute("href")!;
        var second = await client.GetDocumentAsync(older.Split('#')[0]);
        var texts = second.QuerySelectorAll("[data-testid=timeline-entry]").Select(e => e.QuerySelector("[data-testid=timeline-text]")?.TextContent).ToList();
        texts.Should().HaveCount(12, "10 calls, the assignment and the opening remain");
        texts[0].Should().Be("Call number 10");
        second.QuerySelector("[data-testid=timeline-older]").Should().BeNull();
    }

    [Fact]
    public async Task Note_without_text_is_refused_at_the_field()
    {
        var office = await portal.Office().WithCode("NOT").SaveAsync();
        var caseworker = await portal.Staff("note-caseworker@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Заметкин Алишер", null).OnBuildingSite().OpenedToday().OpenedBy(caseworker.Id).AssignedTo(caseworker.Id).SaveAsync()).Id;
        var client = await portal.SignedInClientAsync("note-caseworker@test.local");

        var response = await PostFormAsync(client, $"/cases/{caseId}", $"/cases/{caseId}/notes", [new("Note.Kind", "Visit"), new("Note.Text", "   ")]);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await PageAsync(response);
        page.QuerySelector("[data-testid=note-error]")!.TextContent.Should().Be(portal.English("Write the note."));
        page.QuerySelector("select[name='Note.Kind'] option[selected]")!.GetAttribute("value").Should().Be("Visit");
    }

    [Fact]
    public async Task Family_member_is_added_by_search()
    {
        var office = await portal.Office().WithCode("FAM").SaveAsync();
        var caseworker = await portal.Staff("family-caseworker@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Семейный Отабек", null).OnBuildingSite().OpenedToday().OpenedBy(caseworker.Id).AssignedTo(caseworker.Id).SaveAsync()).Id;
        var child = (await portal.Client(office.Id).Named("Семейная Малика").BornIn(2015).SaveAsync()).Id;
        var client = await portal.SignedInClientAsync("family-caseworker@test.local");

        var search = await client.GetDocumentAsync($"/cases/{caseId}/clients/add?name=Semeynaya%20Malika");
        search.QuerySelectorAll("[data-testid=client-candidate]").Should().Contain(r => r.GetAttribute("data-client-id") == child.ToString());
        Location(await PostFormAsync(client, search, $"/cases/{caseId}/clients", [new("ClientId", child.ToString()), new("Role", "FamilyMember")]))
            .Should().Be($"/cases/{caseId}");

        (await portal.StoredCaseAsync(caseId)).Clients.Should().Contain(c => c.ClientId == child && c.Role == CaseClientRole.FamilyMember);
        var searchAgain = await client.GetDocumentAsync($"/cases/{caseId}/clients/add?name=Semeynaya%20Malika");
        searchAgain.QuerySelector($"[data-client-id='{child}'] form").Should().BeNull("a client already on the case is not offered again");

        var casePage = await client.GetDocumentAsync($"/cases/{caseId}");
        var again = await client.PostAsync($"/cases/{caseId}/clients", new FormUrlEncodedContent(
        [
            new("ClientId", child.ToString()),
            new("Role", "CoComplainant"),
            new("Version", casePage.QuerySelector("[data-testid=start-work-form] input[name=Version]")!.GetAttribute("value")!),
            new("__RequestVerificationToken", casePage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        ]));
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await PageAsync(again)).QuerySelector("[data-testid=error-ClientId]")!.TextContent.Should().Be(portal.English("This client is already on the case."));
    }
}
