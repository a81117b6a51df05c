using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Cases.Proceedings;
using static MigrantAid.Tests.Features.Cases.Proceedings.ProceedingForms;
using static MigrantAid.Tests.Support.FormValues;
using static MigrantAid.Tests.Support.HttpForms;
using static MigrantAid.Tests.Support.IntakeSteps;

namespace MigrantAid.Tests.Features.Cases.Proceedings;

public class ProceedingPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static List<KeyValuePair<string, string>> ProceedingFields(string court, string instance, DateOnly openedOn, Guid? challenges = null, string type = "AdministrativeOffence") =>
    [
        new("Jurisdiction", "RU"),
        new("Court", court),
        new("Instance", instance),
        new("Type", type),
        new("CourtCaseNumber", "5-" + court.Length),
        new("Judge", "Judge of " + court),
        new("Subject", "Administrative expulsion of the client"),
        new("ClientRole", "PersonConcerned"),
        new("OpenedOn", Iso(openedOn)),
        new("ClosedOn", ""),
        new("ChallengesId", challenges?.ToString() ?? ""),
    ];

    private static async Task AddProceedingAsync(HttpClient client, Guid caseId, List<KeyValuePair<string, string>> fields)
    {
        var url = $"/cases/{caseId}/proceedings/new";
        Location(await PostFormAsync(client, url, url, fields)).Should().Be($"/cases/{caseId}#proceedings");
    }

    [Fact]
    public async Task Proceeding_and_its_appeal_and_cassation_are_shown_as_one_chain_in_order()
    {
        var office = await portal.Office().WithCode("PCHN").SaveAsync();
        var (caseId, client, _) = await LawyerCase.OpenAsync(portal, office, "chain-lawyer@test.local");
        var today = portal.Today();

        await AddProceedingAsync(client, caseId, ProceedingFields("Tverskoy District Court", "FirstInstance", today.AddDays(-40)));
        var first = await portal.WithDbAsync(db => db.CourtProceedings.Where(p => p.CaseId == caseId).Select(p => p.Id).SingleAsync());
        // Another first-instance proceeding opened between the appeal and the cassation: a chain of its own.
        await AddProceedingAsync(client, caseId, ProceedingFields("Meshchansky District Court", "FirstInstance", today.AddDays(-10), type: "Civil"));
        await AddProceedingAsync(client, caseId, ProceedingFields("Moscow City Court", "Appeal", today.AddDays(-20), first));
        var appeal = await portal.WithDbAsync(db => db.CourtProceedings.Where(p => p.CaseId == caseId && p.Instance == CourtInstance.Appeal).Select(p => p.Id).SingleAsync());
        await AddProceedingAsync(client, caseId, ProceedingFields("Second Cassation Court of General Jurisdiction", "Cassation", today.AddDays(-5), appeal));

        var page = await client.GetDocumentAsync($"/cases/{caseId}");
        var chains = page.QuerySelectorAll("[data-testid=proceeding-chain]")
            .Select(chain => chain.QuerySelectorAll("[data-testid=proceeding]")
                .Select(p => (Court: p.QuerySelector("[data-testid=proceeding-court]")!.TextContent, Level: p.GetAttribute("data-level")))
                .ToList())
            .ToList();
        chains.Should().HaveCount(2);
        chains[0].Should().Equal(
            ("Tverskoy District Court", "0"), ("Moscow City Court", "1"), ("Second Cassation Court of General Jurisdiction", "2"));
        chains[1].Should().Equal(("Meshchansky District Court", "0"));
        page.QuerySelector($"[data-proceeding-id='{first}'] [data-testid=proceeding-number]")!.TextContent.Should().Be("5-23");

        var stored = await portal.WithDbAsync(db => db.CourtProceedings.AsNoTracking().SingleAsync(p => p.Id == appeal));
        stored.ChallengesId.Should().Be(first);
        stored.Judge.Should().Be("Judge of Moscow City Court");
        stored.Type.Should().Be(ProceedingType.AdministrativeOffence);
    }

    [Fact]
    public async Task Hearing_typed_in_Almaty_time_is_stored_as_the_utc_instant_and_shown_back_in_Almaty_time()
    {
        const string zone = "Asia/Almaty";
        var office = await portal.Office().WithCode("PALA").InTimeZone(zone).SaveAsync();
        var (caseId, client, _) = await LawyerCase.OpenAsync(portal, office, "almaty-hearing-lawyer@test.local");
        var proceeding = (await portal.Proceeding(caseId).OpenedOn(portal.Today(zone).AddDays(-30)).OfType(ProceedingType.Civil).InCourt("Medeu District Court of Almaty").InCountry("KZ").SaveAsync()).Id;
        var day = portal.Today(zone).AddDays(12);
        var local = day.ToDateTime(new TimeOnly(10, 30));
        var url = $"/cases/{caseId}/proceedings/{proceeding}/hearings/new";

        var form = await client.GetDocumentAsync(url);
        form.QuerySelector("[data-testid=hearing-zone]")!.TextContent.Should().Contain(zone, "the form says in which zone the time is read");
        Location(await PostFormAsync(client, form, url, [new("StartsAt", Local(local)), new("Place", "Courtroom 9")]))
            .Should().Be($"/cases/{caseId}#proceedings");

        var stored = await portal.WithDbAsync(db => db.Hearings.AsNoTracking().SingleAsync(h => h.ProceedingId == proceeding));
        // Kazakhstan keeps UTC+5 all year (one zone since March 2024): 10:30 in Almaty is 05:30 UTC.
        stored.StartsAt.Should().Be(new DateTimeOffset(local, TimeSpan.FromHours(5)));
        stored.StartsAt.Offset.Should().Be(TimeSpan.Zero, "instants are stored in UTC");
        stored.Place.Should().Be("Courtroom 9");

        var page = await client.GetDocumentAsync($"/cases/{caseId}");
        var row = page.QuerySelector($"[data-hearing-id='{stored.Id}']")!;
        row.QuerySelector("[data-testid=hearing-time]")!.TextContent.Should().Be(Shown(local));
        row.GetAttribute("data-next").Should().Be("true", "the first hearing still to come is highlighted");
        page.QuerySelector("[data-testid=proceedings-zone]")!.TextContent.Should().Contain(zone, "the zone of the times is named");
        page.QuerySelector("[data-testid=next-hearing]")!.TextContent.Should().Contain(Shown(local));

        var edit = await client.GetDocumentAsync($"/cases/{caseId}/proceedings/{proceeding}/hearings/{stored.Id}/edit");
        Value(edit, "StartsAt").Should().Be(local.ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), "the edit form shows the time in Almaty time, day first");
    }

    [Fact]
    public async Task Recording_a_hearing_result_with_the_next_date_adds_the_next_hearing()
    {
        const string zone = "Europe/Moscow";
        var office = await portal.Office().WithCode("PNXT").SaveAsync();
        var (caseId, client, _) = await LawyerCase.OpenAsync(portal, office, "next-hearing-lawyer@test.local");
        var proceeding = (await portal.Proceeding(caseId).OpenedOn(portal.Today(zone).AddDays(-30)).SaveAsync()).Id;
        var held = portal.Clock.GetUtcNow().AddDays(-2);
        var hearing = await new HearingBuilder(portal, caseId, proceeding).At(held).SaveAsync();
        var next = portal.Today(zone).AddDays(20).ToDateTime(new TimeOnly(9, 15));
        var url = $"/cases/{caseId}/proceedings/{proceeding}/hearings/{hearing}/edit";

        Location(await SubmitAsync(client, url, url,
            [new("IsHeld", "true"), new("Result", "Adjourned: the court asked the migration office for its file."), new("NextStartsAt", Local(next))]))
            .Should().Be($"/cases/{caseId}#proceedings");

        var hearings = await portal.WithDbAsync(db => db.Hearings.AsNoTracking().Where(h => h.ProceedingId == proceeding).OrderBy(h => h.StartsAt).ToListAsync());
        hearings.Should().HaveCount(2);
        hearings[0].IsHeld.Should().BeTrue();
        hearings[0].Result.Should().StartWith("Adjourned");
        hearings[1].StartsAt.Should().Be(new DateTimeOffset(next, TimeSpan.FromHours(3)));
        hearings[1].Place.Should().Be("Courtroom 5", "the next hearing is in the same place unless told otherwise");
        hearings[1].IsHeld.Should().BeFalse();

        var page = await client.GetDocumentAsync($"/cases/{caseId}");
        page.QuerySelector($"[data-hearing-id='{hearings[1].Id}']")!.GetAttribute("data-next").Should().Be("true");
        page.QuerySelector($"[data-hearing-id='{hearing}']")!.GetAttribute("data-next").Should().Be("false");
        (await portal.AuditAsync(ProceedingAuditActions.HearingCreated)).Should().Contain(a => a.EntityId == hearings[1].Id.ToString());
        (await portal.AuditAsync(ProceedingAuditActions.HearingUpdated)).Should().ContainSingle(a => a.EntityId == hearing.ToString())
            .Which.Details.Should().NotContain("migration office", "the result's text stays out of the audit trail");
    }

    [Fact]
    public async Task Decision_with_a_received_date_creates_the_deadline_of_the_matching_rule_once()
    {
        const string zone = "Europe/Moscow";
        var office = await portal.Office().WithCode("PDLN").SaveAsync();
        var (caseId, client, lawyer) = await LawyerCase.OpenAsync(portal, office, "decision-lawyer@test.local");
        var rule = await new DeadlineRuleBuilder(portal, "Appeal against an expulsion order (test)").SaveAsync();
        var today = portal.Today(zone);
        var proceeding = (await portal.Proceeding(caseId).OpenedOn(today.AddDays(-20)).SaveAsync()).Id;
        var document = await new DocumentBuilder(portal, caseId, "decision-expulsion.pdf").SaveAsync();
        var url = $"/cases/{caseId}/proceedings/{proceeding}/decisions/new";

        var response = await PostFormAsync(client, url, url,
        [
            new("DecidedOn", Iso(today.AddDays(-6))),
            new("ReceivedOn", Iso(today.AddDays(-3))),
            new("Outcome", "Rejected"),
            new("Summary", "Expulsion ordered; the family ties were not examined."),
            new("DocumentId", document.ToString()),
        ]);
        Location(response).Should().Be($"/cases/{caseId}#proceedings");

        var decision = await portal.WithDbAsync(db => db.CourtDecisions.AsNoTracking().SingleAsync(d => d.ProceedingId == proceeding));
        decision.ReceivedOn.Should().Be(today.AddDays(-3));
        decision.DocumentId.Should().Be(document);
        var deadlines = await portal.WithDbAsync(db => db.CaseDeadlines.AsNoTracking()
            .Where(d => d.CaseId == caseId && d.SourceType == "decision" && d.SourceId == decision.Id).ToListAsync());
        var deadline = deadlines.Should().ContainSingle(d => d.RuleId == rule).Subject;
        deadline.Trigger.Should().Be(TriggerEvent.DecisionReceived);
        deadline.TriggerDate.Should().Be(today.AddDays(-3));
        deadline.Kind.Should().Be(DeadlineKind.Computed);
        deadline.CreatedBy.Should().Be(lawyer.Id);
        TempDataOf(response)[CaseProceedingsViewComponent.DeadlinesKey].Should().Be(deadlines.Count);

        var page = await client.GetDocumentAsync($"/cases/{caseId}");
        var shown = page.QuerySelector($"[data-decision-id='{decision.Id}']")!;
        shown.QuerySelector("[data-testid=decision-document]")!.GetAttribute("href").Should().Be($"/cases/{caseId}/documents/{document}");
        shown.QuerySelector("[data-testid=decision-document]")!.TextContent.Should().Be("decision-expulsion.pdf");
        shown.QuerySelector("[data-testid=decision-received]")!.TextContent.Should().Contain(Shown(today.AddDays(-3)));

        // Correcting only the summary records no trigger again: the deadline is not duplicated.
        var edit = $"/cases/{caseId}/proceedings/{proceeding}/decisions/{decision.Id}/edit";
        Location(await SubmitAsync(client, edit, edit, [new("Summary", "Expulsion ordered; family ties ignored.")])).Should().Be($"/cases/{caseId}#proceedings");
        (await portal.WithDbAsync(db => db.CaseDeadlines.CountAsync(d => d.SourceId == decision.Id && d.RuleId == rule))).Should().Be(1);

        var recorded = (await portal.AuditAsync(ProceedingAuditActions.DecisionRecorded)).Should().ContainSingle(a => a.EntityId == decision.Id.ToString()).Subject;
        recorded.Details.Should().NotContain("family ties", "the summary stays out of the audit trail");
        var updated = (await portal.AuditAsync(ProceedingAuditActions.DecisionUpdated)).Should().ContainSingle(a => a.EntityId == decision.Id.ToString()).Subject;
        JsonDocument.Parse(updated.Details!).RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => c.GetProperty("field").GetString()).Should().Equal("Summary");
    }

    [Fact]
    public async Task Clearing_a_received_date_entered_by_mistake_withdraws_the_deadline_it_started()
    {
        var (caseId, client, lawyer, rule, proceeding, today) = await RejectedDecisionAsync("PCLR", "cleared-date-lawyer@test.local", "Appeal against a fine (cleared date test)", null);
        var decision = await portal.WithDbAsync(db => db.CourtDecisions.AsNoTracking().SingleAsync(d => d.ProceedingId == proceeding));
        (await portal.WithDbAsync(db => db.CaseDeadlines.AsNoTracking().SingleAsync(d => d.SourceId == decision.Id && d.RuleId == rule)))
            .Status.Should().Be(DeadlineStatus.Open);

        var edit = $"/cases/{caseId}/proceedings/{proceeding}/decisions/{decision.Id}/edit";
        Location(await SubmitAsync(client, edit, edit, [new("ReceivedOn", "")])).Should().Be($"/cases/{caseId}#proceedings");

        var withdrawn = await portal.WithDbAsync(db => db.CaseDeadlines.AsNoTracking().SingleAsync(d => d.SourceId == decision.Id && d.RuleId == rule));
        withdrawn.Status.Should().Be(DeadlineStatus.Dismissed, "a date that was never received starts no clock");
        withdrawn.ClosedBy.Should().Be(lawyer.Id);
        var page = await client.GetDocumentAsync($"/cases/{caseId}");
        page.QuerySelector($"[data-deadline-id='{withdrawn.Id}']")!.TextContent.Should().Contain("Withdrawn: the date that started it was cleared.");

        // Entering the date again starts the clock again, on the same deadline.
        Location(await SubmitAsync(client, edit, edit, [new("ReceivedOn", Iso(today.AddDays(-2)))])).Should().Be($"/cases/{caseId}#proceedings");
        var back = await portal.WithDbAsync(db => db.CaseDeadlines.AsNoTracking().SingleAsync(d => d.SourceId == decision.Id && d.RuleId == rule));
        back.Id.Should().Be(withdrawn.Id);
        back.Status.Should().Be(DeadlineStatus.Open);
        back.TriggerDate.Should().Be(today.AddDays(-2));
        back.ClosingNote.Should().BeNull();
    }

    [Fact]
    public async Task A_computed_deadline_carries_its_rule_s_Russian_name_to_Russian_pages()
    {
        var (caseId, client, _, rule, _, _) = await RejectedDecisionAsync(
            "PRUN", "russian-rule-lawyer@test.local", "Appeal against a fine (Russian name test)", "Жалоба на штраф (проверка русского названия)");
        var deadline = await portal.WithDbAsync(db => db.CaseDeadlines.AsNoTracking().SingleAsync(d => d.CaseId == caseId && d.RuleId == rule));
        deadline.Title.Should().Be("Appeal against a fine (Russian name test)");
        deadline.TitleRu.Should().Be("Жалоба на штраф (проверка русского названия)");

        string TitleOn(AngleSharp.Dom.IDocument page) =>
            page.QuerySelector($"[data-deadline-id='{deadline.Id}'] [data-testid=deadline-title]")!.TextContent.Trim();
        TitleOn(await client.GetDocumentAsync($"/cases/{caseId}")).Should().Be("Appeal against a fine (Russian name test)");
        TitleOn(await client.GetDocumentAsync("/desk")).Should().Be("Appeal against a fine (Russian name test)");

        await portal.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == "russian-rule-lawyer@test.local")).PreferredLanguage = "ru";
            return await db.SaveChangesAsync();
        });
        var russian = await portal.SignedInClientAsync("russian-rule-lawyer@test.local");
        TitleOn(await russian.GetDocumentAsync($"/cases/{caseId}")).Should().Be("Жалоба на штраф (проверка русского названия)");
        TitleOn(await russian.GetDocumentAsync("/desk")).Should().Be("Жалоба на штраф (проверка русского названия)");
    }

    /// <summary>A lawyer's case with an appeal rule (optionally with a Russian name) and a rejected decision whose copy came three days ago.</summary>
    private async Task<(Guid CaseId, HttpClient Client, Web.Domain.AppUser Lawyer, int Rule, Guid Proceeding, DateOnly Today)> RejectedDecisionAsync(
        string officeCode, string email, string ruleName, string? ruleNameRu)
    {
        var office = await portal.Office().WithCode(officeCode).SaveAsync();
        var (caseId, client, lawyer) = await LawyerCase.OpenAsync(portal, office, email);
        var rule = await new DeadlineRuleBuilder(portal, ruleName).SaveAsync();
        await portal.WithDbAsync(async db =>
        {
            (await db.DeadlineRules.SingleAsync(r => r.Id == rule)).NameRu = ruleNameRu;
            return await db.SaveChangesAsync();
        });
        var today = portal.Today("Europe/Moscow");
        var proceeding = (await portal.Proceeding(caseId).OpenedOn(today.AddDays(-20)).SaveAsync()).Id;
        var url = $"/cases/{caseId}/proceedings/{proceeding}/decisions/new";
        Location(await PostFormAsync(client, url, url,
        [
            new("DecidedOn", Iso(today.AddDays(-6))),
            new("ReceivedOn", Iso(today.AddDays(-3))),
            new("Outcome", "Rejected"),
        ])).Should().Be($"/cases/{caseId}#proceedings");
        return (caseId, client, lawyer, rule, proceeding, today);
    }

    [Fact]
    public async Task Concurrent_edit_of_a_proceeding_is_refused_with_the_current_values_and_the_typed_ones_kept()
    {
        var office = await portal.Office().WithCode("PCON").SaveAsync();
        var (caseId, first, _) = await LawyerCase.OpenAsync(portal, office, "concurrent-proceeding-lawyer@test.local");
        await portal.Staff("concurrent-proceeding-coordinator@test.local").WithRoles(MigrantAid.Web.Domain.Roles.Coordinator).SaveAsync();
        var second = await portal.SignedInClientAsync("concurrent-proceeding-coordinator@test.local");
        var proceeding = (await portal.Proceeding(caseId).OpenedOn(portal.Today().AddDays(-10)).SaveAsync()).Id;
        var url = $"/cases/{caseId}/proceedings/{proceeding}/edit";
        var firstForm = await first.GetDocumentAsync(url);
        var secondForm = await second.GetDocumentAsync(url);

        Location(await PostFormAsync(first, firstForm, url, ProceedingFields("Court named by the lawyer", "FirstInstance", portal.Today().AddDays(-10))))
            .Should().Be($"/cases/{caseId}#proceedings");
        var refused = await PostFormAsync(second, secondForm, url, ProceedingFields("Court named by the coordinator", "FirstInstance", portal.Today().AddDays(-10)));

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await PageAsync(refused);
        page.QuerySelector("[data-testid=conflict]")!.TextContent.Should().Contain(portal.English("Someone else changed this proceeding while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead."));
        page.QuerySelector("[data-testid=current-values]")!.TextContent.Should().Contain("Court named by the lawyer");
        Value(page, "Court").Should().Be("Court named by the coordinator");
        (await portal.WithDbAsync(db => db.CourtProceedings.AsNoTracking().SingleAsync(p => p.Id == proceeding))).Court.Should().Be("Court named by the lawyer");

        Location(await PostFormAsync(second, page, url, ProceedingFields("Court named by the coordinator", "FirstInstance", portal.Today().AddDays(-10))))
            .Should().Be($"/cases/{caseId}#proceedings", "saving again, having seen the other values, is a deliberate choice");
    }

    [Fact]
    public async Task Concurrent_edit_of_a_decision_is_refused()
    {
        var office = await portal.Office().WithCode("PCOD").SaveAsync();
        var (caseId, client, _) = await LawyerCase.OpenAsync(portal, office, "concurrent-decision-lawyer@test.local");
        var today = portal.Today();
        var proceeding = (await portal.Proceeding(caseId).OpenedOn(today.AddDays(-10)).SaveAsync()).Id;
        var decision = await new DecisionBuilder(portal, caseId, proceeding).On(today.AddDays(-2)).SaveAsync();
        var url = $"/cases/{caseId}/proceedings/{proceeding}/decisions/{decision}/edit";
        var stale = await client.GetDocumentAsync(url);
        Location(await PostFormAsync(client, url, url, [new("DecidedOn", Iso(today.AddDays(-2))), new("Outcome", "Granted")])).Should().Be($"/cases/{caseId}#proceedings");

        var refused = await PostFormAsync(client, stale, url, [new("DecidedOn", Iso(today.AddDays(-2))), new("Outcome", "Settled")]);

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await PageAsync(refused)).QuerySelectorAll("[data-testid=conflict]").Should().ContainSingle("the conflict is reported once");
        (await portal.WithDbAsync(db => db.CourtDecisions.AsNoTracking().SingleAsync(d => d.Id == decision))).Outcome.Should().Be(DecisionOutcome.Granted);
    }

    [Fact]
    public async Task Lawyer_not_on_the_case_gets_404_on_every_proceedings_route()
    {
        var office = await portal.Office().WithCode("PNOT").SaveAsync();
        var (caseId, _, _) = await LawyerCase.OpenAsync(portal, office, "own-lawyer@test.local");
        var (ownCase, outsider, _) = await LawyerCase.OpenAsync(portal, office, "outsider-lawyer@test.local");
        var proceeding = (await portal.Proceeding(caseId).OpenedOn(portal.Today().AddDays(-10)).SaveAsync()).Id;
        var hearing = await new HearingBuilder(portal, caseId, proceeding).At(portal.Clock.GetUtcNow().AddDays(3)).SaveAsync();
        var decision = await new DecisionBuilder(portal, caseId, proceeding).On(portal.Today().AddDays(-1)).SaveAsync();
        // The outsider's own form gives a valid antiforgery token, so a refusal cannot come from the token.
        var token = (await outsider.GetDocumentAsync($"/cases/{ownCase}/proceedings/new"))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var routes = new[]
        {
            $"/cases/{caseId}/proceedings/new",
            $"/cases/{caseId}/proceedings/{proceeding}/edit",
            $"/cases/{caseId}/proceedings/{proceeding}/hearings/new",
            $"/cases/{caseId}/proceedings/{proceeding}/hearings/{hearing}/edit",
            $"/cases/{caseId}/proceedings/{proceeding}/decisions/new",
            $"/cases/{caseId}/proceedings/{proceeding}/decisions/{decision}/edit",
        };
        var before = await ProceedingCounts.ReadAsync(portal, caseId);

        foreach (var route in routes)
        {
            (await outsider.GetAsync(route)).StatusCode.Should().Be(HttpStatusCode.NotFound, "GET {0}", route);
            var post = await outsider.PostAsync(route, new FormUrlEncodedContent(
            [
                new("__RequestVerificationToken", token),
                .. ProceedingFields("Outsider's court", "FirstInstance", portal.Today()),
                new("StartsAt", Local(DateTime.Now.AddDays(5))),
                new("DecidedOn", Iso(portal.Today())),
                new("Outcome", "Granted"),
            ]));
            post.StatusCode.Should().Be(HttpStatusCode.NotFound, "POST {0}", route);
        }

        (await ProceedingCounts.ReadAsync(portal, caseId)).Should().Be(before);
        // A proceeding reached through another case's address is not found either.
        (await outsider.GetAsync($"/cases/{ownCase}/proceedings/{proceeding}/edit")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/cases/{ownCase}/proceedings/{proceeding}/hearings/new")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/cases/{ownCase}/proceedings/{proceeding}/decisions/{decision}/edit")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Views_of_the_forms_and_every_change_are_audited()
    {
        var office = await portal.Office().WithCode("PAUD").SaveAsync();
        var (caseId, client, lawyer) = await LawyerCase.OpenAsync(portal, office, "audit-proceeding-lawyer@test.local");
        var today = portal.Today();

        var newUrl = $"/cases/{caseId}/proceedings/new";
        Location(await PostFormAsync(client, newUrl, newUrl, ProceedingFields("Kuntsevsky District Court", "FirstInstance", today.AddDays(-9)))).Should().Be($"/cases/{caseId}#proceedings");
        var proceeding = await portal.WithDbAsync(db => db.CourtProceedings.Where(p => p.CaseId == caseId).Select(p => p.Id).SingleAsync());
        var editUrl = $"/cases/{caseId}/proceedings/{proceeding}/edit";
        Location(await PostFormAsync(client, editUrl, editUrl, ProceedingFields("Kuntsevsky District Court", "FirstInstance", today.AddDays(-8)))).Should().Be($"/cases/{caseId}#proceedings");
        var hearingUrl = $"/cases/{caseId}/proceedings/{proceeding}/hearings/new";
        Location(await PostFormAsync(client, hearingUrl, hearingUrl, [new("StartsAt", Local(today.AddDays(4).ToDateTime(new TimeOnly(11, 0))))])).Should().Be($"/cases/{caseId}#proceedings");
        var decisionUrl = $"/cases/{caseId}/proceedings/{proceeding}/decisions/new";
        Location(await PostFormAsync(client, decisionUrl, decisionUrl, [new("DecidedOn", Iso(today.AddDays(-1))), new("Outcome", "PartlyGranted")])).Should().Be($"/cases/{caseId}#proceedings");

        var viewed = await portal.AuditAsync(ProceedingAuditActions.ProceedingViewed);
        viewed.Should().Contain(a => a.EntityType == "case" && a.EntityId == caseId.ToString() && a.ActorId == lawyer.Id, "opening the form to add a proceeding");
        viewed.Should().Contain(a => a.EntityType == "proceeding" && a.EntityId == proceeding.ToString(), "opening a proceeding's form");
        (await portal.AuditAsync(ProceedingAuditActions.HearingViewed)).Should().Contain(a => a.EntityId == proceeding.ToString());
        (await portal.AuditAsync(ProceedingAuditActions.DecisionViewed)).Should().Contain(a => a.EntityId == proceeding.ToString());

        var created = (await portal.AuditAsync(ProceedingAuditActions.ProceedingCreated)).Should().ContainSingle(a => a.EntityId == proceeding.ToString()).Subject;
        created.Details.Should().Contain(caseId.ToString()).And.NotContain("Administrative expulsion of the client", "the subject stays out of the audit trail");
        var updated = (await portal.AuditAsync(ProceedingAuditActions.ProceedingUpdated)).Should().ContainSingle(a => a.EntityId == proceeding.ToString()).Subject;
        JsonDocument.Parse(updated.Details!).RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("field").GetString(), c.GetProperty("old").GetString(), c.GetProperty("new").GetString()))
            .Should().Equal([("OpenedOn", Iso(today.AddDays(-9)), Iso(today.AddDays(-8)))]);
        var hearing = await portal.WithDbAsync(db => db.Hearings.Where(h => h.ProceedingId == proceeding).Select(h => h.Id).SingleAsync());
        (await portal.AuditAsync(ProceedingAuditActions.HearingCreated)).Should().ContainSingle(a => a.EntityId == hearing.ToString() && a.ActorId == lawyer.Id);
        var decision = await portal.WithDbAsync(db => db.CourtDecisions.Where(d => d.ProceedingId == proceeding).Select(d => d.Id).SingleAsync());
        (await portal.AuditAsync(ProceedingAuditActions.DecisionRecorded)).Should().ContainSingle(a => a.EntityId == decision.ToString());
    }

    private IDictionary<string, object> TempDataOf(HttpResponseMessage response) => portal.TempDataOf(response);
}
