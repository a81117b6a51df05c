using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CaseWorkTests(BrowserPortal portal)
{
    [Fact]
    public async Task Lawyer_opening_a_case_they_are_not_assigned_to_sees_not_found_without_the_client_name()
    {
        const string clientName = "Toirov Behruz";
        var assigned = await portal.CreateUserAsync("browser3-lawyer-assigned@test.local", "Anvar Kholmatov", "St Petersburg", SupportedLanguages.English, Roles.Lawyer);
        // Same office, same role: only the assignment differs.
        await portal.CreateUserAsync("browser3-lawyer-other@test.local", "Kamila Yuldasheva", "St Petersburg", SupportedLanguages.English, Roles.Lawyer);
        var opened = await portal.OpenCaseAsync("St Petersburg", clientName, assigned.Id, "Withheld passport");

        // The assigned lawyer opens the address: it is a real case.
        await using (var owner = await portal.OpenAsync())
        {
            await owner.SignInAsync("browser3-lawyer-assigned@test.local");
            var response = await owner.Page.GotoAsync("/cases/" + opened.Id);
            response!.Status.Should().Be(200);
            await Expect(owner.Page.GetByTestId("case-reference")).ToHaveTextAsync(opened.Reference);
            await Expect(owner.Page.GetByTestId("case-client")).ToContainTextAsync(clientName);
        }

        await using var other = await portal.OpenAsync();
        var page = other.Page;
        await other.SignInAsync("browser3-lawyer-other@test.local");

        foreach (var path in new[] { "/cases/" + opened.Id, "/clients/" + opened.ClientId })
        {
            var response = await page.GotoAsync(path);

            response!.Status.Should().Be(404, "{0} is not the lawyer's to see", path);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
            await Expect(page.GetByTestId("current-user")).ToContainTextAsync("Kamila Yuldasheva");
            (await page.ContentAsync()).Should().NotContain(clientName).And.NotContain(opened.Reference);
        }

        // Nor does the case show up in the lawyer's lists.
        await page.GotoAsync("/cases?scope=all&q=" + Uri.EscapeDataString(opened.Reference));
        await Expect(page.GetByTestId("cases-empty")).ToBeVisibleAsync();
        (await page.ContentAsync()).Should().NotContain(clientName);
    }
}
