using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Infrastructure;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data;
using Npgsql;

namespace MigrantAid.Tests.Data;

/// <summary>
/// Requests reuse PostgreSQL's work on their statements (docs/adr/0025-plan-reuse.md): statements are prepared once per
/// pooled connection and planned for their values, except on the unfiltered pages marked to take generic plans, which
/// connect from a pool of their own.
/// </summary>
public partial class PlanReuseTests(DemoPagesPortal portal) : IClassFixture<DemoPagesPortal>
{
    private const string Coordinator = "coordinator@demo.local";
    private const string Lawyer = "lawyer@demo.local";

    private const string Base = "Host=db.example;Database=migrantaid;Username=migrantaid_app";

    [Fact]
    public void Requests_prepare_statements_in_two_pools_that_share_the_maximum()
    {
        var pools = PlanReuse.Configure(Base + ";Maximum Pool Size=30", enabled: true);

        var custom = new NpgsqlConnectionStringBuilder(pools.Custom);
        var generic = new NpgsqlConnectionStringBuilder(pools.Generic);
        custom.MaxAutoPrepare.Should().Be(PlanReuse.MaxPrepared);
        custom.AutoPrepareMinUsages.Should().Be(2);
        custom.Options.Should().Be("-c plan_cache_mode=force_custom_plan");
        generic.Options.Should().Be("-c plan_cache_mode=auto");
        generic.MaxAutoPrepare.Should().Be(PlanReuse.MaxPrepared);
        (custom.MaxPoolSize + generic.MaxPoolSize).Should().Be(30, "the two pools never hold more connections than configured");
        custom.Host.Should().Be("db.example", "the rest of the connection string is kept");
    }

    [Fact]
    public void What_an_operator_wrote_is_kept()
    {
        var written = Base + ";Max Auto Prepare=0;Options=-c search_path=public";

        var pools = PlanReuse.Configure(written, enabled: true);

        new NpgsqlConnectionStringBuilder(pools.Custom).MaxAutoPrepare.Should().Be(0, "an operator behind a pooler that cannot keep prepared statements turned them off");
        new NpgsqlConnectionStringBuilder(pools.Custom).Options.Should().Be("-c search_path=public -c plan_cache_mode=force_custom_plan", "their own options come first");
        new NpgsqlConnectionStringBuilder(pools.Generic).Options.Should().Be("-c search_path=public -c plan_cache_mode=auto");
        var chosen = PlanReuse.Configure(Base + ";Options=-c plan_cache_mode=auto", enabled: true);
        new NpgsqlConnectionStringBuilder(chosen.Custom).Options.Should().Be("-c plan_cache_mode=auto", "a plan_cache_mode they chose is theirs");
        chosen.Generic.Should().BeNull("then every request uses their one pool");
        PlanReuse.Configure(Base, enabled: false).Should().Be(new PlanReuse.Pools(Base, null), "Database:ReusePlans=false leaves the connection string alone");
    }

    [Fact]
    public async Task A_pooled_connection_keeps_its_prepared_statements_across_requests_and_its_plan_mode()
    {
        var pools = portal.Services.GetRequiredService<DatabaseConnections>().Requests;
        var custom = new NpgsqlConnectionStringBuilder(pools.Custom) { MaxPoolSize = 1, ApplicationName = "plan-reuse-" + Guid.NewGuid().ToString("N") }.ConnectionString;
        int backend;
        await using (var connection = new NpgsqlConnection(custom))
        {
            await connection.OpenAsync();
            backend = connection.ProcessID;
            for (var use = 0; use < 3; use++)
            {
                (await ScalarAsync<int>(connection, "SELECT count(*)::int FROM offices")).Should().BePositive();
            }
        }

        await using var again = new NpgsqlConnection(custom);
        await again.OpenAsync();

        again.ProcessID.Should().Be(backend, "a pool of one hands the same server session back");
        (await ScalarAsync<long>(again, "SELECT count(*) FROM pg_prepared_statements WHERE statement = 'SELECT count(*)::int FROM offices'"))
            .Should().Be(1, "the statement prepared by the earlier use survived the pool's reset (no DISCARD ALL)");
        (await ScalarAsync<string>(again, "SHOW plan_cache_mode")).Should().Be("force_custom_plan");
        await using var generic = new NpgsqlConnection(pools.Generic);
        await generic.OpenAsync();
        (await ScalarAsync<string>(generic, "SHOW plan_cache_mode")).Should().Be("auto");
    }

    [Theory]
    [InlineData(Coordinator, "/cases", true)]
    [InlineData(Coordinator, "/clients", true)]
    [InlineData(Lawyer, "/desk", true)]
    [InlineData(Lawyer, "/calendar", true)]
    [InlineData(Lawyer, "/", true)]
    [InlineData(Coordinator, "/cases?q=Sharipov", false)]
    [InlineData(Coordinator, "/cases?scope=mine", false)]
    [InlineData(Coordinator, "/clients?q=Sharipov", false)]
    [InlineData(Lawyer, "/desk?bucket=overdue", false)]
    [InlineData(Coordinator, "/dashboard", false)]
    [InlineData(Coordinator, "/statistics", false)]
    public async Task Only_unfiltered_marked_pages_connect_from_the_generic_plan_pool(string email, string path, bool generic)
    {
        var client = await portal.SignedInAsync(email);
        (await client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK);

        var (response, statements) = await CountingPortal.CountGetAsync(client, path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        statements.Opened.Should().ContainSingle().Which.Should().Contain(generic ? PlanReuse.GenericPlans : PlanReuse.CustomPlans,
            "{0} {1}", path, generic ? "is marked and unfiltered" : "plans for its values");
    }

    [Theory]
    [InlineData(Coordinator, "/cases")]
    [InlineData(Coordinator, "/clients")]
    [InlineData(Coordinator, "case page")]
    [InlineData(Coordinator, "client page")]
    [InlineData(Lawyer, "/desk")]
    [InlineData(Lawyer, "/calendar")]
    [InlineData(Lawyer, "/")]
    public async Task Generic_plan_pages_write_their_limits_as_numbers(string email, string page)
    {
        // A LIMIT sent as a parameter is planned as if it kept a tenth of the rows it reads: the generic plan of a page of 26
        // cases joined every case, so PostgreSQL never took it and planned the statement anew on every request.
        var client = await portal.SignedInAsync(email);
        var path = page switch
        {
            "case page" => $"/cases/{portal.BusyCaseId}",
            "client page" => $"/clients/{await portal.WithDbAsync(db => db.Cases.Where(c => c.Id == portal.BusyCaseId).Select(c => c.PrincipalClientId).SingleAsync())}",
            _ => page,
        };
        (await client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK);

        var (response, statements) = await CountingPortal.CountGetAsync(client, path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        statements.Opened.Should().ContainSingle().Which.Should().Contain(PlanReuse.GenericPlans);
        statements.Texts.Should().Contain(t => t.Contains("LIMIT ", StringComparison.Ordinal), "{0} reads pages and first rows", path);
        statements.Texts.Where(t => ParameterLimit().IsMatch(t)).Should().BeEmpty("{0}'s limits are fixed in code", path);
    }

    [Fact]
    public async Task The_case_page_takes_generic_plans_and_the_duplicate_check_does_not()
    {
        var client = await portal.SignedInAsync(Coordinator);
        (await client.GetAsync($"/cases/{portal.BusyCaseId}")).StatusCode.Should().Be(HttpStatusCode.OK);

        var (page, pageStatements) = await CountingPortal.CountGetAsync(client, $"/cases/{portal.BusyCaseId}");
        var form = await client.GetDocumentAsync("/clients/new");
        var (post, postStatements) = await CountingPortal.CountAsync(client, c =>
            HttpForms.PostFormAsync(c, form, "/clients/new", new Dictionary<string, string> { ["FullName"] = "Шарипов Далер", ["BirthYear"] = "1990" }));

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        pageStatements.Opened.Should().ContainSingle().Which.Should().Contain(PlanReuse.GenericPlans);
        post.StatusCode.Should().Be(HttpStatusCode.OK);
        postStatements.Opened.Should().ContainSingle().Which.Should().Contain(PlanReuse.CustomPlans, "the duplicate check searches names");
    }

    [Fact]
    public async Task A_pooled_context_leased_after_a_generic_plan_page_connects_for_custom_plans_again()
    {
        var client = await portal.SignedInAsync(Coordinator);
        (await client.GetAsync("/clients")).StatusCode.Should().Be(HttpStatusCode.OK);

        var (unfiltered, unfilteredStatements) = await CountingPortal.CountGetAsync(client, "/clients");
        var (search, searchStatements) = await CountingPortal.CountGetAsync(client, "/clients?q=Sharipov");
        var (again, againStatements) = await CountingPortal.CountGetAsync(client, "/clients");

        (unfiltered.StatusCode, search.StatusCode, again.StatusCode).Should().Be((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK));
        unfilteredStatements.Opened.Should().ContainSingle().Which.Should().Contain(PlanReuse.GenericPlans);
        searchStatements.Opened.Should().ContainSingle().Which.Should().Contain(PlanReuse.CustomPlans, "the search follows a generic-plan request on a reused context");
        againStatements.Opened.Should().ContainSingle().Which.Should().Contain(PlanReuse.GenericPlans);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    [GeneratedRegex(@"\b(LIMIT|OFFSET)\s+[@$:]")]
    private static partial Regex ParameterLimit();
}
