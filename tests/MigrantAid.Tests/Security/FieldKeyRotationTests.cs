using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data.Encryption;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Infrastructure;

namespace MigrantAid.Tests.Security;

/// <summary>
/// Issue 15: the key-encryption key can be replaced without rewriting the data (the data keys are re-wrapped), and
/// a new key file is made readable by its owner only and never overwritten. A database of its own: the rotation
/// changes its keys for good.
/// </summary>
public class FieldKeyRotationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task After_rotation_the_new_key_reads_everything_and_the_old_one_is_refused()
    {
        var office = await portal.Office().SaveAsync();
        var built = await portal.Case(office).WithClient("Ротов Бахром", null).OnBuildingSite()
            .WithClientDetails(c => c.AddContact(ContactChannel.Phone, "+7 900 ROTATED", true, null)).SaveAsync();
        var current = KeyEncryptionKey.Parse(TestKeys.KeyEncryptionKey, "the test key");
        var next = KeyEncryptionKey.Parse(KeyEncryptionKey.NewKeyFileText(), "the new key");

        var rewrapped = await EncryptionCommands.RewrapAsync(portal.OwnerConnectionString, current, next);

        rewrapped.Should().Be(FieldPurposes.All.Count);
        var stored = await portal.WithDbAsync(db => db.Database.SqlQuery<byte[]>($"SELECT value AS \"Value\" FROM client_contacts WHERE client_id = {built.ClientId}").SingleAsync());
        new FieldCipher(() => next, () => portal.ConnectionString).DecryptText(FieldPurposes.ClientContacts, stored).Should().Be("+7 900 ROTATED");
        var old = () => new FieldCipher(() => current, () => portal.ConnectionString).EnsureLoaded();
        old.Should().Throw<FieldKeyException>().WithMessage("*after 'rotate-encryption-key', the new one*");
        (await EncryptionCommands.RewrapAsync(portal.OwnerConnectionString, current, next)).Should().Be(0, "a second run finds every key already under the new one");
    }

    [Fact]
    public async Task A_new_key_file_is_the_owner_s_alone_and_never_overwritten()
    {
        var path = Path.Combine(Path.GetTempPath(), $"migrantaid-kek-{Guid.NewGuid():N}.key");
        try
        {
            (await EncryptionCommands.RunAsync(portal.Services, ["new-encryption-key", "--out", path])).Should().Be(0);
            var key = KeyEncryptionKey.FromFile(path);
            key.Key.Should().HaveCount(KeyEncryptionKey.Length);
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            (await EncryptionCommands.RunAsync(portal.Services, ["new-encryption-key", "--out", path])).Should().Be(1);
            KeyEncryptionKey.FromFile(path).Fingerprint.Should().Be(key.Fingerprint, "the key protecting the data is kept");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
