using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests.Infrastructure;

/// <summary>
/// One browser context (its own cookies, like a separate person) with one page, which records every
/// console error and uncaught script error: a Content-Security-Policy violation or a missing asset
/// shows up there.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _consoleErrors = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_consoleErrors)
                {
                    _consoleErrors.Add($"{message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_consoleErrors)
            {
                _consoleErrors.Add("Uncaught: " + error);
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_consoleErrors)
            {
                return [.. _consoleErrors];
            }
        }
    }

    public static async Task<BrowserSession> StartAsync(IBrowserContext context) =>
        new(context, await context.NewPageAsync());

    /// <summary>Signs in through the login form and waits for the signed-in layout (on a phone its menu is still folded).</summary>
    public async Task SignInAsync(string email, string password = BrowserPortal.DemoPassword)
    {
        await Page.GotoAsync("/account/login");
        await Page.Locator("input[name=Email]").FillAsync(email);
        await Page.Locator("input[name=Password]").FillAsync(password);
        await Page.GetByTestId("sign-in").ClickAsync();
        await Expect(Page.GetByTestId("current-user")).ToBeAttachedAsync();
    }

    public async Task SignOutAsync()
    {
        await OpenUserMenuAsync();
        await Page.GetByTestId("sign-out").ClickAsync();
        await Expect(Page.Locator("input[name=Email]")).ToBeVisibleAsync();
    }

    /// <summary>Opens the top bar's user menu (language, profile, calendar, sign-out) as a click on its button does.</summary>
    public async Task OpenUserMenuAsync()
    {
        var menu = Page.Locator("details.user-menu");
        if (await menu.GetAttributeAsync("open") is null)
        {
            await Page.GetByTestId("user-menu-toggle").ClickAsync();
        }

        await Expect(Page.GetByTestId("user-menu-panel")).ToBeVisibleAsync();
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
