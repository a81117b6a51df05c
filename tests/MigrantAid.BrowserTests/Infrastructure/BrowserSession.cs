using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests.Infrastructure;

/// <summary>
/// One browser context (its own cookies, like a separate person) with one page, which records every
/// console error and uncaught script error: a Content-Security-Policy violation or a missing asset
/// shows up there. Every page the test visits is checked by axe-core (<see cref="AxeChecks"/>): before
/// the browser leaves it (a navigation request is held until the check of the page still shown is done)
/// and, for the last page, when the session ends; a serious or critical violation fails the test then.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _accessibilityViolations = [];
    private int _loads;
    private int _checkedLoad;

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
        page.Load += (_, _) => Interlocked.Increment(ref _loads);
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
        var session = new BrowserSession(context, await context.NewPageAsync());
        await session.Page.RouteAsync(IsPageAddress, session.CheckBeforeLeavingAsync);
        return session;
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
        await Page.GetByTestId("sign-out").ClickAsync();
        await Expect(Page.Locator("input[name=Email]")).ToBeVisibleAsync();
    }

    /// <summary>Checks the page on screen now (unless already checked); answers every violation found so far in the session.</summary>
    public async Task<IReadOnlyList<string>> CheckPagesAsync()
    {
        await CheckShownPageAsync();
        return AccessibilityViolations;
    }

    /// <summary>Checks the page shown last, closes the browser context, then fails on any violation found in the session.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await CheckShownPageAsync();
        }
        finally
        {
            await Context.CloseAsync();
        }

        AccessibilityViolations.Should().BeEmpty("axe-core finds no serious or critical accessibility violation on any page the test visited");
    }

    /// <summary>Static assets never hold a page to check: only the portal's own addresses are routed.</summary>
    private static bool IsPageAddress(string url) =>
        !url.Contains("/lib/", StringComparison.Ordinal) && !url.Contains("/css/", StringComparison.Ordinal)
        && !url.Contains("/js/", StringComparison.Ordinal) && !url.EndsWith("favicon.ico", StringComparison.Ordinal);

    private async Task CheckBeforeLeavingAsync(IRoute route)
    {
        try
        {
            if (route.Request.IsNavigationRequest && route.Request.Frame == Page.MainFrame)
            {
                await CheckShownPageAsync();
            }
        }
        finally
        {
            await route.ContinueAsync();
        }
    }

    /// <summary>Runs axe-core once per loaded page (the one on screen), unless it was already checked.</summary>
    private async Task CheckShownPageAsync()
    {
        var loaded = Volatile.Read(ref _loads);
        if (loaded == Interlocked.Exchange(ref _checkedLoad, loaded) || Page.IsClosed
            || !Page.Url.StartsWith(Uri.UriSchemeHttp, StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            var violations = await AxeChecks.SeriousViolationsAsync(Page);
            lock (_accessibilityViolations)
            {
                _accessibilityViolations.AddRange(violations);
            }
        }
        catch (PlaywrightException)
        {
            // The page went away while it was being checked (a script navigated): nothing is left to check.
        }
    }
}
