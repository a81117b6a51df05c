using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data;
using MigrantAid.Web.Data.Demo;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security.TwoFactor;

namespace MigrantAid.BrowserTests.Infrastructure;

/// <summary>
/// The real portal served by Kestrel on a free port of localhost, on a database of its own with the
/// demo offices and users, and one headless Debian Chromium driven by Playwright. Shared by the
/// browser collection; every test opens its own <see cref="BrowserSession"/> (own cookies).
/// </summary>
public sealed class BrowserPortal : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = DemoSeeder.Password;

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public TestClock Clock { get; } = new();

    /// <summary>The portal's connection: the application role (the owner's is <see cref="TestDatabase.AsOwner"/> of it).</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>http://localhost:{port}/ where the portal listens.</summary>
    public Uri BaseUri { get; private set; } = new("http://localhost/");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        ConnectionString = TestDatabase.AsApplication(await TestDatabase.CreateMigratedAsync("browser"));

        UseKestrel(0);
        StartServer();
        BaseUri = LocalhostAddress();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public new async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        if (ConnectionString.Length > 0)
        {
            await TestDatabase.DropAsync(ConnectionString);
        }
    }

    /// <summary>A fresh browser context (no cookies) with one page; dispose it at the end of the test.</summary>
    public async Task<BrowserSession> OpenAsync(string locale = "en-GB", int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUri.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        return await BrowserSession.StartAsync(context);
    }

    /// <summary>An account made for one test, so that tests never change the demo users' state.</summary>
    public async Task<AppUser> CreateUserAsync(string email, string fullName, string office, string language, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = fullName,
            OfficeId = await db.Offices.Where(o => o.Name == office).Select(o => (Guid?)o.Id).SingleAsync(),
            PreferredLanguage = language,
            CreatedAt = Clock.GetUtcNow(),
        };
        Check(await users.CreateAsync(user, DemoPassword));
        Check(await users.AddToRolesAsync(user, roles));
        return user;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("ConnectionStrings:Migrations", TestDatabase.AsOwner(ConnectionString));
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Encryption:Key", "YnJvd3Nlci10ZXN0cyBrZXktZW5jcnlwdGlvbiBrZXk=");
        builder.UseSetting("Security:CookieSecurePolicy", "SameAsRequest");
        builder.UseSetting("Logging:Format", "text");
        builder.UseSetting("Reminders:RunInBackground", "false");
        builder.UseSetting("Retention:RunInBackground", "false");

        // Every browser signs in from 127.0.0.1: sign-in throttling limits far above what the tests do.
        builder.UseSetting("Security:SignInLimits:PerAddress:PermitLimit", "100000");
        builder.UseSetting("Security:SignInLimits:PerAccount:PermitLimit", "1000000");
        builder.UseSetting("Security:SignInLimits:FeedPerAddress:PermitLimit", "100000");
        // Tests make coordinators of their own, who would otherwise be sent to enrol an authenticator first:
        // here only administrators must (the demo ones are exempt, admin2fa@demo.local shows the enrolment).
        builder.UseSetting(TwoFactorPolicy.RequiredRolesKey, Roles.Admin);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    private static string ChromiumPath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("MIGRANTAID_CHROMIUM");
            path = string.IsNullOrWhiteSpace(path) ? "/usr/bin/chromium" : path;
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException(
                    $"Chromium is not at {path}. Install Debian's chromium (apt-get install chromium) or set MIGRANTAID_CHROMIUM; ./test.sh does both.");
        }
    }

    /// <summary>Kestrel's bound address, spelled with localhost so cookies and screenshots read naturally.</summary>
    private Uri LocalhostAddress()
    {
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var bound = addresses.Select(a => new Uri(a)).FirstOrDefault(a => a.Scheme == Uri.UriSchemeHttp)
            ?? throw new InvalidOperationException("Kestrel reported no http address: " + string.Join(", ", addresses));
        return new UriBuilder(Uri.UriSchemeHttp, "localhost", bound.Port).Uri;
    }

    private static void Check(IdentityResult result) =>
        result.Succeeded.Should().BeTrue(string.Join("; ", result.Errors.Select(e => e.Description)));
}
