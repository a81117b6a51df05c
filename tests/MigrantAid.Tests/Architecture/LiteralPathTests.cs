using System.Text.RegularExpressions;
using MigrantAid.Tests.Support;

namespace MigrantAid.Tests.Architecture;

/// <summary>
/// Issue 13, point 6: links, form targets and redirects name the action (tag helpers, <c>Url.Action</c>,
/// <c>RedirectToAction</c>) or the route, never a literal path, so a route can change in one place. Per feature area:
/// no <c>href="/…"</c>, <c>action="/…"</c> or <c>formaction="/…"</c> in its views, and no string literal that starts
/// with a path ("/cases…", $"/cases/{id}") in its controllers.
/// </summary>
public sealed partial class LiteralPathTests
{
    private static readonly string Features = RepositoryRoot.Combine("src", "MigrantAid.Web", "Features");

    public static TheoryData<string> Areas()
    {
        var areas = new TheoryData<string>();
        foreach (var area in Directory.GetDirectories(Features).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            areas.Add(area!);
        }

        return areas;
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void Views_link_and_post_by_action_or_route_not_by_literal_path(string area)
    {
        var found = Scan(area, "*.cshtml", LiteralTarget());

        found.Should().BeEmpty("links and forms use asp-controller/asp-action/asp-route-… (or asp-route) in {0}", area);
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void Controllers_redirect_by_action_or_route_not_by_literal_path(string area)
    {
        var found = Scan(area, "*Controller*.cs", LiteralPathString());

        found.Should().BeEmpty("controllers use RedirectToAction/RedirectToRoute/Url.Action in {0}", area);
    }

    [Fact]
    public void The_scan_finds_a_literal_link_a_literal_form_and_a_literal_redirect()
    {
        LiteralTarget().IsMatch("""<a href="/cases/@row.Id">""").Should().BeTrue();
        LiteralTarget().IsMatch("""<form method="post" action="/cases/@Model.Id/close">""").Should().BeTrue();
        LiteralTarget().IsMatch("""<button formaction="/intake/1/discard">""").Should().BeTrue();
        LiteralTarget().IsMatch("""<a asp-controller="Cases" asp-action="Show" asp-route-id="@row.Id">""").Should().BeFalse();
        LiteralTarget().IsMatch("""<link href="~/css/site.css" rel="stylesheet">""").Should().BeFalse();
        LiteralPathString().IsMatch("""return Redirect($"/cases/{id}");""").Should().BeTrue();
        LiteralPathString().IsMatch("""this.FormResult(outcome, errors, input, "/cases", "Saved.");""").Should().BeTrue();
        LiteralPathString().IsMatch("""return RedirectToAction(nameof(Show), new { id });""").Should().BeFalse();
        LiteralPathString().IsMatch("""[HttpGet("{id:guid}/edit")]""").Should().BeFalse();
        IsCommentOrAttribute("""    [HttpGet("/desk")]""").Should().BeTrue();
        Areas().Count.Should().BeGreaterThan(15);
    }

    private static List<string> Scan(string area, string pattern, Regex literal) =>
        Directory.EnumerateFiles(Path.Combine(Features, area), pattern, SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(l => !IsCommentOrAttribute(l.line) && literal.IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(Features, l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

    // Route templates ([HttpGet("/desk")], [Route("/error")]) are where a path belongs.
    private static bool IsCommentOrAttribute(string line) =>
        line.TrimStart().StartsWith("//", StringComparison.Ordinal) || line.TrimStart().StartsWith('[');

    [GeneratedRegex("""\b(?:href|action|formaction)\s*=\s*"/""")]
    private static partial Regex LiteralTarget();

    [GeneratedRegex("""(?<![\w\]])\$?@?"/[a-z]""")]
    private static partial Regex LiteralPathString();
}
