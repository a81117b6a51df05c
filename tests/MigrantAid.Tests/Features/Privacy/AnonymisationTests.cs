using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Features.Statistics;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Privacy;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Tests.Features.Privacy;

/// <summary>
/// Issue 15, points 2 and 3: a retention run anonymises exactly what is due, leaves nothing of the people in the raw
/// rows, and the statistics, the dashboard and the recommendation follow-up report read the same before and after
/// (and after a full rebuild of every pre-aggregate).
/// </summary>
public class AnonymisationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Marker = "Zyxwuvtsr";

    [Fact]
    public async Task Retention_run_anonymises_exactly_the_cases_due_and_keeps_every_count()
    {
        await portal.CreateUserAsync("anon-admin@test.local", Roles.Admin);
        var coordinator = await portal.CreateUserAsync("anon-coord@test.local", Roles.Coordinator);
        var office = await portal.Office().SaveAsync();
        var built = await StatCases.SeedAsync(portal, office, Specs());
        var due = built.Take(8).ToList();
        var kept = built.Skip(8).ToList();
        var recommendation = await SeedTextsAsync(built, coordinator.Id);

        // Closed six years ago (due under a five-year schedule) for the first eight; the rest closed lately or still open.
        var today = portal.Today(OfficeBuilder.DefaultTimeZone);
        await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""
            UPDATE cases SET closed_on = CASE WHEN id = ANY ({due.Select(c => c.Id).ToArray()}) THEN {today.AddYears(-6)} ELSE {today.AddDays(-30)} END
            WHERE closed_on IS NOT NULL
            """));

        var admin = await portal.SignedInClientAsync("anon-admin@test.local");
        var coordinatorClient = await portal.SignedInClientAsync("anon-coord@test.local");
        var before = await CountsAsync(coordinatorClient, office.Id, recommendation);

        var saved = await admin.SubmitFormAsync("/privacy/retention", Fields(("ClosedCaseYears", "5")));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = await admin.GetDocumentAsync("/privacy/retention");
        page.QuerySelector("[data-testid=due-row][data-kind=ClosedCases] [data-testid=due-now]")!.TextContent.Trim().Should().Be("8");

        var preview = await admin.SubmitFormAsync("/privacy/retention", [], "/privacy/retention/preview");
        preview.StatusCode.Should().Be(HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
        var previewPage = await HttpForms.PageAsync(preview);
        previewPage.QuerySelector("[data-testid=retention-preview]")!.TextContent.Should().Contain("8");
        (await AnonymisedCasesAsync()).Should().BeEmpty("a preview changes nothing");

        (await admin.SubmitFormAsync("/privacy/retention", [], "/privacy/retention/run")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await AnonymisedCasesAsync()).Should().BeEquivalentTo(due.Select(c => c.Id), "exactly the cases closed more than five years ago");
        var dueClients = due.Select(c => c.ClientId).ToArray();
        (await portal.WithDbAsync(db => db.Clients.Where(c => c.AnonymisedAt != null).Select(c => c.Id).ToListAsync()))
            .Should().BeEquivalentTo(dueClients, "their clients have nothing else left");

        var after = await CountsAsync(coordinatorClient, office.Id, recommendation);
        after.Should().BeEquivalentTo(before, "statistics, dashboard and follow-up count the same facts");

        await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("SELECT case_facts_rebuild(); SELECT statistics_cube_rebuild(); SELECT dashboard_rebuild();"));
        (await CountsAsync(coordinatorClient, office.Id, recommendation)).Should().BeEquivalentTo(before, "a full rebuild of every pre-aggregate agrees");

        await RawRowsShouldHoldNothingOfAsync(due, kept);
        (await portal.AuditAsync(PrivacyAuditActions.RetentionRun)).Should().ContainSingle(a => a.Details!.Contains("\"Cases\": 8"));
        (await portal.AuditAsync(PrivacyAuditActions.RetentionPreviewed)).Should().ContainSingle(a => a.Details!.Contains("\"Cases\": 8"));

        // The case page still opens, with its reference and an anonymised banner; search no longer finds the name.
        var casePage = await coordinatorClient.GetDocumentAsync("/cases/" + due[0].Id);
        casePage.QuerySelector("[data-testid=case-anonymised]")!.TextContent.Should().Contain("This case was anonymised on " + DateText(portal.Clock.GetUtcNow()));
        casePage.Body!.TextContent.Should().Contain(due[0].Reference).And.NotContain(due[0].ClientName);
        var search = await coordinatorClient.GetDocumentAsync("/clients?q=" + Uri.EscapeDataString(due[0].ClientName));
        search.Body!.TextContent.Should().NotContain(due[0].ClientName);
    }

    [Fact]
    public async Task Schedule_fields_refuse_bad_periods_at_the_field_and_keep_what_was_typed()
    {
        await portal.CreateUserAsync("anon-admin2@test.local", Roles.Admin);
        var admin = await portal.SignedInClientAsync("anon-admin2@test.local");
        var response = await admin.SubmitFormAsync("/privacy/retention", Fields(("ClosedCaseYears", "0"), ("AuditYears", "abc"), ("DraftIntakeDays", "30")));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await HttpForms.PageAsync(response);
        page.QuerySelector("[data-valmsg-for=ClosedCaseYears]")!.TextContent.Should().Contain("between 1 and 100");
        page.QuerySelector("[data-valmsg-for=AuditYears]")!.TextContent.Should().NotBeEmpty();
        page.QuerySelector("input[name=DraftIntakeDays]")!.GetAttribute("value").Should().Be("30");
        page.QuerySelector("input[name=AuditYears]")!.GetAttribute("value").Should().Be("abc");
        (await portal.WithDbAsync(db => db.RetentionPolicies.SingleAsync())).DraftIntakeDays.Should().BeNull("nothing is saved from a refused form");

        var coordinator = await portal.CreateUserAsync("anon-coord2@test.local", Roles.Coordinator);
        var other = await portal.SignedInClientAsync(coordinator.Email!);
        (await other.GetAsync("/privacy/retention")).StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Audit_entries_older_than_the_schedule_are_removed_and_the_trail_stays_append_only_otherwise()
    {
        await portal.CreateUserAsync("anon-admin3@test.local", Roles.Admin);
        var admin = await portal.SignedInClientAsync("anon-admin3@test.local");
        var old = portal.Clock.GetUtcNow().AddYears(-11);
        await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO audit_events (occurred_at, action) VALUES ({old}, 'test.old'), ({old.AddYears(2)}, 'test.recent')"));
        (await admin.SubmitFormAsync("/privacy/retention", Fields(("AuditYears", "10")))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await admin.SubmitFormAsync("/privacy/retention", [], "/privacy/retention/run")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await portal.AuditAsync("test.old")).Should().BeEmpty("it is older than ten years");
        (await portal.AuditAsync("test.recent")).Should().ContainSingle();

        var refused = async () => await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_events WHERE action = 'test.recent'"));
        await refused.Should().ThrowAsync<Npgsql.PostgresException>("the portal's role may not delete audit entries itself");
        await using var connection = new Npgsql.NpgsqlConnection(portal.OwnerConnectionString);
        await connection.OpenAsync();
        await using var update = new Npgsql.NpgsqlCommand("UPDATE audit_events SET details = '{}' WHERE action = 'test.recent'", connection);
        var ownerUpdate = async () => await update.ExecuteNonQueryAsync();
        (await ownerUpdate.Should().ThrowAsync<Npgsql.PostgresException>("even the owner cannot change an entry outside the redaction function"))
            .Which.MessageText.Should().Contain("append-only");
    }

    [Fact]
    public async Task A_preview_tries_one_batch_and_says_more_is_due_and_a_run_goes_on_batch_by_batch()
    {
        var admin = await portal.CreateUserAsync("anon-admin4@test.local", Roles.Admin);
        var office = await portal.Office().SaveAsync();
        var decided = portal.Clock.GetUtcNow().AddYears(-3);
        var count = MigrantAid.Web.Data.Anonymisation.BatchSize + 1;
        await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO intakes (id, office_id, status, step, category_ids, in_detention, imminent_expulsion, separated_child, no_documents,
                                 created_by, created_at, updated_at, decided_at, rejection_note)
            SELECT gen_random_uuid(), {office.Id}, 3, 0, ARRAY[]::integer[], false, false, false, false, {admin.Id}, {decided}, {decided}, {decided}, {Marker}
            FROM generate_series(1, {count})
            """));
        var client = await portal.SignedInClientAsync(admin.Email!);
        (await client.SubmitFormAsync("/privacy/retention", Fields(("RejectedIntakeMonths", "12")))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var preview = await HttpForms.PageAsync(await client.SubmitFormAsync("/privacy/retention", [], "/privacy/retention/preview"));
        preview.QuerySelector("[data-testid=retention-preview]")!.TextContent.Should().Contain($": {MigrantAid.Web.Data.Anonymisation.BatchSize}");
        preview.QuerySelector("[data-testid=retention-preview-partial]").Should().NotBeNull("more is due than one batch");

        (await client.SubmitFormAsync("/privacy/retention", [], "/privacy/retention/run")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await portal.WithDbAsync(db => db.Intakes.CountAsync(i => i.OfficeId == office.Id && i.AnonymisedAt != null && i.RejectionNote == null)))
            .Should().Be(count, "the run goes on until nothing is due");
        var page = await client.GetDocumentAsync("/privacy");
        page.QuerySelector("[data-testid=last-anonymisation]")!.TextContent.Should().Contain(DateText(portal.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task A_saved_schedule_waits_its_grace_before_the_daily_run_applies_it_and_run_now_does_not_wait()
    {
        var admin = await portal.CreateUserAsync("anon-admin5@test.local", Roles.Admin);
        var office = await portal.Office().SaveAsync();
        var old = await portal.Case(office).WithClient("Gracia Waitwell").Closed().SaveAsync();
        await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE cases SET closed_on = {portal.Today().AddYears(-9)} WHERE id = {old.Id}"));
        var client = await portal.SignedInClientAsync(admin.Email!);
        (await client.SubmitFormAsync("/privacy/retention", Fields(("ClosedCaseYears", "8")))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var grace = portal.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RetentionOptions>>().Value.ScheduleGrace;
        var page = await client.GetDocumentAsync("/privacy/retention");
        page.QuerySelector("[data-testid=retention-grace]")!.TextContent.Should().Contain(DateText(portal.Clock.GetUtcNow() + grace))
            .And.Contain($"{(int)grace.TotalDays} days");
        var job = portal.Services.GetRequiredService<RetentionJob>();
        (await job.RunIfDueAsync()).Should().BeNull("within the grace the daily run leaves the new schedule alone and no request to be forgotten waits");
        (await portal.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == old.Id))).AnonymisedAt.Should().BeNull();

        portal.Clock.Advance(grace + TimeSpan.FromMinutes(1));
        client = await portal.SignedInClientAsync(admin.Email!); // a week later the session has ended
        (await client.GetDocumentAsync("/privacy/retention")).QuerySelector("[data-testid=retention-grace]").Should().BeNull();
        (await job.RunIfDueAsync())!.Cases.Should().BeGreaterThanOrEqualTo(1);
        (await portal.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == old.Id))).AnonymisedAt.Should().NotBeNull("after the grace the daily run applies it");

        var recent = await portal.Case(office).WithClient("Rita Runnow").Closed().SaveAsync();
        await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE cases SET closed_on = {portal.Today().AddYears(-9)} WHERE id = {recent.Id}"));
        (await client.SubmitFormAsync("/privacy/retention", Fields(("ClosedCaseYears", "7")))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.SubmitFormAsync("/privacy/retention", [], "/privacy/retention/run")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await portal.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == recent.Id))).AnonymisedAt.Should().NotBeNull("Run now applies a schedule at once");
    }

    private static string DateText(DateTimeOffset at) =>
        at.UtcDateTime.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    private static List<KeyValuePair<string, string>> Fields(params (string Name, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();

    /// <summary>Children and adults (by exact birth near the boundary), several citizenships, categories, forums; twelve closed, two open.</summary>
    private static List<StatCaseSpec> Specs()
    {
        var categories = new[] { "labour.unpaid-wages", "labour.documents-confiscated", "detention.child-separated" };
        return Enumerable.Range(0, 14).Select(i => new StatCaseSpec(
            Citizenship: i % 5 == 0 ? null : i % 2 == 0 ? "TJ" : "UZ",
            Sex: i % 3 == 0 ? Sex.Female : Sex.Male,
            BirthDate: i % 4 == 0 ? null : i % 4 == 1 ? new DateOnly(2008, 6, 1) : new DateOnly(1990, 1, 1),
            IncidentCountry: i % 2 == 0 ? "RU" : "KZ",
            Categories: categories.Skip(i % 3).Take(1 + i % 2).ToArray(),
            Year: 2019 + i % 3,
            Outcome: i >= 12 ? null : i % 2 == 0 ? CaseOutcome.ResolvedInFavour : CaseOutcome.NotResolved,
            Courts: i % 3 == 1 ? ["RU"] : [],
            Bodies: i % 4 == 2 ? [InternationalBody.CRC] : [])
        {
            Account = Marker + " account " + i,
        }).ToList();
    }

    /// <summary>Every kind of text the anonymisation must remove, on every case, each with the marker; and a recommendation linked to the cases.</summary>
    private async Task<int> SeedTextsAsync(IReadOnlyList<BuiltCase> cases, Guid by)
    {
        var now = portal.Clock.GetUtcNow();
        foreach (var c in cases)
        {
            await new DocumentBuilder(portal, c.Id, Marker + "-scan.pdf").SaveAsync();
        }

        return await portal.WithDbAsync(async db =>
        {
            var r = new Recommendation(by, now) { Body = InternationalBody.CMW, State = "RU", Cycle = "Anon", Year = 2024 };
            r.SetText("AN-1", "Text AN-1", null, null);
            db.Recommendations.Add(r);
            await db.SaveChangesAsync();
            foreach (var c in cases)
            {
                var k = await db.Cases.SingleAsync(x => x.Id == c.Id);
                k.AddNote(NoteKind.Interview, Marker + " note", by, now);
                var client = await db.Clients.Include(x => x.Contacts).Include(x => x.Aliases).SingleAsync(x => x.Id == c.ClientId);
                client.AddContact(ContactChannel.Phone, "+7 900 " + Marker, true, Marker + " contact note");
                client.AddAlias(Marker + " Alias", null);
                db.CaseRecommendations.Add(new CaseRecommendation(c.Id, r.Id, Marker + " link note", by, now));
            }

            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlAsync($"""
                UPDATE cases SET title = {Marker + " title"}, outcome_note = {Marker + " outcome"} WHERE id = ANY ({cases.Select(c => c.Id).ToArray()});
                UPDATE court_proceedings SET court_case_number = {Marker + "-1"}, judge = {Marker + " judge"} WHERE case_id = ANY ({cases.Select(c => c.Id).ToArray()});
                UPDATE respondents SET name = {Marker + " LLC"} WHERE intake_id = ANY ({cases.Select(c => c.IntakeId).ToArray()});
                """);
            return r.Id;
        });
    }

    /// <summary>The figures users read: statistics tables, the dashboard's figures and the follow-up report, plus the raw pre-aggregates.</summary>
    private async Task<List<string>> CountsAsync(HttpClient coordinator, Guid officeId, int recommendation)
    {
        var texts = new List<string>();
        foreach (var query in new[] { "?rows=category&cols=outcome", "?rows=age&cols=sex", "?rows=citizenship&cols=forum", "?rows=situation&cols=country" })
        {
            var page = await coordinator.GetDocumentAsync("/statistics" + query);
            texts.Add(query + ": " + string.Join("|", page.QuerySelectorAll("[data-testid=statistics-table] td, [data-testid=statistics-table] th").Select(c => c.TextContent.Trim())));
        }

        var dashboard = await coordinator.GetDocumentAsync("/dashboard?office=" + officeId);
        texts.Add("dashboard: " + string.Join("|", dashboard.QuerySelectorAll("[data-testid^=figure]").Select(f => f.TextContent.Trim())));
        var followUp = await coordinator.GetDocumentAsync("/reports/recommendations");
        texts.Add("follow-up: " + string.Join("|", followUp.QuerySelectorAll($"[data-testid=follow-up-row][data-id='{recommendation}']").Select(r => r.TextContent.Trim())));
        texts.Add(await portal.WithDbAsync(db => db.Database.SqlQueryRaw<string>("""
            SELECT coalesce(string_agg(x, E'\n' ORDER BY x), '') AS "Value" FROM (
                SELECT 'f' || (f.case_id, f.office_id, f.opened_year, f.citizenship, f.incident_country, f.age_group, f.sex, f.outcome, f.category_ids, f.forums, f.situation)::text AS x FROM case_facts f
                UNION ALL SELECT 'c' || s::text FROM statistics_cube s) t
            """).SingleAsync()));
        return texts;
    }

    private Task<List<Guid>> AnonymisedCasesAsync() =>
        portal.WithDbAsync(db => db.Cases.Where(c => c.AnonymisedAt != null).Select(c => c.Id).ToListAsync());

    /// <summary>Every row of every table that held the people's data, read as text by SQL: no marker in the anonymised ones, all still in the rest.</summary>
    private async Task RawRowsShouldHoldNothingOfAsync(IReadOnlyList<BuiltCase> due, IReadOnlyList<BuiltCase> kept)
    {
        var leftovers = await portal.WithDbAsync(db => db.Database.SqlQuery<string>($"""
            SELECT t AS "Value" FROM (
                SELECT 'case ' || k::text AS t FROM cases k WHERE k.id = ANY ({due.Select(c => c.Id).ToArray()})
                UNION ALL SELECT 'client ' || c::text FROM clients c WHERE c.id = ANY ({due.Select(c => c.ClientId).ToArray()})
                UNION ALL SELECT 'alias ' || a::text FROM client_aliases a WHERE a.client_id = ANY ({due.Select(c => c.ClientId).ToArray()})
                UNION ALL SELECT 'contact ' || x.id::text FROM client_contacts x WHERE x.client_id = ANY ({due.Select(c => c.ClientId).ToArray()})
                UNION ALL SELECT 'event ' || e::text FROM case_events e WHERE e.case_id = ANY ({due.Select(c => c.Id).ToArray()}) AND (e.text IS NOT NULL OR e.details::text LIKE '%' || {Marker} || '%')
                UNION ALL SELECT 'document ' || d::text FROM case_documents d WHERE d.case_id = ANY ({due.Select(c => c.Id).ToArray()})
                UNION ALL SELECT 'content ' || x.document_id::text FROM case_document_contents x JOIN case_documents d ON d.id = x.document_id WHERE d.case_id = ANY ({due.Select(c => c.Id).ToArray()})
                UNION ALL SELECT 'intake ' || i.id::text FROM intakes i WHERE i.id = ANY ({due.Select(c => c.IntakeId).ToArray()}) AND (i.account IS NOT NULL OR i.client_wishes IS NOT NULL)
                UNION ALL SELECT 'respondent ' || r::text FROM respondents r WHERE r.intake_id = ANY ({due.Select(c => c.IntakeId).ToArray()})
                UNION ALL SELECT 'proceeding ' || p::text FROM court_proceedings p WHERE p.case_id = ANY ({due.Select(c => c.Id).ToArray()})
                UNION ALL SELECT 'link ' || l::text FROM case_recommendations l WHERE l.case_id = ANY ({due.Select(c => c.Id).ToArray()})
                UNION ALL SELECT 'audit ' || a::text FROM audit_events a WHERE a.entity_id = ANY ({due.Select(c => c.Id.ToString()).Concat(due.Select(c => c.ClientId.ToString())).ToArray()})
            ) x WHERE t LIKE '%' || {Marker} || '%' OR t LIKE 'contact %' OR t LIKE 'content %' OR t LIKE 'intake %' OR t LIKE 'event %'
            """).ToListAsync());
        leftovers.Should().BeEmpty("nothing of an anonymised person may stay in the raw rows");

        var stillThere = await portal.WithDbAsync(db => db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM cases k
            WHERE k.id = ANY ({kept.Select(c => c.Id).ToArray()}) AND k.title LIKE '%' || {Marker} || '%' AND k.anonymised_at IS NULL
            """).SingleAsync());
        stillThere.Should().Be(kept.Count, "cases not yet due keep everything");
        var keptContacts = await portal.WithDbAsync(db => db.Set<ClientContact>().CountAsync(c => kept.Select(k => k.ClientId).Contains(c.ClientId)));
        keptContacts.Should().Be(kept.Count);
    }
}
