using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Tests.Features.Clients;

public class ClientFinderTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("Rakhimov")]
    [InlineData("Rahimov Farrukh")]
    [InlineData("рахимов")]
    [InlineData("Farrukh Rakhimov")]
    public async Task A_client_saved_in_Cyrillic_is_found_by_Latin_spellings(string query)
    {
        var coordinator = new Viewer(Guid.NewGuid(), null, IsCoordinator: true, IsLawyer: false, IsCaseworker: false);
        var id = await SaveClientAsync("Рахимов Фаррух", "Бахтиёрович", 1991);
        await SaveClientAsync("Иванова Мария", null, 1985);

        var found = await FindAsync(coordinator, query, null);

        found.Should().Contain(c => c.Id == id);
        found[0].FullName.Should().Be("Рахимов Фаррух", "the best match comes first");
        found.Should().NotContain(c => c.FullName == "Иванова Мария");
    }

    [Fact]
    public async Task A_close_birth_year_ranks_a_namesake_higher()
    {
        var coordinator = new Viewer(Guid.NewGuid(), null, IsCoordinator: true, IsLawyer: false, IsCaseworker: false);
        var far = await SaveClientAsync("Karimov Dilshod", null, 1960);
        var close = await SaveClientAsync("Каримов Дилшод", null, 1990);

        var found = await FindAsync(coordinator, "Karimov Dilshod", 1991);

        found.Select(c => c.Id).Should().ContainInOrder(close, far);
    }

    [Fact]
    public async Task A_lawyer_does_not_find_clients_of_cases_they_are_not_on()
    {
        var lawyer = new Viewer(Guid.NewGuid(), null, IsCoordinator: false, IsLawyer: true, IsCaseworker: false);
        await SaveClientAsync("Юсупов Алишер", null, 1980);

        (await FindAsync(lawyer, "Yusupov Alisher", null)).Should().BeEmpty();
    }

    private async Task<IReadOnlyList<ClientCandidate>> FindAsync(Viewer viewer, string name, int? year)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await ClientFinder.FindAsync(db, viewer, name, null, null, year);
    }

    private async Task<Guid> SaveClientAsync(string name, string? patronymic, int year)
    {
        return await portal.WithDbAsync(async db =>
        {
            var office = new Office("Finder " + Guid.NewGuid().ToString("N")[..6], "Moscow", "RU", "Europe/Moscow", DateTimeOffset.UtcNow);
            db.Offices.Add(office);
            var client = new Client(office.Id, name, patronymic, Guid.NewGuid(), DateTimeOffset.UtcNow);
            client.SetBirth(null, year);
            db.Clients.Add(client);
            await db.SaveChangesAsync();
            return client.Id;
        });
    }
}
