using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Offices;

namespace MigrantAid.Tests.Data;

/// <summary>
/// The one save every edit form uses (<see cref="VersionedSave"/>), on real PostgreSQL: a stale version
/// or a refused change writes nothing, neither the change nor its audit event, and the audit event is
/// part of the change's transaction.
/// </summary>
public class VersionedSaveTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_save_against_a_version_someone_else_changed_writes_nothing()
    {
        var (id, version) = await NewOfficeAsync("Versioned office");
        await portal.WithDbAsync(async db =>
        {
            var other = await db.Offices.SingleAsync(o => o.Id == id);
            other.Update("Renamed by someone else", other.City, other.CountryCode, other.TimeZoneId, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        var audited = false;
        var saved = await portal.WithDbAsync(async db =>
        {
            var office = await db.Offices.SingleAsync(o => o.Id == id);
            office.Update("My stale rename", office.City, office.CountryCode, office.TimeZoneId, DateTimeOffset.UtcNow);
            var result = await VersionedSave.SaveAsync(db, office, version, () => Task.FromResult(audited = true), CancellationToken.None);
            db.ChangeTracker.Entries().Should().BeEmpty("a refused save leaves nothing tracked to be saved by accident later");
            return result;
        });

        saved.Should().BeFalse();
        audited.Should().BeFalse("no audit event for a change that was not made");
        (await NameAsync(id)).Should().Be("Renamed by someone else");
    }

    [Fact]
    public async Task A_change_the_database_refuses_is_reported_and_rolled_back()
    {
        var (taken, _) = await NewOfficeAsync("Office whose name is taken");
        var (id, version) = await NewOfficeAsync("Office to rename");
        var takenName = await NameAsync(taken);

        var audited = false;
        var result = await portal.WithDbAsync(async db =>
        {
            var office = await db.Offices.SingleAsync(o => o.Id == id);
            office.Update(takenName, office.City, office.CountryCode, office.TimeZoneId, DateTimeOffset.UtcNow);
            VersionedSave.Expect(db, office, version);
            return await VersionedSave.TrySaveAsync(db, () => Task.FromResult(audited = true), OfficeNames.IsDuplicateName, CancellationToken.None);
        });

        result.Should().Be(VersionedSaveResult.Refused);
        audited.Should().BeFalse();
        (await NameAsync(id)).Should().StartWith("Office to rename");
    }

    [Fact]
    public async Task The_audit_event_commits_with_the_change_or_not_at_all()
    {
        var (id, version) = await NewOfficeAsync("Office audited in one transaction");

        var failing = () => portal.WithDbAsync(async db =>
        {
            var office = await db.Offices.SingleAsync(o => o.Id == id);
            office.Update("Rename whose audit fails", office.City, office.CountryCode, office.TimeZoneId, DateTimeOffset.UtcNow);
            return await VersionedSave.SaveAsync(db, office, version, () => throw new InvalidOperationException("audit store unavailable"), CancellationToken.None);
        });
        await failing.Should().ThrowAsync<InvalidOperationException>();
        (await NameAsync(id)).Should().StartWith("Office audited in one transaction", "the change is rolled back with its audit event");

        var saved = await portal.WithDbAsync(async db =>
        {
            var office = await db.Offices.SingleAsync(o => o.Id == id);
            office.Update("Rename with its audit", office.City, office.CountryCode, office.TimeZoneId, DateTimeOffset.UtcNow);
            return await VersionedSave.SaveAsync(db, office, version, () => Task.CompletedTask, CancellationToken.None);
        });
        saved.Should().BeTrue();
        (await NameAsync(id)).Should().Be("Rename with its audit");
    }

    private Task<(Guid Id, uint Version)> NewOfficeAsync(string name) =>
        portal.WithDbAsync(async db =>
        {
            var office = new Office(name + " " + Guid.NewGuid().ToString("N")[..6], "Almaty", "KZ", "Asia/Almaty", DateTimeOffset.UtcNow);
            db.Offices.Add(office);
            await db.SaveChangesAsync();
            return (office.Id, office.Version);
        });

    private Task<string> NameAsync(Guid id) => portal.WithDbAsync(db => db.Offices.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).SingleAsync());
}
