using System.Net;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Security;

/// <summary>Records that must stay closed even to people who may see the office's other work.</summary>
public class RestrictedRecordTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_intake_of_a_confidential_case_is_closed_to_an_unassigned_caseworker_of_the_office()
    {
        var office = await portal.Office().SaveAsync();
        var lawyer = await portal.CreateUserAsync("restricted-lawyer@test.local", Roles.Lawyer);
        var caseworker = await portal.CreateUserAsync("restricted-cw@test.local", Roles.Caseworker);
        await StaffBuilder.PlaceAsync(portal, caseworker.Id, office.Id);
        await portal.CreateUserAsync("restricted-coord@test.local", Roles.Coordinator);
        var built = await new CaseBuilder(portal, office).WithClient("Конфиденциальный Клиент").Confidential().AssignedTo(lead: lawyer.Id).SaveAsync();

        var caseworkerClient = await portal.SignedInClientAsync("restricted-cw@test.local");
        var response = await caseworkerClient.GetAsync($"/intakes/{built.IntakeId}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("Конфиденциальный");
        var coordinator = await portal.SignedInClientAsync("restricted-coord@test.local");
        (await coordinator.GetAsync($"/intakes/{built.IntakeId}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_client_who_withdrew_consent_is_not_named_on_the_case_page_to_an_unassigned_caseworker()
    {
        var office = await portal.Office().SaveAsync();
        var lawyer = await portal.CreateUserAsync("withdrawn-lawyer@test.local", Roles.Lawyer);
        var caseworker = await portal.CreateUserAsync("withdrawn-cw@test.local", Roles.Caseworker);
        await StaffBuilder.PlaceAsync(portal, caseworker.Id, office.Id);
        var built = await new CaseBuilder(portal, office).WithClient("Отозванова Зарина").WithConsentWithdrawn().AssignedTo(lead: lawyer.Id).SaveAsync();

        var officeCaseworker = await portal.SignedInClientAsync("withdrawn-cw@test.local");
        var page = await officeCaseworker.GetAsync($"/cases/{built.Id}");

        page.StatusCode.Should().Be(HttpStatusCode.OK, "the case itself is visible to the office's caseworkers");
        var body = await page.Content.ReadAsStringAsync();
        body.Should().NotContain("Отозванова");
        HttpForms.Parse(body).QuerySelectorAll("[data-testid=client-restricted]").Should().ContainSingle();

        var assignedLawyer = await portal.SignedInClientAsync("withdrawn-lawyer@test.local");
        (await (await assignedLawyer.GetAsync($"/cases/{built.Id}")).Content.ReadAsStringAsync()).Should().Contain("Отозванова");
    }

    [Fact]
    public async Task The_complaint_of_a_client_who_withdrew_consent_is_hidden_from_an_unassigned_caseworker()
    {
        var office = await portal.Office().SaveAsync();
        var lawyer = await portal.CreateUserAsync("hidden-complaint-lawyer@test.local", Roles.Lawyer);
        var caseworker = await portal.CreateUserAsync("hidden-complaint-cw@test.local", Roles.Caseworker);
        await StaffBuilder.PlaceAsync(portal, caseworker.Id, office.Id);
        var built = await new CaseBuilder(portal, office).WithClient("Скрытова Мадина").WithConsentWithdrawn()
            .WithAccount("Бригадир забрал паспорт на складе в Колпино.").AssignedTo(lead: lawyer.Id).SaveAsync();

        var officeCaseworker = await portal.SignedInClientAsync("hidden-complaint-cw@test.local");
        var body = await (await officeCaseworker.GetAsync($"/cases/{built.Id}")).Content.ReadAsStringAsync();

        body.Should().NotContain("Колпино");
        HttpForms.Parse(body).QuerySelector("[data-testid=complaint-hidden]").Should().NotBeNull("the caseworker is told why the complaint is not shown");
        var assignedLawyer = await portal.SignedInClientAsync("hidden-complaint-lawyer@test.local");
        (await (await assignedLawyer.GetAsync($"/cases/{built.Id}")).Content.ReadAsStringAsync()).Should().Contain("Колпино");
    }

    [Fact]
    public async Task A_client_who_refused_consent_is_restricted_like_one_who_withdrew_it()
    {
        var office = await portal.Office().SaveAsync();
        var lawyer = await portal.CreateUserAsync("refused-lawyer@test.local", Roles.Lawyer);
        var caseworker = await portal.CreateUserAsync("refused-cw@test.local", Roles.Caseworker);
        await StaffBuilder.PlaceAsync(portal, caseworker.Id, office.Id);
        var built = await new CaseBuilder(portal, office).WithClient("Отказова Гульнара").WithConsentRefused()
            .WithAccount("Работала на рынке Апраксин двор без оплаты.").AssignedTo(lead: lawyer.Id).SaveAsync();

        var officeCaseworker = await portal.SignedInClientAsync("refused-cw@test.local");
        var casePage = await (await officeCaseworker.GetAsync($"/cases/{built.Id}")).Content.ReadAsStringAsync();
        var clientPage = await officeCaseworker.GetAsync($"/clients/{built.ClientId}");
        var search = await (await officeCaseworker.GetAsync("/cases?scope=all&q=Otkazova")).Content.ReadAsStringAsync();

        casePage.Should().NotContain("Отказова").And.NotContain("Апраксин");
        clientPage.StatusCode.Should().Be(HttpStatusCode.NotFound);
        search.Should().NotContain(built.Reference);
        var assignedLawyer = await portal.SignedInClientAsync("refused-lawyer@test.local");
        (await (await assignedLawyer.GetAsync("/cases?scope=all&q=Otkazova")).Content.ReadAsStringAsync()).Should().Contain(built.Reference);
    }
}
