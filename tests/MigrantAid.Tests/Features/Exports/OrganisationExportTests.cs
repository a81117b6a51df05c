using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Exports;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Exports;

namespace MigrantAid.Tests.Features.Exports;

public class OrganisationExportTests(ExportPortal portal) : IClassFixture<ExportPortal>
{
    // Seeded into every narrative and contact field: none may appear anywhere in the zip.
    private const string Narrative = "Narrative-Kolpino-brigade-7431";
    private const string ClientName = "Zafarov Distinctname";
    private const string Phone = "+7 921 555-01-23";
    private const string Email = "zafarov.unique@mail.test";
    private const string Address = "Ulitsa Sekretnaya 17";
    private const string DocumentNumber = "AB7654321";
    private const string RespondentName = "OOO Stroy-Respondent-Unique";
    private const string CourtNumber = "5-1234/2026-UNIQUE";
    private const string Judge = "Judge Ivanova-Unique";
    private const string SealedTitle = "Witness-Sealed-Title-Unique";

    private static readonly string[] Forbidden =
        [Narrative, ClientName, "Zafarov", Phone, "555-01-23", Email, Address, DocumentNumber, RespondentName, CourtNumber, Judge, SealedTitle];

    private OrganisationExportWorker Worker => portal.Services.GetRequiredService<OrganisationExportWorker>();

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Lawyer)]
    [InlineData(Roles.Caseworker)]
    public async Task Staff_who_are_not_admins_cannot_see_start_or_download_exports(string role)
    {
        var email = $"export-refused-{role.ToLowerInvariant()}@test.local";
        await portal.CreateUserAsync(email, role);
        var existing = await QueueAsAdminAsync($"export-refused-admin-{role.ToLowerInvariant()}@test.local");
        var client = await portal.SignedInClientAsync(email);

        foreach (var url in new[] { "/exports", $"/exports/{existing}", $"/exports/{existing}/status", $"/exports/{existing}/download" })
        {
            (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "{0} is not an administrator ({1})", role, url);
        }

        var profile = await client.GetDocumentAsync("/profile");
        var token = profile.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await portal.WithDbAsync(db => db.Set<MigrantAid.Web.Domain.Exports.OrganisationExport>().CountAsync());
        var post = await client.PostAsync("/exports", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        post.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await portal.WithDbAsync(db => db.Set<MigrantAid.Web.Domain.Exports.OrganisationExport>().CountAsync())).Should().Be(before, "a refused start queues nothing");
        (await portal.AuditAsync(OrganisationExportAuditActions.Started)).Should().NotContain(a => a.ActorEmail == email);
        await DrainAsync();
    }

    [Fact]
    public async Task Admin_export_holds_every_file_described_in_the_readme_with_every_row_and_no_narrative_or_contact()
    {
        var admin = await portal.CreateUserAsync("export-admin@test.local", Roles.Admin);
        await SeedSensitiveCaseAsync(admin.Id);
        var client = await portal.SignedInClientAsync("export-admin@test.local");
        (await client.GetDocumentAsync("/exports")).QuerySelector("[data-testid=start-export]")!.TextContent.Trim().Should().Be("Start an export");

        var started = await client.SubmitFormAsync("/exports", [], "/exports");

        started.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = started.Headers.Location!.ToString();
        var id = Guid.Parse(location.Split('/')[^1]);
        var audit = (await portal.AuditAsync(OrganisationExportAuditActions.Started)).Should().ContainSingle(a => a.EntityId == id.ToString()).Subject;
        audit.ActorId.Should().Be(admin.Id);
        var queued = await client.GetDocumentAsync(location);
        queued.QuerySelector("[data-testid=export-status]")!.GetAttribute("data-status").Should().Be("Queued");
        queued.QuerySelector("[data-testid=export-download]").Should().BeNull("nothing is written yet");

        // The worker writes it, as the background service would; every saved step is read back over HTTP.
        var seen = new List<JsonElement>();
        var pagePercents = new List<string>();
        (await Worker.ProcessNextAsync(async step =>
        {
            seen.Add(JsonDocument.Parse(await client.GetStringAsync($"/exports/{id}/status")).RootElement.Clone());
            if (step.CurrentFile == "cases.csv" && pagePercents.Count == 0)
            {
                var page = await client.GetDocumentAsync(location);
                pagePercents.Add(page.QuerySelector("[data-testid=export-progressbar]")!.GetAttribute("value")!);
                page.QuerySelector("[data-testid=export-progress-text]")!.TextContent.Should().Contain("cases.csv", "the page names the file being written");
            }
        })).Should().Be(id);

        var running = seen.Where(s => s.GetProperty("status").GetString() == "Running").ToList();
        running.Should().HaveCountGreaterThan(ExportCatalogue.Files.Count, "progress is saved after every batch of two rows");
        running.Select(s => s.GetProperty("rowsWritten").GetInt64()).Should().BeInAscendingOrder();
        running.Should().Contain(s => s.GetProperty("percent").GetInt32() > 0 && s.GetProperty("percent").GetInt32() < 100);
        running.Select(s => s.GetProperty("currentFile").GetString()).Should().Contain(ExportCatalogue.Files.Select(f => f.Name));
        pagePercents.Should().ContainSingle().Which.Should().NotBe("0");

        var done = await client.GetDocumentAsync(location);
        done.QuerySelector("[data-testid=export-status]")!.GetAttribute("data-status").Should().Be("Completed");
        var link = done.QuerySelector("[data-testid=export-download]")!.GetAttribute("href")!;
        var response = await client.GetAsync(link);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/zip");
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().StartWith("migrantaid-export-").And.EndWith(".zip");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        (await portal.WithDbAsync(db => db.Set<MigrantAid.Web.Domain.Exports.OrganisationExport>().SingleAsync(e => e.Id == id)))
            .SizeBytes.Should().Be(bytes.Length);
        var downloaded = (await portal.AuditAsync(OrganisationExportAuditActions.Downloaded)).Should().ContainSingle(a => a.EntityId == id.ToString()).Subject;
        downloaded.ActorId.Should().Be(admin.Id);

        var files = ReadZip(bytes);
        files.Keys.Should().BeEquivalentTo(ExportCatalogue.Files.Select(f => f.Name).Append("README.md"));
        var readme = files["README.md"];
        var expected = await IndependentCountsAsync();
        expected.Keys.Should().BeEquivalentTo(ExportCatalogue.Files.Select(f => f.Name), "every file has a count made by the test");
        foreach (var file in ExportCatalogue.Files)
        {
            var records = Csv(files[file.Name]);
            var header = records[0];
            header.Should().NotBeEmpty();
            var section = Section(readme, file.Name);
            foreach (var column in header)
            {
                section.Should().Contain($"| `{column}` |", "README describes column {0} of {1}", column, file.Name);
            }

            ((long)records.Count - 1).Should().Be(expected[file.Name], "{0} holds every row of its table", file.Name);
            section.Should().Contain($"Rows: {expected[file.Name]}.");
        }

        readme.Should().Contain("Exported: ").And.Contain("## Left out");
        readme.Should().Contain("Exported by: Test export-admin <export-admin@test.local>", "the zip names who exported it");
        foreach (var (name, text) in files)
        {
            foreach (var secret in Forbidden)
            {
                text.Should().NotContain(secret, "{0} must hold no narrative, name or contact", name);
            }
        }

        var clients = Csv(files["clients.csv"]);
        clients[0].Should().NotContain(["full_name", "patronymic", "latin_name", "birth_date", "current_city"]);
        clients.Should().Contain(r => r[0] == _seededClient.ToString() && r.Contains("TJ"));
        Csv(files["users.csv"])[0].Should().NotContain(["email", "phone_number", "password_hash", "user_name"]);
        files["users.csv"].Should().NotContain("export-admin@test.local");
        var cases = Csv(files["cases.csv"]);
        var seededCase = cases.Single(r => r[0] == _seededCase.ToString());
        seededCase[cases[0].IndexOf("status")].Should().Be("Closed", "enums are written as names");
        seededCase[cases[0].IndexOf("opened_on")].Should().Be("2026-03-02");
        Csv(files["case_events.csv"]).Should().Contain(r => r[1] == _seededCase.ToString() && r.Contains("Note"));
        var sealedCase = cases.Single(r => r[0] == _sealedCase.ToString());
        sealedCase[cases[0].IndexOf("is_sealed")].Should().Be("true", "a sealed case's facts stay in the organisation's data");
        sealedCase[cases[0].IndexOf("title")].Should().BeEmpty("its title is left out, as the README says");
        seededCase[cases[0].IndexOf("is_sealed")].Should().Be("false");
    }

    [Fact]
    public async Task Two_workers_never_write_the_same_export()
    {
        var id = await QueueAsAdminAsync("export-race-admin@test.local");

        var results = await Task.WhenAll(Worker.ProcessNextAsync(), Worker.ProcessNextAsync());

        results.Where(r => r == id).Should().ContainSingle("one worker claims the export, the other finds nothing queued");
        var export = await portal.WithDbAsync(db => db.Set<MigrantAid.Web.Domain.Exports.OrganisationExport>().SingleAsync(e => e.Id == id));
        export.Status.Should().Be(OrganisationExportStatus.Completed);
        File.Exists(Path.Combine(portal.ExportDirectory, id.ToString("N") + ".zip")).Should().BeTrue();
        Directory.GetFiles(portal.ExportDirectory, "*.partial").Should().BeEmpty();
    }

    [Fact]
    public async Task A_failed_export_is_marked_failed_with_a_generic_message_and_leaves_no_file()
    {
        var admin = await portal.CreateUserAsync("export-fail-admin@test.local", Roles.Admin);
        var id = await QueueAsAdminAsync(admin.Email!, created: true);

        // A directory where the zip should be written makes the write fail.
        Directory.CreateDirectory(Path.Combine(portal.ExportDirectory, id.ToString("N") + ".zip.partial"));
        (await Worker.ProcessNextAsync()).Should().Be(id);
        Directory.Delete(Path.Combine(portal.ExportDirectory, id.ToString("N") + ".zip.partial"));

        var export = await portal.WithDbAsync(db => db.Set<MigrantAid.Web.Domain.Exports.OrganisationExport>().SingleAsync(e => e.Id == id));
        export.Status.Should().Be(OrganisationExportStatus.Failed);
        export.Error.Should().Be(OrganisationExportWorker.FailedMessage);
        File.Exists(Path.Combine(portal.ExportDirectory, id.ToString("N") + ".zip")).Should().BeFalse();
        var client = await portal.SignedInClientAsync(admin.Email!);
        (await client.GetAsync($"/exports/{id}/download")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var page = await client.GetDocumentAsync($"/exports/{id}");
        page.QuerySelector("[data-testid=export-error]")!.TextContent.Trim().Should().Be(OrganisationExportWorker.FailedMessage);
        (await portal.AuditAsync(OrganisationExportAuditActions.Downloaded)).Should().NotContain(a => a.EntityId == id.ToString());
    }

    [Fact]
    public async Task Finished_exports_are_deleted_after_the_retention_period()
    {
        var id = await QueueAsAdminAsync("export-retention-admin@test.local");
        (await Worker.ProcessNextAsync()).Should().Be(id);
        var zip = Path.Combine(portal.ExportDirectory, id.ToString("N") + ".zip");
        File.Exists(zip).Should().BeTrue();

        portal.Clock.Advance(TimeSpan.FromDays(6));
        await Worker.DeleteExpiredAsync();
        File.Exists(zip).Should().BeTrue("seven days have not passed");

        portal.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await Worker.DeleteExpiredAsync();

        File.Exists(zip).Should().BeFalse();
        (await portal.WithDbAsync(db => db.Set<MigrantAid.Web.Domain.Exports.OrganisationExport>().SingleAsync(e => e.Id == id)))
            .Status.Should().Be(OrganisationExportStatus.Expired);
        var client = await portal.SignedInClientAsync("export-retention-admin@test.local");
        (await client.GetAsync($"/exports/{id}/download")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Starting_while_an_export_is_queued_shows_that_export_instead_of_a_second()
    {
        await portal.CreateUserAsync("export-twice-admin@test.local", Roles.Admin);
        var client = await portal.SignedInClientAsync("export-twice-admin@test.local");
        var first = (await client.SubmitFormAsync("/exports", [], "/exports")).Headers.Location!.ToString();

        var second = (await client.SubmitFormAsync("/exports", [], "/exports")).Headers.Location!.ToString();

        second.Should().Be(first);
        var id = Guid.Parse(first.Split('/')[^1]);
        (await portal.AuditAsync(OrganisationExportAuditActions.Started)).Count(a => a.EntityId == id.ToString()).Should().Be(1);
        var list = await client.GetDocumentAsync("/exports");
        list.QuerySelectorAll("[data-testid=export-row]").Should().Contain(r => r.GetAttribute("data-export-id") == id.ToString());
        await DrainAsync();
    }

    private Guid _seededCase;
    private Guid _seededClient;
    private Guid _sealedCase;

    /// <summary>A closed case whose every narrative, name and contact field holds a distinctive text.</summary>
    private async Task SeedSensitiveCaseAsync(Guid adminId)
    {
        var office = await portal.Office().SaveAsync();
        var lawyer = await portal.CreateUserAsync("export-seed-lawyer@test.local", Roles.Lawyer);
        var built = await new CaseBuilder(portal, office).WithClient(ClientName, "TJ").WithAccount("Account: " + Narrative)
            .WithRespondent(RespondentName).AssignedTo(lead: lawyer.Id).OpenedOn(new DateOnly(2026, 3, 2)).SaveAsync();
        _seededCase = built.Id;
        _seededClient = built.ClientId;
        await new CaseBuilder(portal, office).SaveManyAsync(3);
        _sealedCase = (await new CaseBuilder(portal, office).SaveAsync()).Id;
        await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE cases SET is_sealed = true, title = {SealedTitle} WHERE id = {_sealedCase}"));
        var now = portal.Clock.GetUtcNow();
        await portal.WithDbAsync(async db =>
        {
            var person = await db.Clients.Include(c => c.Contacts).Include(c => c.Documents).SingleAsync(c => c.Id == built.ClientId);
            db.Add(person.AddContact(ContactChannel.Phone, Phone, true, "Call after work: " + Narrative));
            db.Add(person.AddContact(ContactChannel.Email, Email, true, null));
            db.Add(person.AddContact(ContactChannel.Address, Address, false, null));
            db.Add(person.AddDocument(MigrationDocumentType.Passport, DocumentNumber, "TJ", new DateOnly(2020, 1, 10), new DateOnly(2030, 1, 9)));
            db.Add(person.RecordConsent(ConsentStatus.Given, new DateOnly(2026, 3, 2), "Scope: " + Narrative, adminId, now));

            var @case = await db.Cases.SingleAsync(c => c.Id == built.Id);
            db.Add(@case.AddNote(NoteKind.Interview, "Note: " + Narrative, lawyer.Id, now));
            @case.Close(CaseOutcome.ResolvedInFavour, new DateOnly(2026, 4, 1), "Outcome: " + Narrative, lawyer.Id, now);

            var proceeding = new CourtProceeding(built.Id, "RU", "Kolpinsky District Court", CourtInstance.FirstInstance, ProceedingType.AdministrativeOffence,
                "Subject: " + Narrative, ProceedingClientRole.PersonConcerned, new DateOnly(2026, 3, 5), lawyer.Id, now)
            { CourtCaseNumber = CourtNumber, Judge = Judge };
            db.Add(proceeding);
            db.Add(new Hearing(proceeding.Id, built.Id, now.AddDays(3), "Room 5: " + Narrative, lawyer.Id, now) { Result = "Result: " + Narrative });
            db.Add(new CourtDecision(proceeding.Id, built.Id, new DateOnly(2026, 3, 20), DecisionOutcome.Rejected, lawyer.Id, now) { Summary = "Summary: " + Narrative });
            db.Add(new CaseDeadline(built.Id, DeadlineKind.Task, "Task: " + Narrative, new DateOnly(2026, 3, 30), lawyer.Id, now)
            { ClosingNote = "Closing: " + Narrative, OverrideReason = "Override: " + Narrative });
            db.Add(new InternationalSubmission(built.Id, lawyer.Id, now)
            {
                Body = InternationalBody.CMW,
                Kind = SubmissionKind.IndividualCommunication,
                StateConcerned = "RU",
                SubmittedOn = new DateOnly(2026, 3, 25),
                BodyReference = "CMW/C/1/D/" + CourtNumber,
                Notes = "Notes: " + Narrative,
            });
            await db.SaveChangesAsync();

            var recommendation = new Recommendation(adminId, now) { Body = InternationalBody.CMW, State = "RU", Cycle = "Fourth cycle", Year = 2025 };
            recommendation.SetText("12.3", "Protect migrant workers' wages.", "Защищать заработную плату трудящихся-мигрантов.", null);
            db.Add(recommendation);
            await db.SaveChangesAsync();
            db.Add(recommendation.Assess(new DateOnly(2026, 3, 1), ImplementationStatus.NotImplemented, "Assessment: " + Narrative, adminId, now));
            db.Add(new CaseRecommendation(built.Id, recommendation.Id, "Link: " + Narrative, lawyer.Id, now));
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>Rows per file, counted by the test through the EF model (not through the export's SQL).</summary>
    private Task<Dictionary<string, long>> IndependentCountsAsync() => portal.WithDbAsync(async db => new Dictionary<string, long>
    {
        ["offices.csv"] = await db.Offices.CountAsync(),
        ["users.csv"] = await db.Users.CountAsync(),
        ["categories.csv"] = await db.ComplaintCategories.CountAsync(),
        ["clients.csv"] = await db.Clients.CountAsync(),
        ["client_documents.csv"] = await db.Set<MigrationDocument>().CountAsync(),
        ["client_stays.csv"] = await db.Set<StayPeriod>().CountAsync(),
        ["client_consents.csv"] = await db.Set<ConsentRecord>().CountAsync(),
        ["family_links.csv"] = await db.FamilyLinks.CountAsync(),
        ["intakes.csv"] = await db.Intakes.CountAsync(),
        ["respondents.csv"] = await db.Respondents.CountAsync(),
        ["cases.csv"] = await db.Cases.CountAsync(),
        ["case_clients.csv"] = await db.CaseClients.CountAsync(),
        ["case_lawyers.csv"] = await db.CaseLawyers.CountAsync(),
        ["case_categories.csv"] = await db.CaseCategories.CountAsync(),
        ["case_events.csv"] = await db.CaseEvents.CountAsync(),
        ["case_documents.csv"] = await db.CaseDocuments.CountAsync(),
        ["proceedings.csv"] = await db.CourtProceedings.CountAsync(),
        ["hearings.csv"] = await db.Hearings.CountAsync(),
        ["decisions.csv"] = await db.CourtDecisions.CountAsync(),
        ["deadline_rules.csv"] = await db.DeadlineRules.CountAsync(),
        ["deadlines.csv"] = await db.CaseDeadlines.CountAsync(),
        ["international_submissions.csv"] = await db.InternationalSubmissions.CountAsync(),
        ["submission_clients.csv"] = await db.SubmissionClients.CountAsync(),
        ["follow_up_rounds.csv"] = await db.FollowUpRounds.CountAsync(),
        ["accepted_procedures.csv"] = await db.AcceptedProcedures.CountAsync(),
        ["recommendations.csv"] = await db.Recommendations.CountAsync(),
        ["recommendation_themes.csv"] = await db.RecommendationThemes.CountAsync(),
        ["recommendation_assessments.csv"] = await db.RecommendationAssessments.CountAsync(),
        ["case_recommendations.csv"] = await db.CaseRecommendations.CountAsync(),
    });

    private async Task<Guid> QueueAsAdminAsync(string email, bool created = false)
    {
        if (!created)
        {
            await portal.CreateUserAsync(email, Roles.Admin);
        }

        var client = await portal.SignedInClientAsync(email);
        var response = await client.SubmitFormAsync("/exports", [], "/exports");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return Guid.Parse(response.Headers.Location!.ToString().Split('/')[^1]);
    }

    /// <summary>Writes whatever a test left queued, so the next test's export is the one it started.</summary>
    private async Task DrainAsync()
    {
        while (await Worker.ProcessNextAsync() is not null)
        {
        }
    }

    private static Dictionary<string, string> ReadZip(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        });
    }

    /// <summary>The README's section of one file: from its heading to the next.</summary>
    private static string Section(string readme, string file)
    {
        var start = readme.IndexOf("\n## " + file + "\n", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, "README has a section for {0}", file);
        var end = readme.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    /// <summary>RFC 4180 records (quoted fields, doubled quotes, CRLF).</summary>
    private static List<List<string>> Csv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        if (record.Count > 0 || field.Length > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}
