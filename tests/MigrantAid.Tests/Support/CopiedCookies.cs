using Microsoft.AspNetCore.Mvc.Testing;

namespace MigrantAid.Tests.Support;

/// <summary>
/// Signs in and keeps the sign-in cookie as an attacker who copied it would: the value alone, to be
/// replayed from another client that has no cookies of its own.
/// </summary>
public static class CopiedCookies
{
    public const string AuthCookie = "MigrantAid.Auth";

    /// <summary>Signs in through the login form; returns the client and its sign-in cookie ("name=value; ...").</summary>
    public static async Task<(HttpClient Client, string Cookie)> SignInCopyingCookieAsync(this PortalFactory portal, string email,
        string password = PortalFactory.Password, string? userAgent = null, string? forwardedFor = null)
    {
        var client = portal.NewClient();
        if (userAgent is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        }

        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        var response = await client.SubmitFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
        });
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect, "signing in as {0} should succeed", email);
        return (client, AuthCookieOf(response));
    }

    /// <summary>The sign-in cookie a response set (all its chunks, should it be split).</summary>
    public static string AuthCookieOf(HttpResponseMessage response)
    {
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        var auth = cookies.Select(c => c.Split(';')[0]).Where(c => c.StartsWith(AuthCookie, StringComparison.Ordinal)).ToList();
        auth.Should().NotBeEmpty("the response should set the sign-in cookie");
        return string.Join("; ", auth);
    }

    /// <summary>A fresh client that sends only the copied cookie on every request.</summary>
    public static HttpClient ClientWithCookie(this PortalFactory portal, string cookie)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
            HandleCookies = false,
        });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
