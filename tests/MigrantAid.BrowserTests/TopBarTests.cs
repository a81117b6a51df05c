using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

/// <summary>
/// Issue 12 points 9, 10 and 12 in a browser at 1280 × 800: the top bar on one line in English and
/// Russian with its user menu, the calendar's even columns and month picker, and the search box.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TopBarTests(BrowserPortal portal)
{
    private const string Office = "St Petersburg";

    [Fact]
    public async Task The_top_bar_fits_one_line_in_English_and_Russian_and_its_menu_works_by_keyboard()
    {
        const string email = "browser12-topbar@test.local";
        await portal.CreateUserAsync(email, "Konstantin Aleksandrov-Rozhdestvensky", Office, SupportedLanguages.English, Roles.Coordinator);
        await using var session = await portal.OpenAsync(width: 1280, height: 800);
        var page = session.Page;
        await session.SignInAsync(email);

        await ExpectOneLineAsync(page);
        await OpenMenuByKeyboardAsync(page);
        await CheckPageAsync(session, "topbar-menu.png");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("details.user-menu")).Not.ToHaveAttributeAsync("open", "");
        await Expect(page.GetByTestId("user-menu-toggle")).ToBeFocusedAsync();

        await session.OpenUserMenuAsync();
        await page.Locator("select#language-select").SelectOptionAsync("ru");
        var russian = page.Locator("html[lang=ru]");
        try
        {
            await russian.WaitForAsync(new LocatorWaitForOptions { Timeout = 3_000 });
        }
        catch (TimeoutException)
        {
            await page.GetByTestId("language-submit").ClickAsync();
        }

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await ExpectOneLineAsync(page);
        await OpenMenuByKeyboardAsync(page);
        await Expect(page.GetByTestId("sign-out")).ToHaveTextAsync("Выйти");
        await CheckPageAsync(session, "topbar-menu-ru.png");

        await page.GetByTestId("nav-calendar").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/calendar$"));
        await Expect(page.GetByTestId("calendar-today-zone")).ToContainTextAsync("московское время, UTC+3");

        await session.SignOutAsync();
    }

    [Fact]
    public async Task The_calendar_has_equal_columns_shows_a_long_title_on_focus_and_jumps_to_a_picked_month()
    {
        const string email = "browser12-calendar@test.local";
        var lawyer = await portal.CreateUserAsync(email, "Dilnoza Yusupova", Office, SupportedLanguages.English, Roles.Lawyer);
        var seeded = await portal.OpenCaseAsync(Office, "Sattorov Ilhom", lawyer.Id, "Expulsion appealed");
        var due = Today().AddDays(1);
        const string longTitle = "Appeal against the decision on administrative expulsion to the regional court, with the request to suspend it";
        await DeadlineAsync(seeded.Id, longTitle, due);
        await DeadlineAsync(seeded.Id, "Short", due);

        await using var session = await portal.OpenAsync(width: 1280, height: 800);
        var page = session.Page;
        await session.SignInAsync(email);
        await page.GotoAsync("/calendar?date=" + Iso(due));

        var widths = await page.Locator("[data-testid=calendar-grid] thead th").EvaluateAllAsync<double[]>("ths => ths.map(th => th.getBoundingClientRect().width)");
        widths.Should().HaveCount(7);
        (widths.Max() - widths.Min()).Should().BeLessThan(1.5, "the seven day columns are equally wide");
        var rowWidths = await page.Locator("[data-testid=calendar-day]").EvaluateAllAsync<double[]>("tds => tds.map(td => td.getBoundingClientRect().width)");
        (rowWidths.Max() - rowWidths.Min()).Should().BeLessThan(1.5, "a long title does not widen its day");

        var entry = page.Locator("[data-testid=calendar-deadline]").Filter(new() { HasText = "regional court" }).Locator("a.calendar-entry");
        await Expect(entry).ToHaveAttributeAsync("title", longTitle + " · " + seeded.Reference);
        (await IsCutAsync(entry)).Should().BeTrue("the long title is cut to its column");
        await entry.FocusAsync();
        (await IsCutAsync(entry)).Should().BeFalse("on keyboard focus the whole title shows");
        var box = await entry.BoundingBoxAsync();
        var cell = await page.Locator($"[data-testid=calendar-day][data-date='{Iso(due)}']").BoundingBoxAsync();
        box!.Width.Should().BeLessThanOrEqualTo(cell!.Width, "it wraps inside its day");
        await page.Mouse.MoveAsync(0, 0);
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        (await IsCutAsync(entry)).Should().BeTrue();
        await entry.HoverAsync();
        (await IsCutAsync(entry)).Should().BeFalse("on hover the whole title shows");
        await page.Mouse.MoveAsync(0, 0);
        await CheckPageAsync(session, "calendar-picker.png");

        await page.GetByTestId("calendar-pick-month").SelectOptionAsync("7");
        await page.GetByTestId("calendar-pick-year").FillAsync("2031");
        await page.GetByTestId("calendar-pick-submit").ClickAsync();
        await Expect(page.GetByTestId("calendar-title")).ToHaveTextAsync("July 2031");
        await Expect(page.Locator("[data-testid=calendar-day]").First).ToHaveAttributeAsync("data-date", "2031-06-30");
        await Expect(page.GetByTestId("calendar-today-zone")).ToContainTextAsync("Moscow time, UTC+3");
    }

    [Fact]
    public async Task The_search_box_finds_a_client_by_a_latin_spelling_from_any_page()
    {
        const string email = "browser12-search@test.local";
        var lawyer = await portal.CreateUserAsync(email, "Anvar Tashkentov", Office, SupportedLanguages.English, Roles.Lawyer);
        var seeded = await portal.OpenCaseAsync(Office, "Хамидова Зарина", lawyer.Id, "Child refused by a school");

        await using var session = await portal.OpenAsync(width: 1280, height: 800);
        var page = session.Page;
        await session.SignInAsync(email);
        await page.GotoAsync("/desk");
        await page.GetByTestId("top-search-input").FillAsync("Khamidova Zarina");
        await page.GetByTestId("top-search-input").PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/search\\?q=Khamidova"));
        await Expect(page.GetByTestId("top-search-input")).ToHaveValueAsync("Khamidova Zarina");
        await Expect(page.Locator($"[data-testid=search-case][data-case-id='{seeded.Id}']")).ToContainTextAsync(seeded.Reference);
        var client = page.Locator($"[data-testid=search-client][data-client-id='{seeded.ClientId}']");
        await Expect(client).ToContainTextAsync("Хамидова Зарина");
        await CheckPageAsync(session, "search-results.png");

        await page.GetByTestId("top-search-input").FillAsync(seeded.Reference);
        await page.GetByTestId("top-search-submit").ClickAsync();
        await Expect(page.GetByTestId("search-case")).ToHaveCountAsync(1);
        await page.GetByTestId("search-case-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/cases/{seeded.Id}$"));
    }

    /// <summary>Every item of the bar sits on one row: no link wraps to a second line, nothing drops below.</summary>
    private static async Task ExpectOneLineAsync(IPage page)
    {
        var boxes = await page.Locator("header nav.navbar").EvaluateAsync<double[][]>("""
            nav => [...nav.querySelectorAll('.navbar-brand, .navbar-nav > .nav-item > .nav-link, form[role=search], details.user-menu > summary')]
                .map(e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom, r.height, r.left, r.right]; })
            """);
        var width = await page.EvaluateAsync<double>("() => document.documentElement.clientWidth");
        var shown = string.Join("; ", boxes.Select(b => string.Join(",", b.Select(v => Math.Round(v)))));
        boxes.Should().OnlyContain(b => b[4] <= width, "every item of the bar is inside the window ({0})", shown);
        boxes.Length.Should().BeGreaterThan(5);
        var middles = boxes.Select(b => (b[0] + b[1]) / 2).ToList();
        (middles.Max() - middles.Min()).Should().BeLessThan(6, "the items of the bar are on one line");
        boxes.Select(b => b[2]).Should().OnlyContain(h => h < 48, "no item wraps onto a second line");
        var bar = await page.Locator("header nav.navbar").BoundingBoxAsync();
        bar!.Height.Should().BeLessThan(72, "the bar is one line high");
    }

    private static async Task OpenMenuByKeyboardAsync(IPage page)
    {
        await page.GetByTestId("user-menu-toggle").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("details.user-menu")).ToHaveAttributeAsync("open", "");
        await Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("menu-profile")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("nav-calendar")).ToBeVisibleAsync();
        var panel = await page.GetByTestId("user-menu-panel").BoundingBoxAsync();
        (panel!.X + panel.Width).Should().BeLessThanOrEqualTo(1280, "the menu opens inside the window");
    }

    /// <summary>Whether the entry's text (below its badge) runs past its column, cut with an ellipsis.</summary>
    private static Task<bool> IsCutAsync(ILocator entry) =>
        entry.Locator(".calendar-entry-text").EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth + 1");

    private async Task DeadlineAsync(Guid caseId, string title, DateOnly dueOn)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.CaseDeadlines.Add(new CaseDeadline(caseId, DeadlineKind.Manual, title, dueOn, Guid.NewGuid(), portal.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    private DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(portal.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task CheckPageAsync(BrowserSession session, string screenshot)
    {
        await PageChecks.ExpectBasicAccessibilityAsync(session.Page);
        session.ConsoleErrors.Should().BeEmpty();
        await Screenshots.SaveAsync(session.Page, screenshot);
    }
}
