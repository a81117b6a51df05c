using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Tests.Features.Clients;

/// <summary>Issue 12 point 6: the "situation" filter of the client and case lists counts right, says a bad value at the field, and walks an index.</summary>
public class ClientSituationListTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Situation_filters_of_the_client_and_case_lists_find_exactly_the_flagged_people()
    {
        var office = await portal.Office().SaveAsync();
        var caseworker = await portal.Staff("situation-filter@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var flags = new[]
        {
            Vulnerability.Undocumented, Vulnerability.Undocumented, Vulnerability.Undocumented | Vulnerability.Child,
            Vulnerability.SeparatedChild | Vulnerability.Child, Vulnerability.SeparatedChild,
            Vulnerability.Undocumented | Vulnerability.SeparatedChild,
            Vulnerability.None, Vulnerability.Child, Vulnerability.Detained,
        };
        var people = new List<(Guid Client, Guid Case, Vulnerability Flags)>();
        for (var i = 0; i < flags.Length; i++)
        {
            var flag = flags[i];
            var client = await portal.Client(office.Id).Named("Situation Person " + i).BornIn(2000).With(c => c.Vulnerabilities = flag).SaveAsync();
            var @case = await portal.Case(office).ForClient(client.Id).WithTitle("Test case").OpenedToday().AssignedTo(caseworker.Id).SaveAsync();
            people.Add((client.Id, @case.Id, flag));
        }

        var http = await portal.SignedInClientAsync("situation-filter@test.local");
        foreach (var (value, flag) in ClientSituation.Choices)
        {
            var expected = people.Where(p => p.Flags.HasFlag(flag)).ToList();
            var clients = await http.GetDocumentAsync("/clients?situation=" + value);
            clients.QuerySelectorAll("[data-testid=clients-table] tbody tr a[href^='/clients/']")
                .Select(a => Guid.Parse(a.GetAttribute("href")!["/clients/".Length..])).Should().BeEquivalentTo(expected.Select(p => p.Client), value);
            clients.QuerySelector("[data-testid=filter-situation] option[selected]")!.GetAttribute("value").Should().Be(value);

            var cases = await http.GetDocumentAsync("/cases?scope=mine&situation=" + value);
            cases.QuerySelectorAll("[data-testid=case-row]").Select(r => Guid.Parse(r.GetAttribute("data-case-id")!))
                .Should().BeEquivalentTo(expected.Select(p => p.Case), value);
        }

        (await http.GetDocumentAsync("/clients")).QuerySelectorAll("[data-testid=clients-table] tbody tr").Should().HaveCount(flags.Length, "no filter, everyone");
    }

    [Fact]
    public async Task An_unknown_situation_is_said_at_the_field_and_ignored()
    {
        var office = await portal.Office().SaveAsync();
        var http = await portal.Staff("situation-bad@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SignedInAsync();

        foreach (var url in new[] { "/clients?situation=stateless", "/cases?situation=stateless" })
        {
            var page = await http.GetDocumentAsync(url);
            page.QuerySelector("#filter-situation-error")!.TextContent.Should().Be("Choose a situation from the list.", url);
            page.QuerySelector("#filter-situation")!.ClassList.Should().Contain("is-invalid");
        }
    }

    [Fact]
    public async Task Each_situation_filter_walks_its_partial_index_newest_first()
    {
        foreach (var (flag, index) in new[] { (Vulnerability.Undocumented, "ix_clients_undocumented_created_at_id"), (Vulnerability.SeparatedChild, "ix_clients_separated_child_created_at_id") })
        {
            var plan = await portal.WithDbAsync(async db =>
            {
                // The SQL the list runs (a page of the newest flagged clients), planned with sequential scans priced out.
                var query = db.Clients.In(flag).OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Select(c => c.Id).Take(26).ToQueryString();
                // ToQueryString declares the page size as "-- @p='26'" above the statement: run it as a parameter.
                var sql = string.Join("\n", query.Split('\n').Where(line => !line.StartsWith("--", StringComparison.Ordinal)));
                var connection = db.Database.GetDbConnection();
                await connection.OpenAsync();
                await using var off = connection.CreateCommand();
                off.CommandText = "SET enable_seqscan = off";
                await off.ExecuteNonQueryAsync();
                await using var explain = connection.CreateCommand();
                explain.CommandText = "EXPLAIN " + sql;
                var size = explain.CreateParameter();
                size.ParameterName = "p";
                size.Value = 26;
                explain.Parameters.Add(size);
                return await ReadAllAsync(explain);
            });

            plan.Should().Contain(index, "the {0} filter must not scan every client", flag);
        }
    }

    private static async Task<string> ReadAllAsync(DbCommand command)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join("\n", lines);
    }
}
