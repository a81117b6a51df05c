using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;
using static MigrantAid.Tests.Features.Cases.Proceedings.ProceedingForms;
using static MigrantAid.Tests.Support.FormValues;
using static MigrantAid.Tests.Support.HttpForms;
using static MigrantAid.Tests.Support.IntakeSteps;

namespace MigrantAid.Tests.Features.Cases.Proceedings;

/// <summary>
/// Issue 12 point 1 through HTTP, with the shipped rules of migrations 0008 and 0022: a decision in an administrative
/// case recorded without the date of its final form says which rule waits for which date, the desk shows the task to
/// enter it until it is entered, and a copy received after the appeal period ended gives the restoration deadline.
/// </summary>
public class WaitingDatesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>Shipped: appeal in an administrative-procedure case, one month from the final form (0008).</summary>
    private const int AdministrativeAppeal = 3;

    /// <summary>Shipped: application to restore the missed appeal period in an administrative-procedure case (0022).</summary>
    private const int AdministrativeRestoration = 102;

    private DateOnly Today => portal.Today();

    /// <summary>A lawyer's case with a first-instance administrative-procedure proceeding, and a decision posted through its form.</summary>
    private async Task<(Guid CaseId, HttpClient Client, Guid Proceeding, Guid Decision)> DecisionAsync(
        string office, string email, DateOnly decidedOn, DateOnly? finalFormOn, DateOnly receivedOn)
    {
        var (caseId, client, _) = await LawyerCase.OpenAsync(portal, await portal.Office().WithCode(office).SaveAsync(), email);
        var proceeding = (await portal.Proceeding(caseId).OpenedOn(Today.AddDays(-120)).OfType(ProceedingType.AdministrativeCase).SaveAsync()).Id;
        var url = $"/cases/{caseId}/proceedings/{proceeding}/decisions/new";
        Location(await PostFormAsync(client, url, url,
        [
            new("DecidedOn", Iso(decidedOn)),
            new("FinalFormOn", finalFormOn is { } f ? Iso(f) : ""),
            new("ReceivedOn", Iso(receivedOn)),
            new("Outcome", "Rejected"),
        ])).Should().Be($"/cases/{caseId}#proceedings");
        var decision = await portal.WithDbAsync(db => db.CourtDecisions.AsNoTracking().Where(d => d.ProceedingId == proceeding).Select(d => d.Id).SingleAsync());
        return (caseId, client, proceeding, decision);
    }

    private Task<List<CaseDeadline>> DeadlinesAsync(Guid decision) =>
        portal.WithDbAsync(db => db.CaseDeadlines.AsNoTracking().Where(d => d.SourceId == decision).ToListAsync());

    private async Task<HttpClient> RussianAsync(string email)
    {
        await portal.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == email)).PreferredLanguage = "ru";
            return await db.SaveChangesAsync();
        });
        return await portal.SignedInClientAsync(email);
    }

    private static string Text(IElement? element) => element?.TextContent.ReplaceLineEndings(" ").Trim() ?? "";

    [Fact]
    public async Task Decision_without_the_final_form_says_which_rule_waits_for_it_in_English_and_Russian_and_computes_nothing()
    {
        var (caseId, client, proceeding, decision) = await DecisionAsync("WTEN", "waiting-en@test.local", Today.AddDays(-10), null, Today.AddDays(-3));
        (await DeadlinesAsync(decision)).Should().BeEmpty();

        var page = await client.GetDocumentAsync($"/cases/{caseId}");
        Text(page.QuerySelector("[data-testid=deadlines-recorded]")).Should().Be(
            portal.English("No deadline was computed yet: a rule applies but waits for a date of the decision, as shown under it."));
        var waiting = page.QuerySelector($"[data-decision-id='{decision}'] [data-testid=decision-waiting]")!;
        waiting.GetAttribute("data-awaits").Should().Be(nameof(TriggerEvent.DecisionInFinalForm));
        Text(waiting.QuerySelector("[data-testid=decision-waiting-text]")).Should().Be(
            "The period “Appeal in an administrative-procedure case” (1 month) starts from the date the decision was made in final form: enter it to compute the deadline.");
        waiting.TextContent.Should().Contain("Code of Administrative Procedure of the Russian Federation, art. 298(1)");
        waiting.QuerySelector("[data-testid=enter-waiting-date]")!.GetAttribute("href")
            .Should().Be($"/cases/{caseId}/proceedings/{proceeding}/decisions/{decision}/edit");

        var russian = await (await RussianAsync("waiting-en@test.local")).GetDocumentAsync($"/cases/{caseId}");
        var ru = russian.QuerySelector($"[data-decision-id='{decision}'] [data-testid=decision-waiting]")!;
        Text(ru.QuerySelector("[data-testid=decision-waiting-text]")).Should().Be(
            "Срок «Апелляционная жалоба по административному делу» (1 месяц) исчисляется со дня изготовления решения в окончательной форме: укажите эту дату, чтобы рассчитать срок.");
        ru.TextContent.Should().Contain("КАС РФ, ч. 1 ст. 298");
    }

    [Fact]
    public async Task Desk_shows_the_task_to_enter_the_final_form_until_it_is_entered_and_then_the_deadline_is_computed()
    {
        var (caseId, client, proceeding, decision) = await DecisionAsync("WTDK", "waiting-desk@test.local", Today.AddDays(-10), null, Today.AddDays(-3));
        var colleague = await portal.Staff("waiting-colleague@test.local").WithRoles(Web.Domain.Roles.Lawyer).SaveAsync();

        var desk = await client.GetDocumentAsync("/desk");
        var task = desk.QuerySelector($"[data-testid=date-to-enter][data-decision-id='{decision}']")!;
        task.GetAttribute("data-rule-id").Should().Be(AdministrativeAppeal.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var link = task.QuerySelector("[data-testid=date-to-enter-link]")!;
        Text(link).Should().Be("Enter the date the decision was made in final form for “Appeal in an administrative-procedure case” (1 month)");
        link.GetAttribute("href").Should().Be($"/cases/{caseId}/proceedings/{proceeding}/decisions/{decision}/edit");
        var other = await (await portal.SignedInClientAsync(colleague.Email!)).GetDocumentAsync("/desk");
        other.QuerySelector($"[data-testid=date-to-enter][data-decision-id='{decision}']").Should().BeNull("a lawyer not on the case does not see its dates");

        var edit = $"/cases/{caseId}/proceedings/{proceeding}/decisions/{decision}/edit";
        var finalForm = Today.AddDays(-8);
        Location(await SubmitAsync(client, edit, edit, [new("FinalFormOn", Iso(finalForm))])).Should().Be($"/cases/{caseId}#proceedings");

        var deadline = (await DeadlinesAsync(decision)).Should().ContainSingle(d => d.RuleId == AdministrativeAppeal).Subject;
        deadline.Trigger.Should().Be(TriggerEvent.DecisionInFinalForm);
        deadline.TriggerDate.Should().Be(finalForm);
        deadline.Status.Should().Be(DeadlineStatus.Open);
        deadline.DueOn.Should().BeOnOrAfter(finalForm.AddMonths(1)).And.BeOnOrBefore(finalForm.AddMonths(1).AddDays(10));
        (await DeadlinesAsync(decision)).Should().NotContain(d => d.Trigger == TriggerEvent.CopyReceivedTooLate, "the copy came in time");

        (await client.GetDocumentAsync("/desk")).QuerySelector($"[data-testid=date-to-enter][data-decision-id='{decision}']").Should().BeNull();
        (await client.GetDocumentAsync($"/cases/{caseId}")).QuerySelector($"[data-decision-id='{decision}'] [data-testid=decision-waiting]").Should().BeNull();
    }

    [Fact]
    public async Task Copy_received_after_the_appeal_period_ended_gives_the_restoration_deadline_from_receipt_with_its_legal_basis()
    {
        var received = Today.AddDays(-2);
        var (caseId, client, proceeding, decision) = await DecisionAsync("WTLT", "late-copy@test.local", Today.AddDays(-62), Today.AddDays(-60), received);

        var deadlines = await DeadlinesAsync(decision);
        deadlines.Should().ContainSingle(d => d.RuleId == AdministrativeAppeal).Which.DueOn.Should().BeBefore(received, "the appeal period had ended");
        var restoration = deadlines.Should().ContainSingle(d => d.RuleId == AdministrativeRestoration).Subject;
        restoration.Trigger.Should().Be(TriggerEvent.CopyReceivedTooLate);
        restoration.TriggerDate.Should().Be(received);
        restoration.Kind.Should().Be(DeadlineKind.Computed);
        restoration.Status.Should().Be(DeadlineStatus.Open);
        restoration.DueOn.Should().BeOnOrAfter(received.AddMonths(1)).And.BeOnOrBefore(received.AddMonths(1).AddDays(10));
        restoration.Title.Should().Be("Application to restore the missed appeal period (administrative-procedure case)");

        var page = await client.GetDocumentAsync($"/cases/{caseId}");
        var late = page.QuerySelector($"[data-decision-id='{decision}'] [data-testid=decision-late-copy]")!;
        Text(late.QuerySelector("[data-testid=decision-late-copy-text]")).Should().Be(
            $"The copy was received on {Shown(received)}, with fewer than 5 working days of the period counted from the final form left, or after it had ended. "
            + $"Apply to restore the missed period, together with the appeal, by {Shown(restoration.DueOn)}: “Application to restore the missed appeal period (administrative-procedure case)”.");
        Text(late.QuerySelector("[data-testid=decision-late-copy-basis]")).Should().Be("Legal basis: Code of Administrative Procedure of the Russian Federation, art. 95");
        page.QuerySelector($"[data-deadline-id='{restoration.Id}']").Should().NotBeNull("the restoration deadline is one of the case's deadlines");

        var russian = await (await RussianAsync("late-copy@test.local")).GetDocumentAsync($"/cases/{caseId}");
        var ru = russian.QuerySelector($"[data-decision-id='{decision}'] [data-testid=decision-late-copy]")!;
        Text(ru.QuerySelector("[data-testid=decision-late-copy-text]")).Should().Contain("Подайте заявление о восстановлении пропущенного срока")
            .And.Contain("«Заявление о восстановлении пропущенного срока апелляционного обжалования (административное дело)»");
        Text(ru.QuerySelector("[data-testid=decision-late-copy-basis]")).Should().Contain("КАС РФ, ст. 95");

        // A corrected receipt date that leaves the period whole withdraws the restoration deadline.
        var edit = $"/cases/{caseId}/proceedings/{proceeding}/decisions/{decision}/edit";
        Location(await SubmitAsync(client, edit, edit, [new("ReceivedOn", Iso(Today.AddDays(-59)))])).Should().Be($"/cases/{caseId}#proceedings");
        (await DeadlinesAsync(decision)).Single(d => d.Id == restoration.Id).Status.Should().Be(DeadlineStatus.Dismissed);
        (await client.GetDocumentAsync($"/cases/{caseId}")).QuerySelector($"[data-decision-id='{decision}'] [data-testid=decision-late-copy]").Should().BeNull();
    }
}
