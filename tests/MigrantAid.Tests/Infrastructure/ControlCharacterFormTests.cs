using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Infrastructure.Input;
using static MigrantAid.Tests.Support.HttpForms;
using static MigrantAid.Tests.Support.IntakeSteps;

namespace MigrantAid.Tests.Infrastructure;

/// <summary>
/// A NUL typed into a representative form is refused at its field: the form comes back with the message, the
/// field without the NUL, every other typed value kept, and nothing is written. Searches show it too.
/// </summary>
public class ControlCharacterFormTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Message = ControlCharacters.Message;

    [Fact]
    public async Task Case_note_with_a_nul_comes_back_with_the_message_and_is_not_added()
    {
        var (client, office) = await StaffAsync("ctl-note");
        var caseId = (await portal.Case(office).WithClient("Нулевой Тимур", null).OnBuildingSite().OpenedToday().OpenedBy(await UserIdAsync("ctl-note")).AssignedTo(await UserIdAsync("ctl-note")).SaveAsync()).Id;

        var response = await PostFormAsync(client, $"/cases/{caseId}", $"/cases/{caseId}/notes", [new("Note.Kind", "Court"), new("Note.Text", "Hearing\0 moved")]);

        var page = await ShownAgainAsync(response);
        FieldMessage(page, "Note.Text").Should().Be(Message);
        page.QuerySelector("textarea[name='Note.Text']")!.TextContent.Trim().Should().Be("Hearing moved");
        page.QuerySelector("select[name='Note.Kind'] option[selected]")!.GetAttribute("value").Should().Be("Court");
        (await portal.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == caseId && e.Kind == CaseEventKind.Note))).Should().Be(0);
    }

    [Fact]
    public async Task Client_form_with_a_nul_in_the_name_keeps_the_rest_and_creates_nobody()
    {
        var (client, _) = await StaffAsync("ctl-client");
        var before = await portal.WithDbAsync(db => db.Clients.CountAsync());

        // The full form is reached from "find before you create"; it posts here with the same token.
        var token = (await client.GetDocumentAsync("/clients/new")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync("/clients/create", new FormUrlEncodedContent(
            [new("FullName", "Рахи\0мов Азиз"), new("Patronymic", "Каримович"), new("CurrentCity", "Казань"), new("Citizenship", "UZ"), new("__RequestVerificationToken", token)]));

        var page = await ShownAgainAsync(response);
        FieldMessage(page, "FullName").Should().Be(Message);
        Value(page, "FullName").Should().Be("Рахимов Азиз");
        Value(page, "Patronymic").Should().Be("Каримович");
        Value(page, "CurrentCity").Should().Be("Казань");
        (await portal.WithDbAsync(db => db.Clients.CountAsync())).Should().Be(before);
    }

    [Fact]
    public async Task Intake_step_with_a_nul_keeps_the_other_answers_and_saves_nothing()
    {
        var (client, _) = await StaffAsync("ctl-intake");
        var intake = await StartIntakeAsync(client);
        Location(await RegisterClientAsync(client, intake, "Шагов Бахтиёр"));

        var response = await PostFormAsync(client, $"/intakes/{intake}/complaint", $"/intakes/{intake}/complaint",
            [new("IncidentCity", "Ка\u0001зань"), new("ClientWishes", "Get the wages back"), new("Account", "Worked at a market for a year")]);

        var page = await ShownAgainAsync(response);
        FieldMessage(page, "IncidentCity").Should().Be(Message);
        Value(page, "IncidentCity").Should().Be("Казань");
        page.QuerySelector("textarea[name='ClientWishes']")!.TextContent.Trim().Should().Be("Get the wages back");
        var stored = await portal.WithDbAsync(db => db.Intakes.AsNoTracking().SingleAsync(i => i.Id == intake));
        stored.IncidentCity.Should().BeNull();
        stored.ClientWishes.Should().BeNull();
    }

    [Fact]
    public async Task User_form_with_a_nul_in_the_name_keeps_the_email_and_creates_no_account()
    {
        var (client, _) = await StaffAsync("ctl-user");

        var response = await PostFormAsync(client, "/users/create", "/users/create", [new("Email", "ctl-new@test.local"), new("FullName", "Новый\0 Сотрудник")]);

        var page = await ShownAgainAsync(response);
        FieldMessage(page, "FullName").Should().Be(Message);
        Value(page, "FullName").Should().Be("Новый Сотрудник");
        Value(page, "Email").Should().Be("ctl-new@test.local");
        (await portal.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "ctl-new@test.local"))).Should().Be(0);
    }

    [Theory]
    [InlineData("/cases?q=Ива%00нов", "q")]
    [InlineData("/clients?q=Ива%00нов", "q")]
    public async Task Search_with_a_nul_shows_the_message_at_the_search_field(string url, string field)
    {
        var (client, _) = await StaffAsync("ctl-search-" + field + url.Length);

        var response = await client.GetAsync(url);

        var page = await ShownAgainAsync(response);
        page.QuerySelector($"[data-testid=field-error-{field}]")!.TextContent.Should().Be(Message);
        Value(page, field).Should().Be("Иванов");
    }

    [Fact]
    public async Task Intake_client_search_and_filters_with_a_nul_show_the_message()
    {
        var (client, _) = await StaffAsync("ctl-intake-search");
        var intake = await StartIntakeAsync(client);

        var search = await ShownAgainAsync(await client.GetAsync($"/intakes/{intake}/client?name=Ива%00нов"));
        search.QuerySelector("[data-testid=field-error-name]")!.TextContent.Should().Be(Message);
        Value(search, "name").Should().Be("Иванов");

        var list = await ShownAgainAsync(await client.GetAsync("/intakes?submittedFrom=2026-01-01%00"));
        list.QuerySelector("[data-testid=form-errors]")!.TextContent.Should().Contain(Message);
    }

    private async Task<(HttpClient Client, Office Office)> StaffAsync(string name)
    {
        var office = await portal.Office().WithCode(new string(Guid.NewGuid().ToByteArray()[..5].Select(b => (char)('A' + (b % 26))).ToArray())).SaveAsync();
        await portal.Staff(name + "@test.local").InOffice(office.Id).WithRoles(Roles.Admin, Roles.Coordinator, Roles.Lawyer).SaveAsync();
        return (await portal.SignedInClientAsync(name + "@test.local"), office);
    }

    private Task<Guid> UserIdAsync(string name) =>
        portal.WithDbAsync(db => db.Users.Where(u => u.Email == name + "@test.local").Select(u => u.Id).SingleAsync());

    private static async Task<IHtmlDocument> ShownAgainAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the form is shown again, never a 500 or a redirect to success");
        return await PageAsync(response);
    }

    private static string? FieldMessage(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim();

    private static string? Value(IHtmlDocument page, string field) =>
        page.QuerySelector($"main input[name='{field}']")?.GetAttribute("value");
}
