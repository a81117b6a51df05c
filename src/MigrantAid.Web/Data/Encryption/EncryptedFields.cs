using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Data.Encryption;

/// <summary>
/// The encrypted columns (bytea): reading and writing them stays plain for handlers, through value converters bound
/// to the context's <see cref="FieldCipher"/>. Nothing searches, sorts or filters these columns, which is what makes
/// them safe to encrypt (ADR 0021).
/// </summary>
public static class EncryptedFields
{
    public static void Apply(ModelBuilder builder, FieldCipher cipher)
    {
        builder.Entity<Intake>(intake =>
        {
            intake.Property(i => i.Account).HasConversion(Text(cipher, FieldPurposes.IntakeNarrative)).HasColumnType("bytea");
            intake.Property(i => i.ClientWishes).HasConversion(Text(cipher, FieldPurposes.IntakeNarrative)).HasColumnType("bytea");
        });
        builder.Entity<CaseEvent>().Property(e => e.Text).HasConversion(Text(cipher, FieldPurposes.CaseNotes)).HasColumnType("bytea");
        builder.Entity<ClientContact>(contact =>
        {
            contact.Property(c => c.Value).HasConversion(Text(cipher, FieldPurposes.ClientContacts)).HasColumnType("bytea");
            contact.Property(c => c.Note).HasConversion(Text(cipher, FieldPurposes.ClientContacts)).HasColumnType("bytea");
        });
        builder.Entity<CaseDocumentContent>().Property(d => d.Content)
            .HasConversion(new ValueConverter<byte[], byte[]>(v => cipher.Encrypt(FieldPurposes.Documents, v), v => cipher.Decrypt(FieldPurposes.Documents, v)));
    }

    /// <summary>A text column stored encrypted (EF passes no null to a converter: a null stays NULL).</summary>
    private static ValueConverter Text(FieldCipher cipher, string purpose) =>
        new ValueConverter<string, byte[]>(v => cipher.EncryptText(purpose, v), v => cipher.DecryptText(purpose, v));
}

/// <summary>
/// One EF model per <see cref="FieldCipher"/>: the converters hold the cipher, and a test run starts many portals,
/// each with its own database and keys, in one process. A deployed portal has one cipher, so one model.
/// </summary>
public sealed class CipherModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), (context as AppDbContext)?.Cipher, designTime);
}
