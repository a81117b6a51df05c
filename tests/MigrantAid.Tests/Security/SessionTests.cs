using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security.Sessions;

namespace MigrantAid.Tests.Security;

/// <summary>The portal behind a proxy that names the client's address (X-Forwarded-For), as in production.</summary>
public sealed class SessionPortal : PortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["ForwardedHeaders:Enabled"] = "true" };
}

public class SessionTests(SessionPortal portal) : IClassFixture<SessionPortal>
{
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0";

    [Fact]
    public async Task Copied_cookie_stops_working_at_sign_out()
    {
        await portal.CreateUserAsync("s-signout@test.local", Roles.Coordinator);
        var (client, cookie) = await portal.SignInCopyingCookieAsync("s-signout@test.local");
        var copy = portal.ClientWithCookie(cookie);
        (await copy.GetAsync("/cases")).StatusCode.Should().Be(HttpStatusCode.OK, "the copy works while the session is open");

        (await client.SubmitFormAsync("/profile", [], "/account/logout")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        await ShouldBeSentToLoginAsync(copy);
        (await EndedReasonsAsync("s-signout@test.local")).Should().Equal(SessionEndReasons.SignedOut);
    }

    [Fact]
    public async Task Password_change_ends_every_other_session_and_renews_this_one()
    {
        await portal.CreateUserAsync("s-password@test.local", Roles.Coordinator);
        var (client, before) = await portal.SignInCopyingCookieAsync("s-password@test.local");
        var (_, other) = await portal.SignInCopyingCookieAsync("s-password@test.local");
        var copyOfOther = portal.ClientWithCookie(other);
        var copyOfThis = portal.ClientWithCookie(before);
        (await copyOfOther.GetAsync("/cases")).StatusCode.Should().Be(HttpStatusCode.OK);

        var changed = await client.SubmitFormAsync("/profile/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = PortalFactory.Password,
            ["NewPassword"] = "Changed-Passw0rd!",
            ["ConfirmPassword"] = "Changed-Passw0rd!",
        });

        changed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await ShouldBeSentToLoginAsync(copyOfOther);
        await ShouldBeSentToLoginAsync(copyOfThis, "a copy of this browser's cookie from before the change is dead too");
        (await client.GetAsync("/cases")).StatusCode.Should().Be(HttpStatusCode.OK, "the browser that changed the password stays signed in");
        (await portal.ClientWithCookie(CopiedCookies.AuthCookieOf(changed)).GetAsync("/cases")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await EndedReasonsAsync("s-password@test.local")).Should().Equal(SessionEndReasons.PasswordChanged, SessionEndReasons.PasswordChanged);
    }

    [Fact]
    public async Task Password_reset_from_an_administrators_link_ends_every_session()
    {
        var user = await portal.CreateUserAsync("s-reset@test.local", Roles.Coordinator);
        var (_, cookie) = await portal.SignInCopyingCookieAsync("s-reset@test.local");
        var copy = portal.ClientWithCookie(cookie);
        (await copy.GetAsync("/cases")).StatusCode.Should().Be(HttpStatusCode.OK);
        var token = await WithUsersAsync(users => users.GeneratePasswordResetTokenAsync(user));

        var reset = await portal.NewClient().SubmitFormAsync($"/account/reset-password?userId={user.Id}&token={Uri.EscapeDataString(token)}",
            new Dictionary<string, string>
            {
                ["UserId"] = user.Id.ToString(),
                ["Token"] = token,
                ["NewPassword"] = "Reset-Passw0rd!",
                ["ConfirmPassword"] = "Reset-Passw0rd!",
            }, "/account/reset-password");

        reset.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await ShouldBeSentToLoginAsync(copy);
        (await EndedReasonsAsync("s-reset@test.local")).Should().Equal(SessionEndReasons.PasswordReset);
    }

    [Fact]
    public async Task Disabling_the_account_ends_its_sessions_at_once()
    {
        await portal.CreateUserAsync("s-disable-admin@test.local", Roles.Admin);
        var admin = await portal.SignedInClientAsync("s-disable-admin@test.local");
        var user = await portal.CreateUserAsync("s-disabled@test.local", Roles.Coordinator);
        var (_, cookie) = await portal.SignInCopyingCookieAsync("s-disabled@test.local");
        var copy = portal.ClientWithCookie(cookie);
        (await copy.GetAsync("/cases")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await admin.SubmitFormAsync($"/users/{user.Id}/edit", [], $"/users/{user.Id}/disable")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        await ShouldBeSentToLoginAsync(copy, "no waiting for the security-stamp check");
        (await EndedReasonsAsync("s-disabled@test.local")).Should().Equal(SessionEndReasons.UserDisabled);
    }

    [Fact]
    public async Task Ending_a_session_from_another_one_stops_it_and_is_audited()
    {
        await portal.CreateUserAsync("s-end-one@test.local", Roles.Coordinator);
        var (client, _) = await portal.SignInCopyingCookieAsync("s-end-one@test.local", userAgent: Chrome);
        var (_, phone) = await portal.SignInCopyingCookieAsync("s-end-one@test.local", userAgent: Firefox);
        var copy = portal.ClientWithCookie(phone);
        var other = (await client.GetDocumentAsync("/profile")).QuerySelectorAll("[data-testid=session-row]")
            .Single(r => r.QuerySelector("[data-testid=session-current]") is null).GetAttribute("data-session-id")!;

        var ended = await client.SubmitFormAsync("/profile", [], $"/profile/sessions/{other}/end");

        ended.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await ShouldBeSentToLoginAsync(copy);
        (await client.GetAsync("/cases")).StatusCode.Should().Be(HttpStatusCode.OK, "the session that ended the other one goes on");
        (await portal.AuditAsync(SessionAuditActions.SessionEnded)).Should().ContainSingle(a => a.EntityId == other);
        (await EndedReasonsAsync("s-end-one@test.local")).Should().Equal(SessionEndReasons.EndedByUser);
    }

    [Fact]
    public async Task A_session_of_someone_else_cannot_be_ended()
    {
        await portal.CreateUserAsync("s-victim@test.local", Roles.Coordinator);
        await portal.CreateUserAsync("s-meddler@test.local", Roles.Coordinator);
        var (victim, _) = await portal.SignInCopyingCookieAsync("s-victim@test.local");
        var meddler = await portal.SignedInClientAsync("s-meddler@test.local");
        var victimSession = (await victim.GetDocumentAsync("/profile")).QuerySelector("[data-testid=session-row]")!.GetAttribute("data-session-id");

        var token = (await meddler.GetDocumentAsync("/profile")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await meddler.PostAsync($"/profile/sessions/{victimSession}/end",
            new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", token)]));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await victim.GetAsync("/cases")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Signing_out_of_the_others_keeps_the_current_session()
    {
        var user = await portal.CreateUserAsync("s-others@test.local", Roles.Coordinator);
        var (client, current) = await portal.SignInCopyingCookieAsync("s-others@test.local");
        var (_, second) = await portal.SignInCopyingCookieAsync("s-others@test.local");
        var (_, third) = await portal.SignInCopyingCookieAsync("s-others@test.local");

        (await client.SubmitFormAsync("/profile", [], "/profile/sessions/end-others")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        await ShouldBeSentToLoginAsync(portal.ClientWithCookie(second));
        await ShouldBeSentToLoginAsync(portal.ClientWithCookie(third));
        (await portal.ClientWithCookie(current).GetAsync("/cases")).StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await client.GetDocumentAsync("/profile");
        page.QuerySelectorAll("[data-testid=session-row]").Should().ContainSingle();
        page.QuerySelector("[data-testid=end-other-sessions]").Should().BeNull("there are no other sessions left");
        (await portal.AuditAsync(SessionAuditActions.OtherSessionsEnded)).Should()
            .ContainSingle(a => a.EntityId == user.Id.ToString() && Count(a) == 2);
    }

    [Fact]
    public async Task Administrator_ends_all_sessions_of_a_user_who_can_sign_in_again()
    {
        await portal.CreateUserAsync("s-endall-admin@test.local", Roles.Admin);
        var admin = await portal.SignedInClientAsync("s-endall-admin@test.local");
        var user = await portal.CreateUserAsync("s-endall@test.local", Roles.Coordinator);
        var (_, first) = await portal.SignInCopyingCookieAsync("s-endall@test.local");
        var (_, second) = await portal.SignInCopyingCookieAsync("s-endall@test.local");

        var response = await admin.SubmitFormAsync($"/users/{user.Id}/edit", [], $"/users/{user.Id}/end-sessions");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await ShouldBeSentToLoginAsync(portal.ClientWithCookie(first));
        await ShouldBeSentToLoginAsync(portal.ClientWithCookie(second));
        (await admin.GetAsync("/users")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await portal.AuditAsync(SessionAuditActions.SessionsEndedByAdmin)).Should()
            .ContainSingle(a => a.EntityId == user.Id.ToString() && Count(a) == 2);
        (await EndedReasonsAsync("s-endall@test.local")).Should().Equal(SessionEndReasons.EndedByAdmin, SessionEndReasons.EndedByAdmin);
        var again = await portal.SignedInClientAsync("s-endall@test.local");
        (await again.GetAsync("/cases")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_administrators_end_sessions_of_others()
    {
        var user = await portal.CreateUserAsync("s-endall-target@test.local", Roles.Coordinator);
        var (coordinator, _) = await portal.SignInCopyingCookieAsync("s-endall-target@test.local");
        var token = (await coordinator.GetDocumentAsync("/profile")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await coordinator.PostAsync($"/users/{user.Id}/end-sessions",
            new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", token)]));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await coordinator.GetAsync("/cases")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Profile_lists_open_sessions_with_browser_address_and_this_one_marked()
    {
        await portal.CreateUserAsync("s-list@test.local", Roles.Lawyer);
        var (client, _) = await portal.SignInCopyingCookieAsync("s-list@test.local", userAgent: Chrome, forwardedFor: "203.0.113.7");
        portal.Clock.Advance(TimeSpan.FromSeconds(5));
        await portal.SignInCopyingCookieAsync("s-list@test.local", userAgent: Firefox, forwardedFor: "198.51.100.23");

        var rows = (await client.GetDocumentAsync("/profile")).QuerySelectorAll("[data-testid=session-row]")
            .Select(r => new
            {
                Browser = r.QuerySelector("[data-testid=session-browser]")!.TextContent.Trim(),
                Address = r.QuerySelector("[data-testid=session-address]")!.TextContent.Trim(),
                Current = r.QuerySelector("[data-testid=session-current]") is not null,
                CanEnd = r.QuerySelector("[data-testid=end-session]") is not null,
            }).ToList();

        rows.Should().BeEquivalentTo(
        [
            new { Browser = "Firefox on Linux", Address = "198.51.100.23", Current = false, CanEnd = true },
            new { Browser = "Chrome on Windows", Address = "203.0.113.7", Current = true, CanEnd = false },
        ], o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task Last_seen_is_written_at_most_once_a_minute()
    {
        await portal.CreateUserAsync("s-seen@test.local", Roles.Lawyer);
        var client = await portal.SignedInClientAsync("s-seen@test.local");
        var signedIn = (await SessionsOfAsync("s-seen@test.local")).Single().LastSeenAt;

        portal.Clock.Advance(TimeSpan.FromSeconds(40));
        (await client.GetAsync("/cases")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SessionsOfAsync("s-seen@test.local")).Single().LastSeenAt.Should().Be(signedIn, "less than a minute passed");

        portal.Clock.Advance(TimeSpan.FromSeconds(25));
        (await client.GetAsync("/cases")).StatusCode.Should().Be(HttpStatusCode.OK);
        var session = (await SessionsOfAsync("s-seen@test.local")).Single();
        session.LastSeenAt.Should().BeCloseTo(portal.Clock.GetUtcNow(), TimeSpan.FromMilliseconds(1));
        session.ExpiresAt.Should().BeCloseTo(portal.Clock.GetUtcNow().AddHours(8), TimeSpan.FromMilliseconds(1), "the idle timeout slides");
    }

    [Fact]
    public async Task Another_instance_refuses_an_ended_session_once_its_cache_lapses()
    {
        await portal.CreateUserAsync("s-instances@test.local", Roles.Coordinator);
        var (client, cookie) = await portal.SignInCopyingCookieAsync("s-instances@test.local");
        // A second instance on the same database that keeps nothing in its cache, so its next read is after the lapse.
        var other = new ConfiguredPortal(new Dictionary<string, string?> { ["Security:Sessions:CacheSeconds"] = "0" }, portal.ConnectionString);
        await other.InitializeAsync();
        try
        {
            var copy = other.ClientWithCookie(cookie);
            (await copy.GetAsync("/cases")).StatusCode.Should().Be(HttpStatusCode.OK, "every instance accepts the cookie of an open session");

            (await client.SubmitFormAsync("/profile", [], "/account/logout")).StatusCode.Should().Be(HttpStatusCode.Redirect);

            await ShouldBeSentToLoginAsync(copy, "the other instance reads the ended row");
        }
        finally
        {
            await other.DisposeAsync();
        }
    }

    private static async Task ShouldBeSentToLoginAsync(HttpClient copy, string because = "")
    {
        var response = await copy.GetAsync("/cases");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, because);
        response.Headers.Location!.ToString().Should().Contain("/account/login", because);
    }

    private static int Count(AuditEvent audit) =>
        System.Text.Json.JsonDocument.Parse(audit.Details!).RootElement.GetProperty("count").GetInt32();

    private Task<List<UserSession>> SessionsOfAsync(string email) => portal.WithDbAsync(db =>
        db.UserSessions.AsNoTracking().Where(s => db.Users.Any(u => u.Id == s.UserId && u.Email == email)).OrderBy(s => s.CreatedAt).ToListAsync());

    private async Task<List<string?>> EndedReasonsAsync(string email) =>
        (await SessionsOfAsync(email)).Where(s => s.EndedAt is not null).Select(s => s.EndedReason).ToList();

    private async Task<T> WithUsersAsync<T>(Func<UserManager<AppUser>, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }
}
