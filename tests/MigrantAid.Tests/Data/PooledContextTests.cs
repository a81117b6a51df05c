using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data;
using MigrantAid.Web.Data.Encryption;
using MigrantAid.Web.Infrastructure;

namespace MigrantAid.Tests.Data;

/// <summary>
/// Requests lease pooled contexts (docs/adr/0026-pooled-contexts.md): a context goes back to the pool after its
/// request, and nothing a request kept with it (its memo of clocks and names) reaches the next request.
/// </summary>
public class PooledContextTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>EF Core's default pool size: the most contexts the pool keeps.</summary>
    private const int MostPooled = 1024;

    [Fact]
    public async Task A_context_returns_to_the_pool_and_is_leased_again_with_the_portals_field_cipher()
    {
        var (instance, lease) = await LeaseAsync(db =>
        {
            db.Cipher.Should().NotBeSameAs(FieldCipher.Unconfigured);
            return Task.FromResult((db.ContextId.InstanceId, db.ContextId.Lease));
        });

        var nextLease = await LeaseAgainAsync(instance, db => Task.FromResult(db.ContextId.Lease));

        nextLease.Should().BeGreaterThan(lease);
    }

    [Fact]
    public async Task What_one_request_kept_in_its_memo_is_gone_for_the_next_lease()
    {
        var memo = new RequestMemo<string>();
        var key = Guid.NewGuid();
        var first = await LeaseAsync(db =>
        {
            memo.Of(db)[key] = "kept";
            memo.Of(db).Should().ContainKey(key, "within one lease the memo keeps what was put in it");
            return Task.FromResult(db.ContextId.InstanceId);
        });

        var kept = await LeaseAgainAsync(first, db => Task.FromResult(memo.Of(db).ContainsKey(key)));

        kept.Should().BeFalse("a context leased again starts with an empty memo");
    }

    [Fact]
    public async Task An_office_clock_remembered_by_one_request_is_read_again_by_the_next()
    {
        var office = Guid.NewGuid();
        var first = await LeaseAsync(async db =>
        {
            OfficeTime.Remember(db, office, null, "Asia/Tokyo");
            (await OfficeTime.OfOfficeAsync(db, office)).ZoneId.Should().Be("Asia/Tokyo");
            return db.ContextId.InstanceId;
        });

        var zone = await LeaseAgainAsync(first, async db => (await OfficeTime.OfOfficeAsync(db, office)).ZoneId);

        zone.Should().Be(OfficeTime.Utc.ZoneId, "no office has that id: the next request reads the database, not the last request's memo");
    }

    /// <summary>
    /// Leases contexts one after another until the pool hands out <paramref name="instance"/> again (it hands out the
    /// context returned longest ago, so every other pooled one comes first), then runs <paramref name="work"/> on it.
    /// </summary>
    private async Task<T> LeaseAgainAsync<T>(Guid instance, Func<AppDbContext, Task<T>> work)
    {
        for (var attempt = 0; attempt <= MostPooled; attempt++)
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (db.ContextId.InstanceId == instance)
            {
                return await work(db);
            }
        }

        throw new InvalidOperationException($"The context {instance} was not leased again within {MostPooled} leases: it did not go back to the pool.");
    }

    private async Task<T> LeaseAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
