using AngleSharp.Html.Dom;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Features.Cases.Search;

/// <summary>
/// Issue 12, point 13 for the search boxes: a text over the limit is refused with the message at the field and kept
/// in it; the search is not run on a cut copy of it (which would find things the user never typed).
/// </summary>
public class SearchLimitTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/cases", "filter-q", "field-error-q", "en")]
    [InlineData("/clients", "q", "field-error-q", "en")]
    [InlineData("/search", "search-q", "search-message", "en")]
    [InlineData("/cases", "filter-q", "field-error-q", "ru")]
    [InlineData("/search", "search-q", "search-message", "ru")]
    public async Task A_search_text_over_the_limit_is_refused_at_its_field_and_kept(string page, string inputId, string messageId, string language)
    {
        var client = await SignedInAsync(language);
        var reference = await ReferenceAsync();
        var typed = reference + new string('Ж', 200);

        var answer = await client.GetDocumentAsync($"{page}?q={Uri.EscapeDataString(typed)}");

        var message = answer.QuerySelector($"[data-testid={messageId}]");
        message.Should().NotBeNull("{0} says at the field that the text is too long", page);
        message!.TextContent.Should().Contain("200").And.Contain(language == "ru" ? "сократите" : "shorten");
        ((IHtmlInputElement)answer.GetElementById(inputId)!).Value.Should().Be(typed, "what was typed stays in the field");
        answer.QuerySelectorAll("[data-testid=search-cases] a[href^='/cases/']").Should().BeEmpty("no search runs on a cut copy of the text");
    }

    private async Task<HttpClient> SignedInAsync(string language)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var email = $"search-limit-{tag}@test.local";
        var office = await portal.Office().WithCode(string.Concat(Guid.NewGuid().ToByteArray().Take(5).Select(b => (char)('A' + (b % 26))))).SaveAsync();
        var user = await portal.Staff(email).InOffice(office.Id).WithRoles(Roles.Coordinator, Roles.Lawyer).SaveAsync();
        await portal.Case(office).WithClient("Поисков Длинный", null).OnBuildingSite().OpenedToday().AssignedTo(null, user.Id).SaveAsync();
        var client = await portal.SignedInClientAsync(email);
        if (language == "ru")
        {
            await client.SubmitFormAsync("/", [new("culture", "ru"), new("returnUrl", "/")], "/language");
        }

        return client;
    }

    private Task<string> ReferenceAsync() =>
        portal.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Cases.Select(c => c.Reference)));
}
