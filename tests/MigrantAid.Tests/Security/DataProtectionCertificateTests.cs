using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using static MigrantAid.Tests.Support.InstanceCookies;

namespace MigrantAid.Tests.Security;

/// <summary>
/// The key ring encrypted at rest with a certificate kept outside the database: a dump holds no usable
/// key, instances sharing the database and the certificate accept each other's cookies, and keys written
/// under a previous certificate still decrypt once that certificate is listed in Previous.
/// </summary>
public sealed class DataProtectionCertificateTests : IAsyncLifetime
{
    private static readonly string First = TestCertificates.CreatePfx("dp-first");
    private static readonly string Second = TestCertificates.CreatePfx("dp-second");

    private readonly List<ConfiguredPortal> _started = [];

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Stops the instances, last started first: those sharing a database before its owner drops it.</summary>
    public async Task DisposeAsync()
    {
        foreach (var instance in Enumerable.Reverse(_started))
        {
            await instance.DisposeAsync();
        }
    }

    [Fact]
    public async Task Stored_keys_hold_no_plaintext_master_key_when_a_certificate_is_configured()
    {
        var portal = await StartAsync(TestCertificates.Settings(First));
        await portal.CreateUserAsync("dp-cert-keys@test.local", Roles.Caseworker);
        await portal.SignedInClientAsync("dp-cert-keys@test.local");

        var keys = await portal.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync());

        keys.Should().ContainSingle();
        keys[0].Xml.Should().StartWith("<key ")
            .And.Contain("<encryptedSecret", "the master key is stored encrypted with the certificate")
            .And.Contain("<EncryptedData")
            .And.NotContain("<masterKey", "no master key in clear")
            .And.NotContain("<value>");
    }

    [Fact]
    public async Task Cookie_of_one_instance_is_accepted_by_another_sharing_the_database_and_certificate()
    {
        var first = await StartAsync(TestCertificates.Settings(First));
        var user = await first.CreateUserAsync("dp-cert-shared@test.local", Roles.Lawyer);
        var cookie = await SignInCookieAsync(first, "dp-cert-shared@test.local");

        var second = await StartAsync(TestCertificates.Settings(First), first.ConnectionString);
        var home = await GetWithCookieAsync(second, "/", cookie);

        home.StatusCode.Should().Be(HttpStatusCode.OK, "the second instance decrypts the shared key with the same certificate");
        (await home.Content.ReadAsStringAsync()).Should().Contain(user.FullName);
    }

    [Fact]
    public async Task Key_of_a_previous_certificate_still_works_when_that_certificate_is_listed_in_Previous()
    {
        var before = await StartAsync(TestCertificates.Settings(First));
        var user = await before.CreateUserAsync("dp-cert-rotated@test.local", Roles.Lawyer);
        var cookie = await SignInCookieAsync(before, "dp-cert-rotated@test.local");

        var after = await StartAsync(TestCertificates.Settings(Second, previous: First), before.ConnectionString);
        var home = await GetWithCookieAsync(after, "/", cookie);

        home.StatusCode.Should().Be(HttpStatusCode.OK, "the key written under the first certificate decrypts with it, listed in Previous");
        (await home.Content.ReadAsStringAsync()).Should().Contain(user.FullName);
    }

    [Fact]
    public async Task Key_of_a_previous_certificate_is_unreadable_when_that_certificate_is_not_listed()
    {
        var before = await StartAsync(TestCertificates.Settings(First));
        await before.CreateUserAsync("dp-cert-forgotten@test.local", Roles.Lawyer);
        var cookie = await SignInCookieAsync(before, "dp-cert-forgotten@test.local");

        var after = await StartAsync(TestCertificates.Settings(Second), before.ConnectionString);
        var home = await GetWithCookieAsync(after, "/", cookie);

        home.StatusCode.Should().Be(HttpStatusCode.Redirect, "without the old certificate the old key cannot be decrypted, so its cookie means nothing");
    }

    private async Task<ConfiguredPortal> StartAsync(IDictionary<string, string?> settings, string? sharedConnectionString = null)
    {
        var instance = new ConfiguredPortal(settings, sharedConnectionString);
        _started.Add(instance);
        await instance.InitializeAsync();
        return instance;
    }
}
