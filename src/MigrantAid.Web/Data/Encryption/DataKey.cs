namespace MigrantAid.Web.Data.Encryption;

/// <summary>
/// A data key of <see cref="FieldCipher"/> as stored: its 32 bytes encrypted (wrapped) with the key-encryption key,
/// which is not in the database, and that key's fingerprint. One row per purpose (<see cref="FieldPurposes"/>).
/// </summary>
public class DataKey
{
    public DataKey(Guid id, string purpose, byte[] wrapped, string kekFingerprint, DateTimeOffset createdAt)
    {
        Id = id;
        Purpose = purpose;
        Wrapped = wrapped;
        KekFingerprint = kekFingerprint;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string Purpose { get; private set; }

    /// <summary>Nonce (12 bytes), the key encrypted with AES-GCM (32) and the tag (16).</summary>
    public byte[] Wrapped { get; private set; }

    public string KekFingerprint { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the key-encryption key last changed (<c>rotate-encryption-key</c>), if ever.</summary>
    public DateTimeOffset? RewrappedAt { get; private set; }
}
