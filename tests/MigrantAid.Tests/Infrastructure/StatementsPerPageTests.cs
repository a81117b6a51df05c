using System.Net;
using MigrantAid.Tests.Support;
using Xunit.Abstractions;

namespace MigrantAid.Tests.Infrastructure;

/// <summary>
/// Issue 14: the pages of its table send few statements and open one connection per request. Statement counts, not
/// timings: every page but the case page at most 20 (the dashboard's figures are exempt from the bound, not from the
/// single connection). Each page is opened once first, so that one-off work (keys, caches) is not counted.
/// </summary>
public class StatementsPerPageTests(DemoPagesPortal portal, ITestOutputHelper output) : IClassFixture<DemoPagesPortal>
{
    /// <summary>
    /// What issue 14 asks of the case page (68 statements before it): the case loaded once, each section's tables read in
    /// one statement (the timeline's records as one UNION ALL, proceedings with hearings and decisions, deadlines with
    /// their closed count, the international lists together).
    /// </summary>
    public const int CasePageBound = 15;

    public const int PageBound = 20;

    private const string Coordinator = "coordinator@demo.local";
    private const string Lawyer = "lawyer@demo.local";
    private const string Caseworker = "caseworker@demo.local";

    public static TheoryData<string, string, string, int> Pages => new()
    {
        { "case list, coordinator", Coordinator, "/cases", PageBound },
        { "case list, lawyer's My cases", Lawyer, "/cases?scope=mine", PageBound },
        { "search, a name in Latin (coordinator)", Coordinator, "/search?q=" + Uri.EscapeDataString("Sharipov Daler"), PageBound },
        { "search, a name by a caseworker", Caseworker, "/search?q=" + Uri.EscapeDataString("Sharipov"), PageBound },
        { "search, a reference prefix", Coordinator, "/search?q={prefix}", PageBound },
        { "case page, coordinator", Coordinator, "/cases/{case}", CasePageBound },
        { "case page, lawyer", Lawyer, "/cases/{case}", CasePageBound },
        { "client list", Caseworker, "/clients", PageBound },
        { "client search", Caseworker, "/clients?q=" + Uri.EscapeDataString("Шарипов"), PageBound },
        { "desk", Lawyer, "/desk", PageBound },
        { "month calendar", Lawyer, "/calendar", PageBound },
        { "iCalendar feed", "", "{feed}", PageBound },
        { "dashboard", Coordinator, "/dashboard", int.MaxValue },
        { "statistics, category × outcome", Coordinator, "/statistics?rows=category&cols=outcome", PageBound },
        { "home, lawyer", Lawyer, "/", PageBound },
        { "home, caseworker", Caseworker, "/", PageBound },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_sends_few_statements_on_one_connection(string page, string email, string url, int bound)
    {
        var client = email.Length == 0 ? portal.NewClient() : await portal.SignedInAsync(email);
        var path = url.Replace("{case}", portal.BusyCaseId.ToString(), StringComparison.Ordinal)
            .Replace("{prefix}", portal.BusyCaseReference[..^3], StringComparison.Ordinal)
            .Replace("{feed}", portal.FeedPath, StringComparison.Ordinal);
        (await client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK, "{0} opens", page);

        var (response, statements) = await CountingPortal.CountGetAsync(client, path);

        output.WriteLine($"{page}: {statements}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        statements.Commands.Should().BeGreaterThan(0, "{0} reads from the database", page);
        statements.ConnectionOpens.Should().Be(1, "{0} opens one connection for the whole request", page);
        statements.OnTheWire.Should().BeLessThanOrEqualTo(bound, "{0} sends at most {1} statements; it sent {2}", page, bound, statements);
    }

    [Fact]
    public async Task Duplicate_check_at_registration_sends_few_statements_on_one_connection()
    {
        var client = await portal.SignedInAsync(Caseworker);
        var form = await client.GetDocumentAsync("/clients/new");
        var fields = new Dictionary<string, string> { ["FullName"] = "Шарипов Далер", ["BirthYear"] = "1990" };

        var (response, statements) = await CountingPortal.CountAsync(client, c => HttpForms.PostFormAsync(c, form, "/clients/new", fields));

        output.WriteLine($"duplicate check: {statements}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        statements.ConnectionOpens.Should().Be(1);
        statements.OnTheWire.Should().BeLessThanOrEqualTo(PageBound, "the duplicate check sent {0}", statements);
    }
}
