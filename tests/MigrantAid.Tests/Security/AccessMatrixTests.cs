using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using MigrantAid.Web.Domain.Clients;
using Xunit.Abstractions;

namespace MigrantAid.Tests.Security;

/// <summary>
/// No IDOR: every demo account × every record page (RecordPages.cs) × every seeded record of its
/// kind, requested over HTTP through the whole pipeline, answers what the access rule says: 403 where
/// the role may not use the page, 404 where the user may not see the record, 200 (or the page's own
/// documented answer) where it may.
/// </summary>
public class AccessMatrixTests(SecurityPortal portal, ITestOutputHelper output) : IClassFixture<SecurityPortal>
{
    [Fact]
    public async Task Every_record_route_is_in_the_matrix()
    {
        var gets = (await PortalEndpoints.ReadAsync(portal.Services)).Where(e => e.Method == "GET").Select(e => e.Template).ToHashSet();
        var listed = RecordPage.All.Select(p => p.Route).ToHashSet();

        gets.Where(t => t.Contains('{', StringComparison.Ordinal) && !listed.Contains(t) && !RecordPage.NotRecordPages.ContainsKey(t))
            .Should().BeEmpty("a GET page about one record needs a line in Security/RecordPages.cs");
        listed.Where(r => !gets.Contains(r)).Should().BeEmpty("a matrix line must name an existing GET route");
        RecordPage.All.Select(p => p.Route).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Every_demo_user_gets_what_the_access_rule_says_on_every_record_page()
    {
        var watch = Stopwatch.StartNew();
        var records = await portal.WithDbAsync(RecordCatalog.LoadAsync);
        var endpoints = (await PortalEndpoints.ReadAsync(portal.Services)).Where(e => e.Method == "GET").ToDictionary(e => e.Template);
        var failures = new ConcurrentBag<string>();
        var answers = new ConcurrentBag<(string User, HttpStatusCode Expected)>();

        await Task.WhenAll(SecurityPortal.DemoEmails.Select(async email =>
        {
            var user = await portal.SignInAsync(email);
            var expected = await ExpectedAnswers.ForAsync(portal, user.Principal, records[RecordKind.Intake]);
            foreach (var page in RecordPage.All)
            {
                foreach (var record in records[page.Kind])
                {
                    var url = record.Url(page.Route);
                    var want = await expected.ForAsync(page, endpoints[page.Route], record);
                    using var response = await user.Client.GetAsync(url);
                    answers.Add((email, want));
                    if (response.StatusCode != want)
                    {
                        failures.Add($"{email} GET {url} ({page.Route}): expected {(int)want}, got {(int)response.StatusCode}");
                    }
                }
            }
        }));

        output.WriteLine("Records: " + string.Join(", ", records.OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine($"{answers.Count} (user, record page) pairs checked in {watch.Elapsed.TotalSeconds:0.0} s; " +
            string.Join(", ", answers.GroupBy(a => a.Expected).OrderBy(g => g.Key).Select(g => $"{(int)g.Key}: {g.Count()}")));
        failures.Order(StringComparer.Ordinal).Take(50).Should().BeEmpty("{0} of the pages answer other than the rule says", failures.Count);
        answers.Count.Should().BeGreaterThan(1000, "the matrix covers the demo data, not a sample");
        foreach (var email in SecurityPortal.DemoEmails)
        {
            answers.Where(a => a.User == email).Select(a => a.Expected).Should().Contain(HttpStatusCode.OK, "{0} can open some record pages", email)
                .And.Contain(code => code == HttpStatusCode.NotFound || code == HttpStatusCode.Forbidden, "{0} is refused some", email);
        }
    }

    [Fact]
    public async Task The_records_meet_every_branch_of_the_access_rule()
    {
        var records = await portal.WithDbAsync(RecordCatalog.LoadAsync);
        var cases = records[RecordKind.Case].ToList();
        var caseworker = await ExpectedFor("caseworker@demo.local", records);
        var lawyer = await ExpectedFor("lawyer@demo.local", records);
        var officeId = caseworker.Viewer.OfficeId;

        cases.Should().Contain(r => r.Case!.IsConfidential && r.Case.OfficeId == officeId && !caseworker.MaySee(r), "a confidential case of the caseworker's office is hidden from them");
        cases.Should().Contain(r => !r.Case!.IsConfidential && r.Case.OfficeId == officeId && !r.Case.IsAssigned(caseworker.Viewer.UserId) && caseworker.MaySee(r), "an office case not theirs is visible");
        cases.Should().Contain(r => r.Case!.OfficeId != lawyer.Viewer.OfficeId && lawyer.MaySee(r), "a further lawyer sees a case of another office");
        cases.Should().Contain(r => r.Case!.OfficeId == lawyer.Viewer.OfficeId && !lawyer.MaySee(r), "a lawyer does not see the office's cases not assigned to them");
        cases.Should().Contain(r => r.Case!.IsSealed && !r.Case.IsAssigned(lawyer.Viewer.UserId) && lawyer.MaySee(r), "a lawyer named on a sealed case sees it unassigned");
        cases.Should().Contain(r => r.Case!.IsSealed && r.Case.IsAssigned(caseworker.Viewer.UserId) && !caseworker.MaySee(r), "a sealed case is hidden from its caseworker when not named");

        var consent = await portal.WithDbAsync(db => Task.FromResult(db.Clients.Where(c => c.ConsentStatus != ConsentStatus.Given).Select(c => new { c.Id, c.ConsentStatus }).ToList()));
        var clients = records[RecordKind.Client].ToList();
        consent.Should().Contain(c => c.ConsentStatus == ConsentStatus.Refused && !caseworker.MaySee(clients.Single(r => r.ClientId == c.Id)), "a client who refused consent is hidden from an unassigned caseworker");
        consent.Should().Contain(c => c.ConsentStatus == ConsentStatus.Withdrawn && caseworker.MaySee(clients.Single(r => r.ClientId == c.Id)), "the assigned caseworker still sees a client who withdrew consent");
        consent.Should().Contain(c => c.ConsentStatus == ConsentStatus.Withdrawn && !lawyer.MaySee(clients.Single(r => r.ClientId == c.Id)));
        foreach (var kind in Enum.GetValues<RecordKind>())
        {
            records[kind].Should().NotBeEmpty("the matrix has {0} records to request", kind);
        }
    }

    private async Task<ExpectedAnswers> ExpectedFor(string email, ILookup<RecordKind, RecordRow> records) =>
        await ExpectedAnswers.ForAsync(portal, await portal.PrincipalAsync(email), records[RecordKind.Intake]);
}
