using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using static MigrantAid.Tests.Support.HttpForms;
using static MigrantAid.Tests.Support.IntakeSteps;

namespace MigrantAid.Tests.Features.Shared;

/// <summary>
/// Issue 12, point 13: a pasted value over a field's limit is refused with a message at the field, never cut in
/// silence. No view writes <c>maxlength</c> (with which a browser cuts a paste); each limited field says its limit,
/// and a value one character too long, posted to the main forms, comes back at its field with the message.
/// </summary>
public partial class CharacterLimitTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Email = "limits@test.local";

    [Fact]
    public void No_view_writes_a_maxlength_attribute()
    {
        var views = Path.Combine(SourceRoot(), "src", "MigrantAid.Web", "Features");
        var offenders = Directory.EnumerateFiles(views, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => MaxLengthAttribute().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(views, f))
            .ToList();
        Directory.EnumerateFiles(views, "*.cshtml", SearchOption.AllDirectories).Should().NotBeEmpty();
        offenders.Should().BeEmpty("a browser cuts a pasted text at maxlength without a word");
    }

    [Fact]
    public async Task A_value_over_the_limit_of_any_field_of_the_main_forms_comes_back_at_its_field_and_is_kept()
    {
        var (client, caseId, clientId, intakeId) = await WorldAsync();
        var forms = new (string Page, string Action)[]
        {
            ($"/cases/{caseId}/edit", $"/cases/{caseId}/edit"),
            ($"/cases/{caseId}", $"/cases/{caseId}/notes"),
            ($"/cases/{caseId}/close", $"/cases/{caseId}/close"),
            ($"/cases/{caseId}/deadlines/new", $"/cases/{caseId}/deadlines/new"),
            ($"/cases/{caseId}/proceedings/new", $"/cases/{caseId}/proceedings/new"),
            ($"/clients/{clientId}/aliases/new", $"/clients/{clientId}/aliases/new"),
            ($"/clients/{clientId}/contacts/new", $"/clients/{clientId}/contacts/new"),
            ($"/clients/{clientId}/documents/new", $"/clients/{clientId}/documents/new"),
            ($"/clients/{clientId}/consent/new", $"/clients/{clientId}/consent/new"),
            ($"/intakes/{intakeId}/complaint", $"/intakes/{intakeId}/complaint"),
            ("/offices/create", "/offices/create"),
            ("/categories/create", "/categories/create"),
            ("/users/create", "/users/create"),
            ("/deadline-rules/create", "/deadline-rules/create"),
            ("/recommendations/new", "/recommendations/new"),
        };

        var checkedFields = 0;
        foreach (var (pageUrl, action) in forms)
        {
            var page = await client.GetDocumentAsync(pageUrl);
            page.QuerySelectorAll("[maxlength]").Select(e => e.OuterHtml).Should().BeEmpty("{0} must not cut a paste", pageUrl);
            var form = page.Forms.Single(f => string.Equals(f.GetAttribute("action"), action, StringComparison.OrdinalIgnoreCase));
            var limited = form.QuerySelectorAll("[data-limit][name]").ToList();
            limited.Should().NotBeEmpty("the form posting to {0} has limited fields", action);
            var sent = limited.ToDictionary(f => f.GetAttribute("name")!, f => TooLong(f.GetAttribute("name")!, int.Parse(f.GetAttribute("data-limit")!)));
            foreach (var field in limited.Where(f => f.GetAttribute("type") is not ("search" or "email" or "password")))
            {
                page.GetElementById(field.Id + "-limit")!.TextContent.Should().Contain(field.GetAttribute("data-limit")!, "{0} [{1}] says its limit", pageUrl, field.GetAttribute("name"));
            }

            var response = await PostFormAsync(client, page, action, sent);
            response.StatusCode.Should().Be(HttpStatusCode.OK, "{0} should refuse the long values and show the form again, not save", action);
            var answer = await PageAsync(response);
            foreach (var (name, value) in sent)
            {
                var field = answer.QuerySelector($"[name='{name}']");
                field.Should().NotBeNull("{0} shows [{1}] again", action, name);
                Shown(field!).Should().Be(value, "{0} keeps what was typed in [{1}]", action, name);
                Message(answer, field!).Should().Contain(field!.GetAttribute("data-limit")!, "{0} says at [{1}] that it is too long", action, name);
                checkedFields++;
            }
        }

        checkedFields.Should().BeGreaterThanOrEqualTo(30);
    }

    /// <summary>One character over the limit, in Cyrillic (a character, not a byte, counts); an e-mail stays an e-mail.</summary>
    private static string TooLong(string name, int limit) => name.Contains("Email", StringComparison.OrdinalIgnoreCase)
        ? new string('ж', limit + 1 - "@test.local".Length).Replace('ж', 'z') + "@test.local"
        : new string('Ж', limit + 1);

    private static string Shown(IElement field) => field is IHtmlTextAreaElement area ? area.Value : field.GetAttribute("value") ?? "";

    /// <summary>The error shown for the field: its validation span, or the error under it in its group.</summary>
    private static string Message(IHtmlDocument page, IElement field)
    {
        var name = field.GetAttribute("name")!;
        var bound = page.QuerySelectorAll("[data-valmsg-for]").FirstOrDefault(e => e.GetAttribute("data-valmsg-for") == name);
        if (bound is not null && bound.TextContent.Trim().Length > 0)
        {
            return bound.TextContent;
        }

        var group = field.ParentElement!;
        return string.Join(" | ", group.QuerySelectorAll(".invalid-feedback, .text-danger, [id$='-error']")
            .Where(e => !e.ClassList.Contains("char-limit"))
            .Select(e => e.TextContent.Trim()));
    }

    private async Task<(HttpClient Client, Guid CaseId, Guid ClientId, Guid IntakeId)> WorldAsync()
    {
        var office = await portal.Office().WithCode("LIMIT").SaveAsync();
        var user = await portal.Staff(Email).InOffice(office.Id).WithRoles(Roles.Admin, Roles.Coordinator, Roles.Lawyer).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Длиннов Пётр", null).OnBuildingSite().OpenedToday().AssignedTo(null, user.Id).SaveAsync()).Id;
        var clientId = await portal.WithDbAsync(db => db.CaseClients.Where(c => c.CaseId == caseId).Select(c => c.ClientId).FirstAsync());
        var client = await portal.SignedInClientAsync(Email);
        var intakeId = await StartIntakeAsync(client);
        return (client, caseId, clientId, intakeId);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\smaxlength\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex MaxLengthAttribute();

    private static string SourceRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MigrantAid.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("MigrantAid.sln not found above the test binaries.");
    }
}
