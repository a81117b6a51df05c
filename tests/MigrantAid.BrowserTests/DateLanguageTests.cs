using System.Globalization;
using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

/// <summary>
/// Issue 12, point 14: date fields follow the user's language, not the browser's. Chromium draws
/// <c>&lt;input type=date&gt;</c> in the browser's locale (mm/dd/yyyy in en-US); the portal's date fields are
/// written and read day first in the user's language, whatever the browser says.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DateLanguageTests(BrowserPortal portal)
{
    private const string Office = "St Petersburg";

    [Theory]
    [InlineData("ru-RU")]
    [InlineData("en-US")]
    public async Task A_Russian_speaking_lawyer_types_and_reads_dates_day_first_in_Russian_whatever_the_browser_locale(string browserLocale)
    {
        var email = $"browser-dates-ru-{browserLocale.ToLowerInvariant()}@test.local";
        var lawyer = await portal.CreateUserAsync(email, "Anna Petrova", Office, SupportedLanguages.Russian, Roles.Lawyer);
        var seeded = await portal.OpenCaseAsync(Office, "Rakhimov Farrukh " + browserLocale, lawyer.Id, "Refusal of a residence permit");
        var due = Today().AddDays(40);

        await using var session = await portal.OpenAsync(browserLocale);
        var page = session.Page;
        await session.SignInAsync(email);
        await page.GotoAsync($"/cases/{seeded.Id}/deadlines/new");
        var field = page.GetByTestId("deadline-due-input");
        await Expect(field).ToHaveAttributeAsync("type", "text");
        await Expect(field).ToHaveAttributeAsync("placeholder", "дд.мм.гггг");

        // An unreadable date is refused at its field, in Russian, and what was typed stays.
        await page.GetByTestId("deadline-title-input").FillAsync("Подать жалобу");
        await field.FillAsync("31.02." + due.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByTestId("save-deadline").ClickAsync();
        await Expect(page.GetByTestId("error-DueOn")).ToContainTextAsync("Введите дату в виде дд.мм.гггг");
        await Expect(page.GetByTestId("deadline-due-input")).ToHaveValueAsync("31.02." + due.Year.ToString(CultureInfo.InvariantCulture));

        // Typed day first in Russian, it is stored as that day and shown with the month as a word.
        await page.GetByTestId("deadline-due-input").FillAsync(due.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        await page.GetByTestId("save-deadline").ClickAsync();
        var deadline = page.GetByTestId("deadline").Filter(new() { HasText = "Подать жалобу" });
        await Expect(deadline).ToHaveAttributeAsync("data-due", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Expect(deadline.GetByTestId("deadline-due")).ToContainTextAsync(due.ToString("d MMMM yyyy", new CultureInfo("ru")));
    }

    [Fact]
    public async Task An_English_speaking_user_with_a_US_browser_still_gets_day_first_dates()
    {
        const string email = "browser-dates-en-us@test.local";
        var lawyer = await portal.CreateUserAsync(email, "Mark Ellis", Office, SupportedLanguages.English, Roles.Lawyer);
        var seeded = await portal.OpenCaseAsync(Office, "Usmonov Jasur", lawyer.Id, "Unpaid wages");
        var due = Today().AddDays(35);

        await using var session = await portal.OpenAsync("en-US");
        var page = session.Page;
        await session.SignInAsync(email);
        await page.GotoAsync($"/cases/{seeded.Id}/deadlines/new");
        await Expect(page.GetByTestId("deadline-due-input")).ToHaveAttributeAsync("placeholder", "dd/mm/yyyy");
        await page.GetByTestId("deadline-title-input").FillAsync("Send the claim");
        await page.GetByTestId("deadline-due-input").FillAsync(due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await page.GetByTestId("save-deadline").ClickAsync();

        var deadline = page.GetByTestId("deadline").Filter(new() { HasText = "Send the claim" });
        await Expect(deadline).ToHaveAttributeAsync("data-due", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Expect(deadline.GetByTestId("deadline-due")).ToContainTextAsync(due.ToString("d MMMM yyyy", new CultureInfo("en-GB")));
    }

    private DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(portal.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime);
}
