using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Data;

/// <summary>
/// The fixed reads every case-list request sends are compiled once per EF model (docs/adr/0026-pooled-contexts.md).
/// Each portal's database has its own data key, so its field cipher, so its own model: two portals in one process
/// (as in this suite) both answer with their own rows.
/// </summary>
public class CompiledForModelTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Two_portals_with_their_own_models_in_one_process_both_serve_the_case_list()
    {
        await using var other = new PortalFactory();
        await other.InitializeAsync();
        var pages = new List<string>();
        foreach (var (host, name) in new[] { (portal, "Compiled Reads North"), (other, "Compiled Reads South") })
        {
            await host.Office().Named(name).SaveAsync();
            var email = $"compiled-{name.Split(' ')[^1].ToLowerInvariant()}@test.local";
            await host.Staff(email).WithRoles(Roles.Coordinator).SaveAsync();
            var client = await host.SignedInClientAsync(email);
            var response = await client.GetAsync("/cases");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            pages.Add(await response.Content.ReadAsStringAsync());
        }

        var models = await Task.WhenAll(portal.WithDbAsync(db => Task.FromResult(db.Model)), other.WithDbAsync(db => Task.FromResult(db.Model)));
        models[0].Should().NotBeSameAs(models[1], "each portal's field cipher is part of its model");
        pages[0].Should().Contain("Compiled Reads North").And.NotContain("Compiled Reads South");
        pages[1].Should().Contain("Compiled Reads South").And.NotContain("Compiled Reads North");
    }

    [Fact]
    public async Task A_query_is_compiled_once_for_a_model()
    {
        var compiled = 0;
        var query = new CompiledForModel<Func<AppDbContext, Task<int>>>(() =>
        {
            compiled++;
            return EF.CompileAsyncQuery((AppDbContext db) => db.Offices.Count());
        });

        var models = new HashSet<object>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < 3; i++)
        {
            (await portal.WithDbAsync(db =>
            {
                models.Add(db.Model);
                return query.For(db)(db);
            })).Should().BeGreaterThanOrEqualTo(0);
        }

        // EF Core may build a portal's model again when its model cache, shared by the suite's many portals, lets one go.
        compiled.Should().Be(models.Count, "a query is compiled once for each model it runs with, not once per use");
    }
}
