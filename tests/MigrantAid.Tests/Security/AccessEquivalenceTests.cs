using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Security;

namespace MigrantAid.Tests.Security;

/// <summary>
/// The access rules have a query form (lists) and an in-memory form (one record as loaded). These tests
/// hold them equal on real PostgreSQL for every demo account, and every mix of roles and office on the
/// same accounts, against every seeded case and client (the demo data plus <see cref="RuleBranchRecords"/>,
/// which meets every branch of the rule): a change to one form that the other does not follow fails here.
/// </summary>
public class AccessEquivalenceTests(SecurityPortal portal) : IClassFixture<SecurityPortal>
{
    [Fact]
    public async Task VisibleCases_in_SQL_equals_CanView_in_memory_for_every_viewer_and_case()
    {
        var (cases, _) = await RecordsAsync();
        var outcomes = new HashSet<bool>();
        foreach (var viewer in await ViewersAsync())
        {
            var inSql = await portal.WithDbAsync(db => db.Cases.AsNoTracking().Where(CaseAccess.VisibleCases(viewer, db)).Select(c => c.Id).ToListAsync());
            var inMemory = cases.Where(c => CaseAccess.CanView(c, viewer)).Select(c => c.Id).ToList();

            inSql.Should().BeEquivalentTo(inMemory, "the SQL and in-memory case rules agree for {0}", viewer);
            outcomes.UnionWith(cases.Select(c => inMemory.Contains(c.Id)));
        }

        outcomes.Should().BeEquivalentTo([true, false], "the viewers see some cases and miss others");
    }

    [Fact]
    public async Task VisibleClients_in_SQL_equals_CanView_in_memory_for_every_viewer_and_client()
    {
        var (cases, clients) = await RecordsAsync();
        var casesOf = clients.ToDictionary(cl => cl.Id, cl => cases.Where(c => c.Clients.Any(cc => cc.ClientId == cl.Id)).ToList());
        var outcomes = new HashSet<(bool Restricted, bool Visible)>();
        foreach (var viewer in await ViewersAsync())
        {
            var inSql = await portal.WithDbAsync(db => db.Clients.AsNoTracking().Where(ClientAccess.VisibleClients(viewer, db)).Select(c => c.Id).ToListAsync());
            var inMemory = clients.Where(cl => ClientAccess.CanView(cl, casesOf[cl.Id], viewer)).Select(cl => cl.Id).ToList();

            inSql.Should().BeEquivalentTo(inMemory, "the SQL and in-memory client rules agree for {0}", viewer);
            outcomes.UnionWith(clients.Select(cl => (cl.IsRestricted, inMemory.Contains(cl.Id))));
        }

        outcomes.Should().BeEquivalentTo([(false, false), (false, true), (true, false), (true, true)],
            "restricted and consenting clients are each seen by some viewers and missed by others");
    }

    [Fact]
    public async Task Masking_of_the_principal_client_in_SQL_equals_ShowsName_in_memory_for_every_viewer_and_case()
    {
        var (cases, clients) = await RecordsAsync();
        var consent = clients.ToDictionary(cl => cl.Id, cl => cl.ConsentStatus);
        var outcomes = new HashSet<(bool Restricted, bool Shown)>();
        foreach (var viewer in await ViewersAsync())
        {
            var inSql = await portal.WithDbAsync(db => ClientAccess.PrincipalClients(db, viewer.UserId, viewer.IsCoordinator)
                .ToDictionaryAsync(p => p.CaseId, p => p.Name is not null));
            var inMemory = cases.ToDictionary(c => c.Id, c => ClientAccess.ShowsName(c, consent[c.PrincipalClientId], viewer));

            inSql.Should().BeEquivalentTo(inMemory, "the SQL and in-memory masking agree for {0}", viewer);
            outcomes.UnionWith(cases.Select(c => (Client.IsRestrictedStatus(consent[c.PrincipalClientId]), inMemory[c.Id])));
        }

        outcomes.Should().BeEquivalentTo([(false, true), (true, false), (true, true)], "restricted names are shown to some viewers and masked for others");
    }

    [Fact]
    public async Task The_restricted_consent_query_equals_the_domain_rule_for_every_client()
    {
        var (_, clients) = await RecordsAsync();

        var inSql = await portal.WithDbAsync(db => db.Clients.AsNoTracking().Where(ClientAccess.Restricted).Select(c => c.Id).ToListAsync());

        inSql.Should().BeEquivalentTo(clients.Where(cl => Client.IsRestrictedStatus(cl.ConsentStatus)).Select(cl => cl.Id));
        clients.Select(cl => cl.ConsentStatus).Distinct().Should().Contain([ConsentStatus.Given, ConsentStatus.Withdrawn, ConsentStatus.Refused]);
    }

    /// <summary>The demo accounts as the portal signs them in, then every mix of the three case-work roles, with and without their office, on the same people.</summary>
    private async Task<IReadOnlyList<Viewer>> ViewersAsync()
    {
        var viewers = new List<Viewer>();
        foreach (var email in SecurityPortal.DemoEmails)
        {
            var demo = Viewer.From(await portal.PrincipalAsync(email));
            viewers.Add(demo);
            var offices = new[] { demo.OfficeId, null }.Distinct();
            viewers.AddRange(
                from roles in Enumerable.Range(0, 8)
                from office in offices
                select new Viewer(demo.UserId, office, (roles & 1) != 0, (roles & 2) != 0, (roles & 4) != 0));
        }

        return viewers;
    }

    private Task<(List<Case> Cases, List<Client> Clients)> RecordsAsync() =>
        portal.WithDbAsync(async db => (
            await db.Cases.AsNoTracking().Include(c => c.Lawyers).Include(c => c.Clients).AsSplitQuery().ToListAsync(),
            await db.Clients.AsNoTracking().ToListAsync()));
}
