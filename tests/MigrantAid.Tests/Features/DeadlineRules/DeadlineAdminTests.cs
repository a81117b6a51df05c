using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Security.Audit;
using static MigrantAid.Tests.Support.HttpForms;

namespace MigrantAid.Tests.Features.DeadlineRules;

/// <summary>The administrators' deadline rules and country calendars.</summary>
public class DeadlineAdminTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Rules_and_calendars_are_for_administrators_only()
    {
        await portal.CreateUserAsync("rules-lawyer@test.local", Roles.Lawyer);
        var lawyer = await portal.SignedInClientAsync("rules-lawyer@test.local");

        foreach (var url in new[] { "/deadline-rules", "/deadline-rules/create", "/deadline-rules/1/edit", "/calendars", "/calendars?country=KZ&year=2026" })
        {
            (await lawyer.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Forbidden, url);
        }

        var token = (await lawyer.GetDocumentAsync("/profile")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var url in new[] { "/deadline-rules/1/confirm", "/deadline-rules/1/deactivate", "/calendars/RU/2026-01-01/remove", "/calendars/add" })
        {
            var response = await lawyer.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Add.Country", "RU"), new("Add.Date", "2026-07-01"), new("Add.Kind", "Holiday"), new("Add.Name", "Sneaky")]));
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden, url);
        }

        (await portal.WithDbAsync(db => db.DeadlineRules.AsNoTracking().SingleAsync(r => r.Id == 1))).NeedsVerification.Should().BeTrue();
        (await portal.WithDbAsync(db => db.CountryCalendarDays.CountAsync(d => d.Country == "RU" && d.Date == new DateOnly(2026, 1, 1)))).Should().Be(1);
    }

    [Fact]
    public async Task The_shipped_rules_are_listed_as_examples_needing_verification_and_an_admin_confirms_one()
    {
        var admin = await portal.CreateUserAsync("rules-confirm-admin@test.local", Roles.Admin);
        var client = await portal.SignedInClientAsync("rules-confirm-admin@test.local");

        var list = await client.GetDocumentAsync("/deadline-rules");
        list.QuerySelector("[data-testid=rules-verify-note]")!.TextContent.Should().Contain(portal.English("These rules are examples until your lawyers confirm them"));
        var rows = list.QuerySelectorAll("[data-testid=rule]");
        rows.Select(r => r.GetAttribute("data-rule-id")).Should().Contain(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
        rows.Where(r => int.Parse(r.GetAttribute("data-rule-id")!, CultureInfo.InvariantCulture) <= 10)
            .Should().OnlyContain(r => r.QuerySelector("[data-testid=rule-needs-verification]") != null);

        Location(await PostFormAsync(client, list, "/deadline-rules/8/confirm", [])).Should().Be("/deadline-rules");

        (await portal.WithDbAsync(db => db.DeadlineRules.AsNoTracking().SingleAsync(r => r.Id == 8))).NeedsVerification.Should().BeFalse();
        (await portal.AuditAsync(DeadlineAuditActions.RuleConfirmed)).Should().ContainSingle(a => a.EntityId == "8" && a.ActorId == admin.Id);
        (await client.GetDocumentAsync("/deadline-rules")).QuerySelector("[data-rule-id='8'] [data-testid=rule-needs-verification]").Should().BeNull();
    }

    [Fact]
    public async Task Admin_adds_a_rule_and_a_bad_one_is_refused_with_the_values_kept()
    {
        await portal.CreateUserAsync("rules-create-admin@test.local", Roles.Admin);
        var client = await portal.SignedInClientAsync("rules-create-admin@test.local");
        var fields = new Dictionary<string, string>
        {
            ["Name"] = "Appeal against a decision on placement in a special institution",
            ["Forum"] = "RU",
            ["Procedure"] = "Appeal under chapter 28 of the Code of Administrative Procedure",
            ["Trigger"] = "DecisionInFinalForm",
            ["ProceedingType"] = "AdministrativeCase",
            ["Instance"] = "FirstInstance",
            ["Period"] = "0",
            ["Unit"] = "WorkingDays",
            ["LegalBasis"] = "",
            ["Notes"] = "Our lawyers' rule.",
        };

        var refused = await client.SubmitFormAsync("/deadline-rules/create", fields);
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await PageAsync(refused);
        page.QuerySelector("[data-testid=error-Period]")!.TextContent.Should().Be(portal.English("The period must be between {1} and {2}.", "Period", 1, 999));
        page.QuerySelector("input[name=Name]")!.GetAttribute("value").Should().Be("Appeal against a decision on placement in a special institution");
        page.QuerySelector("select[name=Unit] option[selected]")!.GetAttribute("value").Should().Be("WorkingDays");

        fields["Period"] = "5";
        Location(await client.SubmitFormAsync("/deadline-rules/create", fields)).Should().Be("/deadline-rules");

        var rule = await portal.WithDbAsync(db => db.DeadlineRules.AsNoTracking().SingleAsync(r => r.Name == "Appeal against a decision on placement in a special institution"));
        rule.Id.Should().BeGreaterThan(1000, "the shipped rules keep their ids");
        rule.Period.Should().Be(5);
        rule.Unit.Should().Be(PeriodUnit.WorkingDays);
        rule.NeedsVerification.Should().BeFalse("an administrator's own rule is the organisation's");
        (await portal.AuditAsync(DeadlineAuditActions.RuleCreated)).Should().ContainSingle(a => a.EntityId == rule.Id.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_rule_edit_conflict_is_reported_and_nothing_is_overwritten()
    {
        await portal.CreateUserAsync("rules-edit-a@test.local", Roles.Admin);
        await portal.CreateUserAsync("rules-edit-b@test.local", Roles.Admin);
        var first = await portal.SignedInClientAsync("rules-edit-a@test.local");
        var second = await portal.SignedInClientAsync("rules-edit-b@test.local");
        const string url = "/deadline-rules/2/edit";
        var firstForm = await first.GetDocumentAsync(url);
        var secondForm = await second.GetDocumentAsync(url);
        static KeyValuePair<string, string>[] Rule(string name, string period) =>
        [
            new("Name", name), new("Forum", "RU"), new("Procedure", "Appeal against a first-instance decision in a civil case"),
            new("Trigger", "DecisionInFinalForm"), new("ProceedingType", "Civil"), new("Instance", "FirstInstance"),
            new("Period", period), new("Unit", "Months"), new("LegalBasis", "Code of Civil Procedure, art. 321(2)"), new("Notes", ""),
        ];

        Location(await PostFormAsync(first, firstForm, url, Rule("Civil appeal (checked)", "1"))).Should().Be("/deadline-rules");
        var refused = await PostFormAsync(second, secondForm, url, Rule("Civil appeal (second admin)", "2"));

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await PageAsync(refused);
        page.QuerySelector("[data-testid=conflict]")!.TextContent.Should().Contain(portal.English("Someone else saved this rule while you were editing it. The rule as it is now is shown below and nothing was overwritten. Your entries are kept: save again to replace it with yours."));
        page.QuerySelector("[data-testid=current-Name]")!.TextContent.Should().Be("Civil appeal (checked)");
        page.QuerySelector("input[name=Name]")!.GetAttribute("value").Should().Be("Civil appeal (second admin)");
        (await portal.WithDbAsync(db => db.DeadlineRules.AsNoTracking().SingleAsync(r => r.Id == 2))).Name.Should().Be("Civil appeal (checked)");

        Location(await PostFormAsync(second, page, url, Rule("Civil appeal (second admin)", "1"))).Should().Be("/deadline-rules");
        (await portal.WithDbAsync(db => db.DeadlineRules.AsNoTracking().SingleAsync(r => r.Id == 2))).Name.Should().Be("Civil appeal (second admin)");
        (await portal.AuditAsync(DeadlineAuditActions.RuleUpdated)).Where(a => a.EntityId == "2").Should().HaveCount(2);
    }

    [Fact]
    public async Task Admin_keeps_a_countrys_non_working_days_and_new_deadlines_follow_them()
    {
        await portal.CreateUserAsync("calendar-admin@test.local", Roles.Admin);
        var admin = await portal.SignedInClientAsync("calendar-admin@test.local");
        const string page = "/calendars?country=KZ&year=2026";

        var shipped = await admin.GetDocumentAsync(page);
        shipped.QuerySelectorAll("[data-testid=calendar-day]").Select(d => d.GetAttribute("data-date")).Should().Contain(["2026-03-21", "2026-03-24", "2026-12-16"]);
        shipped.QuerySelectorAll("[data-testid=day-needs-verification]").Should().NotBeEmpty();

        var weekday = await PostFormAsync(admin, shipped, "/calendars/add",
            [new("Add.Country", "KZ"), new("Add.Date", "2026-07-07"), new("Add.Kind", "WorkingDay"), new("Add.Name", "Not a weekend")]);
        weekday.StatusCode.Should().Be(HttpStatusCode.OK);
        var refusedPage = await PageAsync(weekday);
        refusedPage.QuerySelector("[data-testid=error-Date]")!.TextContent.Should().Be(portal.English("A worked day must be a Saturday or a Sunday: other days are working days already."));
        refusedPage.QuerySelector("input[name='Add.Name']")!.GetAttribute("value").Should().Be("Not a weekend");
        var duplicate = await PostFormAsync(admin, shipped, "/calendars/add",
            [new("Add.Country", "KZ"), new("Add.Date", "2026-03-21"), new("Add.Kind", "Holiday"), new("Add.Name", "Nauryz again")]);
        (await PageAsync(duplicate)).QuerySelector("[data-testid=error-Date]")!.TextContent.Should().Be(portal.English("This date is listed already. Remove it first to change it."));

        // Capital Day on Monday 6 July 2026: the government makes Tuesday 7 July a day off too (an example, not a real decree).
        Location(await PostFormAsync(admin, shipped, "/calendars/add",
            [new("Add.Country", "KZ"), new("Add.Date", "2026-07-07"), new("Add.Kind", "Holiday"), new("Add.Name", "Extra day off")]))
            .Should().Be("/calendars?country=KZ&year=2026");
        (await portal.AuditAsync(DeadlineAuditActions.CalendarDayAdded)).Should().ContainSingle(a => a.EntityId == "KZ:2026-07-07");

        var rule = await portal.WithDbAsync(async db =>
        {
            var r = new DeadlineRule { Name = "Test: five days in Kazakhstan", Forum = "KZ", Procedure = "Test", Trigger = TriggerEvent.DecisionReceived, Period = 5, Unit = PeriodUnit.CalendarDays };
            db.DeadlineRules.Add(r);
            await db.SaveChangesAsync();
            return r;
        });
        var office = await portal.Office().WithCode("DKZ").SaveAsync();
        var lawyer = await portal.Staff("calendar-lawyer@test.local").InOffice(office.Id).WithRoles(Roles.Lawyer).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Календарев Ерлан", null).OnBuildingSite().OpenedToday().AssignedTo(null, lawyer.Id).SaveAsync()).Id;
        var client = await portal.SignedInClientAsync("calendar-lawyer@test.local");

        // 1 July + 5 days = Monday 6 July (Capital Day), Tuesday 7 July (the added day off): due Wednesday 8 July.
        Location(await PostFormAsync(client, $"/cases/{caseId}/deadlines/event", $"/cases/{caseId}/deadlines/event",
            [new("Trigger", "DecisionReceived"), new("Forum", "KZ"), new("Date", "2026-07-01")]));
        (await portal.WithDbAsync(db => db.CaseDeadlines.AsNoTracking().SingleAsync(d => d.RuleId == rule.Id))).DueOn.Should().Be(new DateOnly(2026, 7, 8));

        var listed = await admin.GetDocumentAsync(page);
        Location(await PostFormAsync(admin, listed, "/calendars/KZ/2026-07-07/remove", [])).Should().Be("/calendars?country=KZ&year=2026");
        (await portal.AuditAsync(DeadlineAuditActions.CalendarDayRemoved)).Should().ContainSingle(a => a.EntityId == "KZ:2026-07-07");
        Location(await PostFormAsync(admin, await admin.GetDocumentAsync(page), "/calendars/KZ/year/2026/confirm", []));
        (await portal.WithDbAsync(db => db.CountryCalendarDays.CountAsync(d => d.Country == "KZ" && d.Date.Year == 2026 && d.NeedsVerification))).Should().Be(0);
        (await portal.WithDbAsync(db => db.CountryCalendarDays.CountAsync(d => d.Country == "KZ" && d.Date.Year == 2027 && d.NeedsVerification))).Should().BeGreaterThan(0, "only the year shown is confirmed");
        (await portal.AuditAsync(DeadlineAuditActions.CalendarDaysConfirmed)).Should().ContainSingle(a => a.EntityId == "KZ:2026");
    }
}
