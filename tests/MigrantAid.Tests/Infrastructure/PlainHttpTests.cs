using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MigrantAid.Tests.Support;

namespace MigrantAid.Tests.Infrastructure;

/// <summary>Plain HTTP under Secure cookies gets a page that says to use HTTPS, never an empty 500; no Server header.</summary>
public class PlainHttpTests(PlainHttpTests.SecureCookiePortal portal) : IClassFixture<PlainHttpTests.SecureCookiePortal>
{
    [Fact]
    public async Task Login_page_over_plain_http_says_to_use_the_https_address()
    {
        var response = await PlainClient().GetAsync("/account/login?returnUrl=%2Fcases");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=https-required]")!.TextContent.Should().Contain("works only over HTTPS");
        page.QuerySelector("[data-testid=secure-url]")!.GetAttribute("href").Should().Be("https://localhost/account/login?returnUrl=%2Fcases");
        page.QuerySelectorAll("form").Should().BeEmpty("no form could work over plain HTTP");
    }

    [Fact]
    public async Task Login_post_over_plain_http_gets_the_same_page_in_the_browser_language()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent([new("Email", "someone@test.local"), new("Password", "whatever-1A!")]),
        };
        request.Headers.AcceptLanguage.ParseAdd("ru");

        var response = await PlainClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=https-required]")!.TextContent.Should().Contain("Портал работает только по HTTPS");
        page.QuerySelector("[data-testid=secure-url]").Should().BeNull("a POST cannot be repeated by a link");
    }

    [Fact]
    public async Task Health_probes_and_static_files_still_answer_over_plain_http()
    {
        var client = PlainClient();

        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/css/site.css")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Over_https_the_login_page_is_served_as_usual()
    {
        var response = await portal.NewClient().GetAsync("/account/login");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("form[action='/account/login'] input[name='__RequestVerificationToken']").Should().NotBeNull("the sign-in form is served with its antiforgery token");
        page.QuerySelector("[data-testid='https-required']").Should().BeNull("HTTPS requests are not sent to the plain-HTTP page");
    }

    [Fact]
    public async Task Kestrel_sends_no_server_header()
    {
        portal.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader.Should().BeFalse();

        // And on a real socket, where Kestrel (not the in-memory test server) writes the response.
        var real = new ConfiguredPortal();
        try
        {
            await real.InitializeAsync();
            real.UseKestrel(0);
            real.StartServer();
            var address = real.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };

            var response = await http.GetAsync("/health/live");

            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Headers.Contains("Server").Should().BeFalse();
        }
        finally
        {
            await real.DisposeAsync();
        }
    }

    private HttpClient PlainClient() => portal.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("http://localhost"),
    });

    public sealed class SecureCookiePortal : PortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Security:CookieSecurePolicy"] = "Always",
        };
    }
}
