using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Features.Errors;

public class ErrorPageTests(ErrorPageTests.BoomPortal portal) : IClassFixture<ErrorPageTests.BoomPortal>
{
    private const string SecretDetail = "Connection to 10.1.2.3 failed for client Ivanov";

    [Fact]
    public async Task Unknown_url_shows_a_friendly_not_found_page_with_the_reference()
    {
        await portal.CreateUserAsync("errors-404@test.local", Roles.Lawyer);
        var client = await portal.SignedInClientAsync("errors-404@test.local");

        var response = await client.GetAsync("/no-such-page/42");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var html = await response.Content.ReadAsStringAsync();
        var page = HttpForms.Parse(html);
        page.QuerySelector("h1")!.TextContent.Should().Be("Page not found");
        page.QuerySelector("[data-testid=correlation-id]")!.TextContent.Should().Be(CorrelationId(response));
        page.QuerySelector("[data-testid=nav]").Should().NotBeNull("the page keeps the portal's layout");
        html.Should().NotContain("   at ").And.NotContain("Exception");
    }

    [Fact]
    public async Task Server_error_shows_the_reference_and_no_exception_text()
    {
        await portal.CreateUserAsync("errors-500@test.local", Roles.Lawyer);
        var client = await portal.SignedInClientAsync("errors-500@test.local");

        var response = await client.GetAsync("/test/boom");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var html = await response.Content.ReadAsStringAsync();
        var page = HttpForms.Parse(html);
        page.QuerySelector("h1")!.TextContent.Should().Be("Something went wrong");
        page.QuerySelector("[data-testid=correlation-id]")!.TextContent.Should().Be(CorrelationId(response));
        html.Should().NotContain(SecretDetail).And.NotContain("InvalidOperationException").And.NotContain("   at ");
        Header(response, "Content-Security-Policy").Should().Contain("default-src 'self'", "security headers survive the exception handler");
    }

    [Fact]
    public async Task Server_error_during_a_form_post_shows_the_same_page()
    {
        await portal.CreateUserAsync("errors-500-post@test.local", Roles.Lawyer);
        var client = await portal.SignedInClientAsync("errors-500-post@test.local");

        var home = await client.GetDocumentAsync("/");
        var token = home.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var withToken = await client.PostAsync("/test/boom", new FormUrlEncodedContent(
            [new KeyValuePair<string, string>("__RequestVerificationToken", token)]));
        var withoutToken = await client.PostWithoutTokenAsync("/test/boom", []);

        foreach (var response in new[] { withToken, withoutToken })
        {
            response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
            var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
            page.QuerySelector("[data-testid=correlation-id]")!.TextContent.Should().Be(CorrelationId(response));
        }
    }

    [Fact]
    public async Task Unknown_url_posted_without_token_is_still_not_found()
    {
        await portal.CreateUserAsync("errors-404-post@test.local", Roles.Lawyer);
        var client = await portal.SignedInClientAsync("errors-404-post@test.local");

        var response = await client.PostWithoutTokenAsync("/no-such-page", []);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        HttpForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("h1")!.TextContent.Should().Be("Page not found");
    }

    private static string CorrelationId(HttpResponseMessage response) => Header(response, "X-Correlation-Id");

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();

    /// <summary>The portal plus one test-only endpoint that fails, so the real exception handling can be seen.</summary>
    public sealed class BoomPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, BoomEndpoint>());
        }

        private sealed class BoomEndpoint : IStartupFilter
        {
            // Added after the portal's pipeline, so it runs inside its exception handler, authentication and all.
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Use((HttpContext context, RequestDelegate _) =>
                    context.Request.Path == "/test/boom" ? throw new InvalidOperationException(SecretDetail) : _(context));
            };
        }
    }
}
