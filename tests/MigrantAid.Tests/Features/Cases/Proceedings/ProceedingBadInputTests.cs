using System.Net;
using AngleSharp.Html.Dom;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain.Proceedings;
using static MigrantAid.Tests.Features.Cases.Proceedings.ProceedingForms;
using static MigrantAid.Tests.Support.FormValues;
using static MigrantAid.Tests.Support.HttpForms;
using static MigrantAid.Tests.Support.IntakeSteps;

namespace MigrantAid.Tests.Features.Cases.Proceedings;

/// <summary>Issue 4, point 7: each refused entry says why at its field, keeps what was typed, and writes nothing.</summary>
public class ProceedingBadInputTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Zone = OfficeBuilder.DefaultTimeZone;

    private DateOnly Today => portal.Today(Zone);

    private static List<KeyValuePair<string, string>> Proceeding(DateOnly openedOn, string instance = "FirstInstance", string? closedOn = null, Guid? challenges = null, string country = "RU") =>
    [
        new("Jurisdiction", country),
        new("Court", "Basmanny District Court of Moscow"),
        new("Instance", instance),
        new("Type", "AdministrativeCase"),
        new("CourtCaseNumber", "2a-771/2026"),
        new("Judge", ""),
        new("Subject", "Challenge to an entry ban"),
        new("ClientRole", "Applicant"),
        new("OpenedOn", Iso(openedOn)),
        new("ClosedOn", closedOn ?? ""),
        new("ChallengesId", challenges?.ToString() ?? ""),
    ];

    /// <summary>Posts, expects the form again with <paramref name="message"/> at <paramref name="field"/>, and nothing written.</summary>
    private async Task<IHtmlDocument> RefusedAsync(HttpClient client, Guid caseId, string url, List<KeyValuePair<string, string>> fields, string field, string message)
    {
        var before = await ProceedingCounts.ReadAsync(portal, caseId);
        var response = await SubmitAsync(client, url, url, fields);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "a refused form is shown again, never a 500");
        var page = await PageAsync(response);
        Error(page, field).Should().Be(message);
        page.QuerySelector($"[name='{field}']")!.ClassList.Should().Contain("is-invalid");
        (await ProceedingCounts.ReadAsync(portal, caseId)).Should().Be(before, "nothing is half-written");
        foreach (var (name, value) in fields.Where(f => f.Value != ""))
        {
            // A select can only show a value it offers.
            if (page.QuerySelector($"[name='{name}']") is not IHtmlSelectElement select || select.Options.Any(o => o.Value == value))
            {
                Value(page, name).Should().Be(value, "what was typed in {0} is kept", name);
            }
        }

        return page;
    }

    private async Task<(Guid CaseId, HttpClient Client)> CaseAsync(string code)
    {
        var office = await portal.Office().WithCode(code).SaveAsync();
        var (caseId, client, _) = await LawyerCase.OpenAsync(portal, office, code.ToLowerInvariant() + "-lawyer@test.local");
        return (caseId, client);
    }

    [Fact]
    public async Task Proceeding_closed_before_it_opened_is_refused()
    {
        var (caseId, client) = await CaseAsync("BCLO");
        await RefusedAsync(client, caseId, $"/cases/{caseId}/proceedings/new", Proceeding(Today.AddDays(-5), closedOn: Iso(Today.AddDays(-6))),
            "ClosedOn", portal.English("The closing date cannot be before the opening date."));
    }

    [Fact]
    public async Task Proceeding_opened_in_the_future_is_refused()
    {
        var (caseId, client) = await CaseAsync("BFUT");
        await RefusedAsync(client, caseId, $"/cases/{caseId}/proceedings/new", Proceeding(Today.AddDays(1)),
            "OpenedOn", portal.English("The opening date cannot be in the future."));
    }

    [Fact]
    public async Task Challenge_of_a_proceeding_on_another_case_is_refused()
    {
        var (caseId, client) = await CaseAsync("BOTH");
        var (otherCase, _) = await CaseAsync("BOTX");
        var foreign = (await portal.Proceeding(otherCase).OpenedOn(Today.AddDays(-30)).SaveAsync()).Id;
        await RefusedAsync(client, caseId, $"/cases/{caseId}/proceedings/new", Proceeding(Today.AddDays(-5), "Appeal", challenges: foreign),
            "ChallengesId", portal.English("Choose a proceeding of this case."));
    }

    [Fact]
    public async Task Appeal_challenging_a_higher_instance_and_first_instance_challenging_anything_are_refused()
    {
        var (caseId, client) = await CaseAsync("BINS");
        var cassation = (await portal.Proceeding(caseId).OpenedOn(Today.AddDays(-30)).AtInstance(CourtInstance.Cassation).OfType(ProceedingType.AdministrativeCase).SaveAsync()).Id;
        var url = $"/cases/{caseId}/proceedings/new";
        var page = await RefusedAsync(client, caseId, url, Proceeding(Today.AddDays(-5), "Appeal", challenges: cassation),
            "ChallengesId", portal.English("An appeal or review must challenge a proceeding of a lower instance."));
        page.QuerySelector("select[name=ChallengesId] option[selected]")!.GetAttribute("value").Should().Be(cassation.ToString());

        await RefusedAsync(client, caseId, url, Proceeding(Today.AddDays(-5), "FirstInstance", challenges: cassation),
            "ChallengesId", portal.English("A first-instance proceeding does not challenge another proceeding: choose the instance of the appeal or review."));
    }

    [Fact]
    public async Task Appeal_opened_before_the_proceeding_it_challenges_is_refused()
    {
        var (caseId, client) = await CaseAsync("BEAR");
        var first = (await portal.Proceeding(caseId).OpenedOn(Today.AddDays(-10)).OfType(ProceedingType.AdministrativeCase).SaveAsync()).Id;
        await RefusedAsync(client, caseId, $"/cases/{caseId}/proceedings/new", Proceeding(Today.AddDays(-20), "Appeal", challenges: first),
            "OpenedOn", portal.English("A challenge cannot open before the proceeding it challenges."));
    }

    [Fact]
    public async Task Unknown_court_instance_and_unknown_country_are_refused()
    {
        var (caseId, client) = await CaseAsync("BUNK");
        var url = $"/cases/{caseId}/proceedings/new";
        // A number that is no member is refused by the binder itself, with its localized message.
        await RefusedAsync(client, caseId, url, Proceeding(Today.AddDays(-5), "99"),
            "Instance", portal.English("The value '{0}' is invalid.", "99"));

        var before = await ProceedingCounts.ReadAsync(portal, caseId);
        var response = await SubmitAsync(client, url, url, Proceeding(Today.AddDays(-5), "Tribunal"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Error(await PageAsync(response), "Instance").Should().Contain(portal.English("The value '{0}' is not valid for {1}.", "Tribunal", "Instance"));
        (await ProceedingCounts.ReadAsync(portal, caseId)).Should().Be(before);

        response = await SubmitAsync(client, url, url, Proceeding(Today.AddDays(-5), country: "XX"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Error(await PageAsync(response), "Jurisdiction").Should().Be(portal.English("Choose a country from the list."));
        (await ProceedingCounts.ReadAsync(portal, caseId)).Should().Be(before);
    }

    [Fact]
    public async Task Hearing_before_its_proceeding_opened_is_refused()
    {
        var (caseId, client) = await CaseAsync("BHEA");
        var opened = Today.AddDays(-10);
        var proceeding = (await portal.Proceeding(caseId).OpenedOn(opened).SaveAsync()).Id;
        await RefusedAsync(client, caseId, $"/cases/{caseId}/proceedings/{proceeding}/hearings/new",
            [new("StartsAt", Local(opened.AddDays(-1).ToDateTime(new TimeOnly(10, 0)))), new("Place", "Courtroom 2")],
            "StartsAt", portal.English("A hearing cannot be before the proceeding opened ({0}).", Shown(opened)));
    }

    [Fact]
    public async Task Hearing_at_a_time_skipped_by_daylight_saving_is_refused()
    {
        var office = await portal.Office().WithCode("BDST").InTimeZone("Europe/Berlin").SaveAsync();
        var (caseId, client, _) = await LawyerCase.OpenAsync(portal, office, "dst-lawyer@test.local");
        var proceeding = (await portal.Proceeding(caseId).OpenedOn(portal.Today("Europe/Berlin").AddDays(-10)).InCountry("DE").SaveAsync()).Id;
        // Clocks in Berlin go from 02:00 to 03:00 on the last Sunday of March: 02:30 does not exist.
        var march = new DateOnly(portal.Today("Europe/Berlin").Year + 1, 3, 31);
        var lastSunday = march.AddDays(-(int)march.DayOfWeek);
        await RefusedAsync(client, caseId, $"/cases/{caseId}/proceedings/{proceeding}/hearings/new",
            [new("StartsAt", Local(lastSunday.ToDateTime(new TimeOnly(2, 30))))],
            "StartsAt", portal.English("This time does not exist in the time zone {0} (the clocks move forward then). Enter another time.", "Europe/Berlin"));
    }

    [Fact]
    public async Task Next_hearing_before_this_one_and_a_future_hearing_marked_held_are_refused()
    {
        var (caseId, client) = await CaseAsync("BNXT");
        var proceeding = (await portal.Proceeding(caseId).OpenedOn(Today.AddDays(-10)).SaveAsync()).Id;
        var url = $"/cases/{caseId}/proceedings/{proceeding}/hearings/new";
        var at = Today.AddDays(5).ToDateTime(new TimeOnly(10, 0));
        await RefusedAsync(client, caseId, url, [new("StartsAt", Local(at)), new("NextStartsAt", Local(at.AddDays(-1)))],
            "NextStartsAt", portal.English("The next hearing must be after this one."));
        await RefusedAsync(client, caseId, url, [new("StartsAt", Local(at)), new("IsHeld", "true"), new("Result", "Claim granted")],
            "IsHeld", portal.English("A hearing that is still to come cannot be marked as held."));
    }

    [Fact]
    public async Task Decision_dated_in_the_future_is_refused()
    {
        var (caseId, client) = await CaseAsync("BDFU");
        var proceeding = (await portal.Proceeding(caseId).OpenedOn(Today.AddDays(-10)).SaveAsync()).Id;
        await new DeadlineRuleBuilder(portal, "Appeal rule that must not fire").SaveAsync();
        await RefusedAsync(client, caseId, $"/cases/{caseId}/proceedings/{proceeding}/decisions/new",
            [new("DecidedOn", Iso(Today.AddDays(1))), new("ReceivedOn", Iso(Today.AddDays(1))), new("Outcome", "Granted"), new("Summary", "Typed summary")],
            "DecidedOn", portal.English("The decision date cannot be in the future."));
    }

    [Fact]
    public async Task Decision_received_before_it_was_made_is_refused_and_no_deadline_is_computed()
    {
        var (caseId, client) = await CaseAsync("BREC");
        var proceeding = (await portal.Proceeding(caseId).OpenedOn(Today.AddDays(-10)).SaveAsync()).Id;
        await new DeadlineRuleBuilder(portal, "Appeal rule that must not fire either").SaveAsync();
        await RefusedAsync(client, caseId, $"/cases/{caseId}/proceedings/{proceeding}/decisions/new",
            [new("DecidedOn", Iso(Today.AddDays(-2))), new("ReceivedOn", Iso(Today.AddDays(-3))), new("Outcome", "Rejected"), new("Summary", "Typed summary")],
            "ReceivedOn", portal.English("The copy cannot have been received before the decision date."));
    }

    [Fact]
    public async Task Decision_in_final_form_before_the_decision_date_is_refused()
    {
        var (caseId, client) = await CaseAsync("BFIN");
        var proceeding = (await portal.Proceeding(caseId).OpenedOn(Today.AddDays(-10)).SaveAsync()).Id;
        await RefusedAsync(client, caseId, $"/cases/{caseId}/proceedings/{proceeding}/decisions/new",
            [new("DecidedOn", Iso(Today.AddDays(-2))), new("FinalFormOn", Iso(Today.AddDays(-4))), new("Outcome", "PartlyGranted")],
            "FinalFormOn", portal.English("The final form cannot be dated before the decision."));
    }

    [Fact]
    public async Task Decision_before_the_proceeding_opened_and_a_document_of_another_case_are_refused()
    {
        var (caseId, client) = await CaseAsync("BDOC");
        var (otherCase, _) = await CaseAsync("BDOX");
        var opened = Today.AddDays(-10);
        var proceeding = (await portal.Proceeding(caseId).OpenedOn(opened).SaveAsync()).Id;
        var url = $"/cases/{caseId}/proceedings/{proceeding}/decisions/new";
        await RefusedAsync(client, caseId, url, [new("DecidedOn", Iso(opened.AddDays(-1))), new("Outcome", "Granted")],
            "DecidedOn", portal.English("The decision cannot be dated before the proceeding opened ({0}).", Shown(opened)));

        var foreign = await new DocumentBuilder(portal, otherCase, "other-case.pdf").SaveAsync();
        var before = await ProceedingCounts.ReadAsync(portal, caseId);
        var response = await SubmitAsync(client, url, url, [new("DecidedOn", Iso(Today)), new("Outcome", "Granted"), new("DocumentId", foreign.ToString())]);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Error(await PageAsync(response), "DocumentId").Should().Be(portal.English("Choose a document of this case."));
        (await ProceedingCounts.ReadAsync(portal, caseId)).Should().Be(before);
    }
}
