using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using Npgsql;
using static MigrantAid.Tests.Support.HttpForms;

namespace MigrantAid.Tests.Features.Cases;

/// <summary>A note only appends to the timeline, so a change of the case by someone else never refuses it.</summary>
public class CaseNoteConcurrencyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_note_lands_though_the_case_is_changed_while_it_is_saved()
    {
        var office = await portal.Office().WithCode("NCC").SaveAsync();
        var caseworker = await portal.Staff("note-race-cw@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Заметкина Дилноза", null).OnBuildingSite().OpenedToday().OpenedBy(caseworker.Id).AssignedTo(caseworker.Id).SaveAsync()).Id;
        var client = await portal.SignedInClientAsync("note-race-cw@test.local");
        var page = await client.GetDocumentAsync($"/cases/{caseId}");

        // Someone else's save holds the case row: the note's request reads the case, then waits for the row,
        // which has a new version by the time it gets it (the old handler then refused "the case changed").
        await using var other = new NpgsqlConnection(portal.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var touch = new NpgsqlCommand("UPDATE cases SET updated_at = updated_at WHERE id = @id", other, transaction))
        {
            touch.Parameters.AddWithValue("id", caseId);
            await touch.ExecuteNonQueryAsync();
        }

        var posting = PostFormAsync(client, page, $"/cases/{caseId}/notes", [new("Note.Kind", "Call"), new("Note.Text", "Called while the case was edited.")]);
        await WaitForLockWaitAsync(portal.ConnectionString, posting);
        await transaction.CommitAsync();
        var response = await posting;

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "a note overwrites nothing, so no version check refuses it");
        (await NotesAsync(caseId)).Should().ContainSingle().Which.Should().Be("Called while the case was edited.");
    }

    [Fact]
    public async Task Two_people_adding_notes_at_once_both_keep_them()
    {
        var office = await portal.Office().WithCode("NCT").SaveAsync();
        var lawyer = await portal.Staff("note-both-lawyer@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var caseworker = await portal.Staff("note-both-cw@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Двоенотов Азиз", null).OnBuildingSite().OpenedToday().OpenedBy(caseworker.Id).AssignedTo(caseworker.Id, lawyer.Id).SaveAsync()).Id;
        var first = await portal.SignedInClientAsync("note-both-lawyer@test.local");
        var second = await portal.SignedInClientAsync("note-both-cw@test.local");
        var pages = new[] { await first.GetDocumentAsync($"/cases/{caseId}"), await second.GetDocumentAsync($"/cases/{caseId}") };

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            PostFormAsync(i % 2 == 0 ? first : second, pages[i % 2], $"/cases/{caseId}/notes", [new("Note.Kind", "Call"), new("Note.Text", $"Note {i}")])));

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Redirect);
        (await NotesAsync(caseId)).Should().BeEquivalentTo(Enumerable.Range(0, 6).Select(i => $"Note {i}"));
    }

    private Task<List<string?>> NotesAsync(Guid caseId) =>
        portal.WithDbAsync(db => db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId && e.Kind == CaseEventKind.Note).Select(e => e.Text).ToListAsync());

    /// <summary>Until a statement of the portal waits for a row lock (or the request ended without waiting).</summary>
    private static async Task WaitForLockWaitAsync(string connectionString, Task request)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()", connection);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((long)(await waiting.ExecuteScalarAsync())! == 0 && !request.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }
}
