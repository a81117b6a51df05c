using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security.TwoFactor;

namespace MigrantAid.Tests.Support;

/// <summary>
/// The real portal (Program, its whole middleware pipeline) on a database of its own, cloned from
/// the migrated template. One per test class (IClassFixture); tests in a class use distinct data.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-Passw0rd!";

    public TestClock Clock { get; } = new();

    /// <summary>The portal's own connection (ConnectionStrings:Default): the application role, as in production.</summary>
    public string ConnectionString { get; protected set; } = "";

    /// <summary>The same database as the owner role (ConnectionStrings:Migrations), for raw SQL that needs more rights.</summary>
    public string OwnerConnectionString => TestDatabase.AsOwner(ConnectionString);

    /// <summary>Extra configuration for a test class (e.g. Bootstrap settings).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        ConnectionString = TestDatabase.AsApplication(await TestDatabase.CreateMigratedAsync(GetType().Name));
    }

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabase.DropAsync(ConnectionString);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("ConnectionStrings:Migrations", OwnerConnectionString);
        builder.UseSetting("Logging:Format", "text");

        // Each test database makes its own data keys, wrapped by this key-encryption key (issue 15).
        builder.UseSetting("Encryption:Key", TestKeys.KeyEncryptionKey);

        // The daily reminder job runs only where a test calls it (RunOnceAsync), never on its own timer.
        builder.UseSetting("Reminders:RunInBackground", "false");
        builder.UseSetting("Retention:RunInBackground", "false");

        // The in-process test host gives no client address, so every test shares one throttling
        // partition and signs in many times: limits far above that (SignInThrottlingTests sets low ones).
        builder.UseSetting("Security:SignInLimits:PerAddress:PermitLimit", "100000");
        builder.UseSetting("Security:SignInLimits:PerAccount:PermitLimit", "1000000");
        builder.UseSetting("Security:SignInLimits:FeedPerAddress:PermitLimit", "100000");

        // Hundreds of tests sign in as ordinary admins and coordinators made on the spot; requiring them to enrol
        // an authenticator first would test the enrolment everywhere. So no role requires it here; the tests of
        // that rule (TwoFactorRequiredTests) name the key in Settings: null keeps the production default.
        var settings = Settings;
        if (!settings.ContainsKey(TwoFactorPolicy.RequiredRolesKey))
        {
            builder.UseSetting(TwoFactorPolicy.RequiredRolesKey, "");
        }

        foreach (var (key, value) in settings)
        {
            if (value is not null)
            {
                builder.UseSetting(key, value);
            }
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A client that keeps cookies, does not follow redirects, and speaks HTTPS (so Secure cookies flow).</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = true,
    });

    public async Task<AppUser> CreateUserAsync(string email, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureRolesAsync();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = "Test " + email.Split('@')[0],
            CreatedAt = Clock.GetUtcNow(),
        };
        Check(await users.CreateAsync(user, Password));
        if (roles.Length > 0)
        {
            Check(await users.AddToRolesAsync(user, roles));
        }

        return user;
    }

    /// <summary>Signs in through the real login form and returns the client holding the cookie.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password = Password)
    {
        var client = NewClient();
        var response = await client.SubmitFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
        });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "signing in as {0} should succeed", email);
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<List<AuditEvent>> AuditAsync(string action) =>
        WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync());

    private static void Check(IdentityResult result) =>
        result.Succeeded.Should().BeTrue(string.Join("; ", result.Errors.Select(e => e.Description)));
}
