using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data.Demo;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Security;

/// <summary>A demo user signed in over HTTP: the client, its cookie jar, and the principal the portal builds for the user.</summary>
public sealed record SignedInUser(string Email, HttpClient Client, CookieContainer Cookies, ClaimsPrincipal Principal);

/// <summary>
/// The portal with the demo data (Data/DemoSeeder.cs: offices, the five demo accounts, their cases)
/// plus <see cref="RuleBranchRecords"/>, so that every branch of the access rule has a record. The
/// export worker is off, so an export started here stays queued and writes no file.
/// </summary>
public sealed class SecurityPortal : PortalFactory
{
    private readonly string _exportDirectory = Path.Combine(Path.GetTempPath(), "migrantaid-security-" + Guid.NewGuid().ToString("N"));

    public static IReadOnlyList<string> DemoEmails { get; } = DemoSeeder.Users.Select(u => u.Email).ToList();

    public RuleBranchRecords Records { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Exports:RunInBackground"] = "false",
        ["Exports:Directory"] = _exportDirectory,
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }

        Records = await RuleBranchRecords.AddAsync(this);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_exportDirectory))
        {
            Directory.Delete(_exportDirectory, recursive: true);
        }
    }

    /// <summary>Signs a demo user in through the real login form; each call is a new session with its own cookies.</summary>
    public async Task<SignedInUser> SignInAsync(string email)
    {
        var cookies = new CookieContainer();
        var client = CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var response = await client.SubmitFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = DemoSeeder.Password,
        });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the demo account {0} signs in", email);
        return new SignedInUser(email, client, cookies, await PrincipalAsync(email));
    }

    /// <summary>The principal the portal's own claims factory builds for the user (roles, office).</summary>
    public async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("No user " + email);
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
    }

    public Task<Guid> UserIdAsync(string email) =>
        WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public Task<Guid> OfficeIdAsync(string name) =>
        WithDbAsync(db => db.Offices.AsNoTracking().Where(o => o.Name == name).Select(o => o.Id).SingleAsync());
}
