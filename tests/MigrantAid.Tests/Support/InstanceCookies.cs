using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MigrantAid.Tests.Support;

/// <summary>A sign-in cookie taken from one portal instance and presented to another, as behind a load balancer.</summary>
public static class InstanceCookies
{
    public static async Task<string> SignInCookieAsync(PortalFactory instance, string email)
    {
        var response = await instance.NewClient().SubmitFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = PortalFactory.Password,
        });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var cookies = response.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("MigrantAid.Auth", StringComparison.Ordinal))
            .Select(c => c.Split(';')[0])
            .ToList();
        cookies.Should().NotBeEmpty("signing in sets the auth cookie");
        return string.Join("; ", cookies);
    }

    public static async Task<HttpResponseMessage> GetWithCookieAsync(PortalFactory instance, string url, string cookie)
    {
        var client = instance.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
            HandleCookies = false,
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
