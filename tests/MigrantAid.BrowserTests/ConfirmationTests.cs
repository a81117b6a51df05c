using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

/// <summary>One-click removals ask first, in the page's own dialog (data-confirm, site.js).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConfirmationTests(BrowserPortal portal)
{
    [Fact]
    public async Task Removing_a_spelling_asks_first_cancel_keeps_it_and_confirm_removes_it()
    {
        var lawyer = await portal.CreateUserAsync("browser-confirm-lawyer@test.local", "Rustam Ergashev", "St Petersburg", SupportedLanguages.English, Roles.Lawyer);
        var seeded = await portal.OpenCaseAsync("St Petersburg", "Подтверждаев Ильдар", lawyer.Id, "Passport kept by the employer");
        await AddSpellingAsync(seeded.ClientId, "Podtverzhdaev Ildar");
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("browser-confirm-lawyer@test.local");
        await page.GotoAsync($"/clients/{seeded.ClientId}");
        await Expect(page.GetByTestId("alias")).ToHaveCountAsync(1);
        var dialog = page.GetByTestId("confirm-dialog");
        await Expect(dialog).ToBeHiddenAsync();

        await page.GetByTestId("remove-alias").ClickAsync();

        await Expect(dialog).ToBeVisibleAsync();
        await Expect(page.GetByTestId("confirm-message")).ToHaveTextAsync("Remove the spelling Podtverzhdaev Ildar?");
        await Expect(page.GetByTestId("confirm-cancel")).ToBeFocusedAsync();
        await PageChecks.ExpectBasicAccessibilityAsync(page);
        await Screenshots.SaveAsync(page, "confirm-removal.png", fullPage: false);

        await page.GetByTestId("confirm-cancel").ClickAsync();

        await Expect(dialog).ToBeHiddenAsync();
        (await SpellingsAsync(seeded.ClientId)).Should().Be(1, "cancelling removes nothing");
        await Expect(page.GetByTestId("alias")).ToHaveCountAsync(1);

        await page.GetByTestId("remove-alias").ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        (await SpellingsAsync(seeded.ClientId)).Should().Be(1, "Escape cancels too");

        await page.GetByTestId("remove-alias").ClickAsync();
        await page.GetByTestId("confirm-accept").ClickAsync();

        await Expect(page.GetByTestId("alias")).ToHaveCountAsync(0);
        (await SpellingsAsync(seeded.ClientId)).Should().Be(0, "confirming removes the spelling");
        session.ConsoleErrors.Should().BeEmpty();
    }

    [Fact]
    public async Task Revoking_the_calendar_address_asks_first_in_Russian()
    {
        await portal.CreateUserAsync("browser-confirm-feed@test.local", "Гульнара Исмаилова", "St Petersburg", SupportedLanguages.Russian, Roles.Lawyer);
        await using var session = await portal.OpenAsync(locale: "ru-RU");
        var page = session.Page;
        await session.SignInAsync("browser-confirm-feed@test.local");
        await page.GotoAsync("/calendar/feed");
        await page.GetByTestId("feed-create").ClickAsync();
        await Expect(page.GetByTestId("feed-revoke")).ToBeVisibleAsync();

        await page.GetByTestId("feed-revoke").ClickAsync();

        await Expect(page.GetByTestId("confirm-message")).ToHaveTextAsync("Отозвать адрес вашего календаря? Календари, которые его используют, сразу перестанут обновляться.");
        await Expect(page.GetByTestId("confirm-accept")).ToHaveTextAsync("Подтвердить");
        await page.GetByTestId("confirm-cancel").ClickAsync();
        await Expect(page.GetByTestId("feed-revoke")).ToBeVisibleAsync();

        await page.GetByTestId("feed-revoke").ClickAsync();
        await page.GetByTestId("confirm-accept").ClickAsync();

        await Expect(page.GetByTestId("feed-revoke")).ToHaveCountAsync(0);
    }

    private async Task AddSpellingAsync(Guid clientId, string name)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var client = await db.Clients.Include(c => c.Aliases).SingleAsync(c => c.Id == clientId);
        client.AddAlias(name, "patent");
        await db.SaveChangesAsync();
    }

    private async Task<int> SpellingsAsync(Guid clientId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Clients.Where(c => c.Id == clientId).SelectMany(c => c.Aliases).CountAsync();
    }
}
