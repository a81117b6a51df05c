using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests.Infrastructure;

/// <summary>
/// One browser context (its own cookies, like a separate person) with one page, which records every
/// console error and uncaught script error: a Content-Security-Policy violation or a missing asset
/// shows up there. Every page the test visits is checked by axe-core once loaded (<see cref="AxeChecks"/>);
/// a serious or critical violation fails the test when the session ends (after the last page's check).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _accessibilityViolations;

    private BrowserSession(IBrowserContext context, IPage page, List<string> accessibilityViolations)
    {
        _accessibilityViolations = accessibilityViolations;
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

    /// <summary>The serious or critical axe-core violations found so far on the pages this session left.</summary>
    public IReadOnlyList<string> AccessibilityViolations
    {
        get
        {
            lock (_accessibilityViolations)
            {
                return [.. _accessibilityViolations];
            }
        }
    }

    public static async Task<BrowserSession> StartAsync(IBrowserContext context)
    {
        var violations = new List<string>();
        await context.ExposeFunctionAsync<string>(AxeChecks.ReportBinding, json =>
        {
            lock (violations)
            {
                violations.AddRange(AxeChecks.Parse(json));
            }
        });
        await context.AddInitScriptAsync(AxeChecks.InitScript);
        return new BrowserSession(context, await context.NewPageAsync(), violations);
    }

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
        // On a phone the menu sits in the collapsing navigation: a click during Bootstrap's
        // opening animation can land on a moving target, so wait until nothing is collapsing.
        await Expect(Page.Locator(".collapsing")).ToHaveCountAsync(0);
        for (var attempt = 0; attempt < 3 && await menu.GetAttributeAsync("open") is null; attempt++)
        {
            await Page.GetByTestId("user-menu-toggle").ClickAsync();
            try
            {
                await Page.WaitForFunctionAsync("() => document.querySelector('details.user-menu')?.open === true", null, new PageWaitForFunctionOptions { Timeout = 2000 });
            }
            catch (TimeoutException)
            {
                // The click did not open it (the layout moved under the pointer): click again.
            }
        }

        await Expect(Page.GetByTestId("user-menu-panel")).ToBeVisibleAsync();
    }

    /// <summary>Waits for the check of the page on screen; answers every violation found so far in the session.</summary>
    public async Task<IReadOnlyList<string>> CheckPagesAsync()
    {
        await AwaitShownPageAsync();
        return AccessibilityViolations;
    }

    /// <summary>Waits for the check of the page shown last, closes the browser context, then fails on any violation found in the session.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await AwaitShownPageAsync();
        }
        finally
        {
            await Context.CloseAsync();
        }

        AccessibilityViolations.Should().BeEmpty("axe-core finds no serious or critical accessibility violation on any page the test visited");
    }

    private async Task AwaitShownPageAsync()
    {
        if (Page.IsClosed || !Page.Url.StartsWith(Uri.UriSchemeHttp, StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            await AxeChecks.AwaitAutomaticCheckAsync(Page);
        }
        catch (PlaywrightException)
        {
            // The page is going away (a script navigated): the next one is checked on its own load.
        }
    }
}
