using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Users;

namespace MigrantAid.Tests.Security;

/// <summary>
/// A portal with low limits that reads the client address from X-Forwarded-For, so a test plays
/// several clients. Three attempts per address and door, seven per account, in 15 minutes.
/// </summary>
public sealed class ThrottledPortal : PortalFactory
{
    public const int PerAddress = 3;
    public const int PerAccount = 7;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ForwardedHeaders:Enabled"] = "true",
        ["Security:SignInLimits:PerAddress:PermitLimit"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Security:SignInLimits:PerAddress:Window"] = "00:15:00",
        ["Security:SignInLimits:PerAccount:PermitLimit"] = PerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Security:SignInLimits:PerAccount:Window"] = "00:15:00",
        ["Security:SignInLimits:FeedPerAddress:PermitLimit"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Security:SignInLimits:FeedPerAddress:Window"] = "00:15:00",
    };

    /// <summary>A client whose requests come from <paramref name="address"/> (through the trusted proxy header).</summary>
    public HttpClient ClientFrom(string address, string? language = null)
    {
        var client = NewClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }
}

public class SignInThrottlingTests(ThrottledPortal portal) : IClassFixture<ThrottledPortal>
{
    [Theory]
    [InlineData("en", "203.0.113.10", "Too many attempts")]
    [InlineData("ru", "203.0.113.11", "Слишком много попыток")]
    public async Task Over_the_address_limit_sign_in_answers_429_with_Retry_After_and_a_localized_page(string language, string address, string text)
    {
        var client = portal.ClientFrom(address, language);
        for (var i = 0; i < ThrottledPortal.PerAddress; i++)
        {
            (await SignInAsync(client, $"nobody{i}-{language}@test.local", "wrong-password-" + i)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var refused = await SignInAsync(client, "someone-else@test.local", "wrong-password");

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero, "the client is told when to come back, in seconds");
        var page = HttpForms.Parse(await refused.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=too-many-attempts]")!.TextContent.Should().Contain(text);
        page.QuerySelector("[data-testid=correlation-id]").Should().NotBeNull("it is the portal's error page");
    }

    [Fact]
    public async Task An_outsider_over_the_limit_neither_locks_nor_stops_a_colleague_signing_in_from_their_own_address()
    {
        var colleague = await portal.CreateUserAsync("throttle-colleague@test.local", Roles.Lawyer);
        var outsider = portal.ClientFrom("198.51.100.20");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            answers.Add((await SignInAsync(outsider, colleague.Email!, "guess-" + i)).StatusCode);
        }

        answers.Should().Equal(Enumerable.Repeat(HttpStatusCode.OK, ThrottledPortal.PerAddress)
            .Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 10 - ThrottledPortal.PerAddress)));
        var stored = await portal.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == colleague.Id)));
        stored.LockoutEnd.Should().BeNull("wrong passwords from one address never lock the account");
        stored.AccessFailedCount.Should().Be(0);

        var own = await SignInAsync(portal.ClientFrom("198.51.100.21"), colleague.Email!, PortalFactory.Password);
        own.StatusCode.Should().Be(HttpStatusCode.Redirect, "the colleague's own address is not throttled");
    }

    [Fact]
    public async Task Attempts_on_one_account_from_several_addresses_are_limited_and_lock_the_account()
    {
        var target = await portal.CreateUserAsync("throttle-target@test.local", Roles.Lawyer);
        var answers = new List<HttpStatusCode>();
        foreach (var address in new[] { "192.0.2.31", "192.0.2.32", "192.0.2.33" })
        {
            var client = portal.ClientFrom(address);
            for (var i = 0; i < ThrottledPortal.PerAddress; i++)
            {
                answers.Add((await SignInAsync(client, target.Email!, "guess-" + address + i)).StatusCode);
            }
        }

        answers.Take(ThrottledPortal.PerAccount).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        answers.Skip(ThrottledPortal.PerAccount).Should().AllBeEquivalentTo(HttpStatusCode.TooManyRequests);
        var lockoutEnd = await portal.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == target.Id).LockoutEnd));
        lockoutEnd.Should().HaveValue("an attack from several addresses locks the account in the database, for every instance");
        (lockoutEnd!.Value - DateTimeOffset.UtcNow).Should().BeCloseTo(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(1));
        (await portal.AuditAsync(AuditActions.LockedOut)).Should()
            .Contain(a => a.ActorId == target.Id && a.Details!.Contains("attempts-from-several-addresses"));

        var fromElsewhere = await SignInAsync(portal.ClientFrom("192.0.2.34"), target.Email!, PortalFactory.Password);
        fromElsewhere.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the account's limit holds for every address");
    }

    [Fact]
    public async Task The_second_factor_step_is_throttled_per_address()
    {
        var user = await portal.CreateUserAsync("throttle-2fa@test.local", Roles.Lawyer);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(stored);
            await users.SetTwoFactorEnabledAsync(stored, true);
        }

        var client = portal.ClientFrom("192.0.2.41");
        (await SignInAsync(client, user.Email!, PortalFactory.Password)).Headers.Location!.OriginalString.Should().Contain("login-2fa");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= ThrottledPortal.PerAddress; i++)
        {
            answers.Add((await client.SubmitFormAsync("/account/login-2fa", new Dictionary<string, string> { ["Code"] = "00000" + i })).StatusCode);
        }

        answers.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Password_links_are_throttled_per_address()
    {
        var client = portal.ClientFrom("192.0.2.51");
        var url = $"/account/reset-password?userId={Guid.NewGuid()}&token=guessed";
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= ThrottledPortal.PerAddress; i++)
        {
            answers.Add((await client.GetAsync(url)).StatusCode);
        }

        answers.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task The_anonymous_calendar_feed_is_throttled_per_address()
    {
        var client = portal.ClientFrom("192.0.2.61");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= ThrottledPortal.PerAddress; i++)
        {
            answers.Add((await client.GetAsync($"/calendar/feed/guessed-token-{i}.ics")).StatusCode);
        }

        answers.Should().Equal(HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests);
        var refused = await client.GetAsync("/calendar/feed/another.ics");
        refused.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero);
        (await portal.ClientFrom("192.0.2.62").GetAsync("/calendar/feed/guessed.ics")).StatusCode
            .Should().Be(HttpStatusCode.NotFound, "another address is not affected");
    }

    [Fact]
    public async Task An_administrator_unlocks_a_locked_account_and_it_is_audited()
    {
        var locked = await portal.CreateUserAsync("throttle-locked@test.local", Roles.Caseworker);
        await portal.CreateUserAsync("throttle-admin@test.local", Roles.Admin);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(locked.Id.ToString()))!, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        var lockedOut = await SignInAsync(portal.ClientFrom("192.0.2.71"), locked.Email!, PortalFactory.Password);
        (await lockedOut.Content.ReadAsStringAsync()).Should().Contain("locked");

        var admin = portal.ClientFrom("192.0.2.72");
        (await SignInAsync(admin, "throttle-admin@test.local", PortalFactory.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var edit = $"/users/{locked.Id}/edit";
        (await admin.GetDocumentAsync(edit)).QuerySelector("[data-testid=user-locked]").Should().NotBeNull("the page says the account is locked");
        (await admin.PostWithoutTokenAsync($"/users/{locked.Id}/unlock", [])).StatusCode
            .Should().Be(HttpStatusCode.BadRequest, "unlocking needs the antiforgery token");

        var unlocked = await admin.SubmitFormAsync(edit, [], $"/users/{locked.Id}/unlock");

        unlocked.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await admin.GetDocumentAsync(edit)).QuerySelector("[data-testid=unlock-user]").Should().BeNull("the account is no longer locked");
        (await portal.AuditAsync(UserAuditActions.Unlocked)).Should().ContainSingle(a => a.EntityId == locked.Id.ToString());
        (await SignInAsync(portal.ClientFrom("192.0.2.73"), locked.Email!, PortalFactory.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Only_administrators_may_unlock()
    {
        var user = await portal.CreateUserAsync("throttle-not-admin@test.local", Roles.Coordinator);
        var client = portal.ClientFrom("192.0.2.81");
        (await SignInAsync(client, user.Email!, PortalFactory.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        // A valid antiforgery token (from the user's own profile page), so only the role decides.
        var token = (await client.GetDocumentAsync("/profile/password")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync($"/users/{user.Id}/unlock", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
}
