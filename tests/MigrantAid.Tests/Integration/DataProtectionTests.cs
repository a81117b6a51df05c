using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Infrastructure;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Integration;

/// <summary>Several instances behind a load balancer: a cookie issued by one is honoured by the others.</summary>
public class DataProtectionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Sign_in_cookie_is_accepted_by_a_second_instance()
    {
        var user = await portal.CreateUserAsync("dp-two-instances@test.local", Roles.Lawyer);
        var cookie = await SignInCookieAsync("dp-two-instances@test.local");

        var second = new ConfiguredPortal(sharedConnectionString: portal.ConnectionString);
        await second.InitializeAsync();
        try
        {
            var home = await GetWithCookieAsync(second, "/", cookie);

            home.StatusCode.Should().Be(HttpStatusCode.OK, "the second instance reads the key ring from the shared database");
            (await home.Content.ReadAsStringAsync()).Should().Contain(user.FullName);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task Sign_in_cookie_is_refused_by_an_instance_with_other_keys()
    {
        await portal.CreateUserAsync("dp-other-keys@test.local", Roles.Lawyer);
        var cookie = await SignInCookieAsync("dp-other-keys@test.local");

        var stranger = new ConfiguredPortal();
        await stranger.InitializeAsync();
        try
        {
            var home = await GetWithCookieAsync(stranger, "/", cookie);

            home.StatusCode.Should().Be(HttpStatusCode.Redirect, "a cookie protected with keys of another database means nothing here");
        }
        finally
        {
            await stranger.DisposeAsync();
        }
    }

    [Fact]
    public async Task Keys_are_stored_in_the_database()
    {
        await portal.CreateUserAsync("dp-keys@test.local", Roles.Caseworker);
        await portal.SignedInClientAsync("dp-keys@test.local");

        var keys = await portal.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync());

        keys.Should().ContainSingle("one key serves every instance until it is rotated");
        keys[0].Xml.Should().StartWith("<key ").And.Contain("<masterKey");
        keys[0].FriendlyName.Should().NotBeNullOrEmpty();
    }

    private async Task<string> SignInCookieAsync(string email)
    {
        var response = await portal.NewClient().SubmitFormAsync("/account/login", new Dictionary<string, string>
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

    private static async Task<HttpResponseMessage> GetWithCookieAsync(PortalFactory instance, string url, string cookie)
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
