using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

/// <summary>Issue 12, point 11 in the browser: a coordinator hands a leaving lawyer's cases over, and a user saves and reuses a filter.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ListsTests(BrowserPortal portal)
{
    [Fact]
    public async Task Coordinator_reassigns_all_cases_of_a_leaving_lawyer_in_one_action()
    {
        var leaving = await portal.CreateUserAsync("browser-lists-leaving@test.local", "Leila Uhodova", "St Petersburg", SupportedLanguages.English, Roles.Lawyer);
        var taking = await portal.CreateUserAsync("browser-lists-taking@test.local", "Timur Prinyatov", "St Petersburg", SupportedLanguages.English, Roles.Lawyer);
        await portal.CreateUserAsync("browser-lists-coord@test.local", "Olga Koordina", "St Petersburg", SupportedLanguages.English, Roles.Coordinator);
        var cases = new List<SeededCase>();
        foreach (var name in new[] { "Saidov Anvar", "Karimova Dilnoza", "Rustamov Bekzod" })
        {
            cases.Add(await portal.OpenCaseAsync("St Petersburg", name, leaving.Id, "Unpaid wages"));
        }

        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("browser-lists-coord@test.local");
        await page.GotoAsync("/cases?scope=all");
        // The lawyer filter is a type-ahead (issue 14): labelled, typed into, picked with the keyboard.
        var lawyer = page.GetByRole(AriaRole.Combobox, new() { Name = "Lawyer", Exact = true });
        await lawyer.FillAsync("uhod");
        await Expect(page.GetByTestId("people-suggestion")).ToHaveTextAsync(["Leila Uhodova (St Petersburg)"]);
        await Expect(lawyer).ToHaveAttributeAsync("aria-expanded", "true");
        await lawyer.PressAsync("ArrowDown");
        await Expect(lawyer).ToHaveAttributeAsync("aria-activedescendant", "filter-lawyer-suggestions-0");
        await lawyer.PressAsync("Enter");
        await Expect(lawyer).ToHaveValueAsync("Leila Uhodova");
        await Expect(lawyer).ToHaveAttributeAsync("aria-expanded", "false");
        await page.GetByTestId("apply-filters").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Lawyer", Exact = true })).ToHaveValueAsync("Leila Uhodova");
        await Expect(page.GetByTestId("case-row")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("list-total")).ToHaveTextAsync("3 cases");

        // The tick boxes and the form come with the reassignment mode, keeping the filters.
        await Expect(page.GetByTestId("case-select")).ToHaveCountAsync(0);
        await page.GetByTestId("reassign-open").ClickAsync();
        await Expect(page.GetByTestId("case-row")).ToHaveCountAsync(3);
        await page.GetByTestId("select-all-cases").CheckAsync();
        foreach (var box in await page.GetByTestId("case-select").AllAsync())
        {
            await Expect(box).ToBeCheckedAsync();
        }

        await page.GetByTestId("reassign-to").SelectOptionAsync(new SelectOptionValue { Label = "Timur Prinyatov (St Petersburg)" });
        await page.GetByTestId("reassign-reason").FillAsync("Leila Uhodova left the organisation on 30 November");
        await PageChecks.ExpectBasicAccessibilityAsync(page);
        await Screenshots.SaveAsync(page, "case-list-reassign.png");
        await page.GetByTestId("reassign-submit").ClickAsync();

        await Expect(page.GetByTestId("reassign-done")).ToContainTextAsync("Cases reassigned: 3.");
        await Expect(page.GetByTestId("cases-empty")).ToBeVisibleAsync();
        await page.GotoAsync("/cases?scope=all&lawyer=" + taking.Id);
        foreach (var seeded in cases)
        {
            await Expect(page.Locator($"[data-case-id='{seeded.Id}'] [data-testid=case-lead]")).ToHaveTextAsync("Timur Prinyatov");
        }

        await page.GotoAsync("/cases/" + cases[0].Id);
        await Expect(page.Locator("main")).ToContainTextAsync("Timur Prinyatov");
    }

    [Fact]
    public async Task A_lawyer_saves_a_filter_opens_it_later_and_deletes_it_after_confirming()
    {
        var lawyer = await portal.CreateUserAsync("browser-lists-saver@test.local", "Nodira Sohranova", "St Petersburg", SupportedLanguages.English, Roles.Lawyer);
        await portal.OpenCaseAsync("St Petersburg", "Ergashev Sardor", lawyer.Id, "Passport kept by employer");

        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("browser-lists-saver@test.local");
        await page.GotoAsync("/cases");
        await page.Locator("#filter-status").SelectOptionAsync("InProgress");
        await page.GetByTestId("apply-filters").ClickAsync();
        await page.GetByTestId("save-filter-name").FillAsync("My cases in progress");
        await page.GetByTestId("save-filter").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The filter was saved." })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("saved-filter-link")).ToHaveTextAsync("My cases in progress");
        await PageChecks.ExpectBasicAccessibilityAsync(page);
        await Screenshots.SaveAsync(page, "case-list-saved-filters.png");

        await page.GotoAsync("/cases");
        await Expect(page.Locator("#filter-status")).ToHaveValueAsync("");
        await page.GetByTestId("saved-filter-link").ClickAsync();
        await Expect(page.Locator("#filter-status")).ToHaveValueAsync("InProgress");
        await Expect(page.GetByTestId("case-row")).ToHaveCountAsync(1);

        await page.GetByTestId("manage-saved-filters").ClickAsync();
        await PageChecks.ExpectBasicAccessibilityAsync(page);
        await Screenshots.SaveAsync(page, "saved-filters.png");
        await page.GetByTestId("delete-saved-filter").ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Delete the saved filter \"My cases in progress\"?");
        await page.GetByTestId("confirm-delete-filter").ClickAsync();
        await Expect(page.GetByTestId("saved-filters-empty")).ToBeVisibleAsync();
    }
}
