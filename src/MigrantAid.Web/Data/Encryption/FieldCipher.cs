using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace MigrantAid.Web.Data.Encryption;

/// <summary>
/// Encrypts the most sensitive fields before they reach PostgreSQL and decrypts them when read (EF value
/// converters, <see cref="EncryptedFields"/>): AES-GCM with one 256-bit data key per purpose. The data keys are
/// stored wrapped by the key-encryption key (<see cref="KeyEncryptionKey"/>), which stays outside the database;
/// they are read (and made, the first time) once per process, on first use. A stored value is
/// <c>"MA" 0x01 · data key id (16) · nonce (12) · ciphertext · tag (16)</c>, with the purpose as associated data, so
/// a value copied into a column of another purpose does not decrypt. A value without the marker is one written
/// before encryption began (migration 0029) and is returned as it is until <c>encrypt-existing</c> rewrites it.
/// </summary>
public sealed class FieldCipher
{
    private const int KeyIdLength = 16;
    private const int NonceLength = 12;
    private const int TagLength = 16;

    /// <summary>The first bytes of every value this cipher wrote.</summary>
    public static readonly byte[] Marker = [(byte)'M', (byte)'A', 1];

    private readonly Func<KeyEncryptionKey?> _kek;
    private readonly Func<string> _connectionString;
    private readonly Lazy<KeyRing> _ring;

    public FieldCipher(Func<KeyEncryptionKey?> kek, Func<string> connectionString)
    {
        _kek = kek;
        _connectionString = connectionString;
        _ring = new Lazy<KeyRing>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>A cipher for building the model without a database (schema scripts, the drift test): it refuses to encrypt.</summary>
    public static FieldCipher Unconfigured { get; } = new(() => null, () => throw new FieldKeyException("No database for field encryption."));

    /// <summary>The data keys, read (and made when missing) now rather than at the first encrypted value; returns the key-encryption key's fingerprint.</summary>
    public string EnsureLoaded() => _ring.Value.KekFingerprint;

    /// <summary>Whether <paramref name="stored"/> was written by this cipher (as opposed to before encryption began).</summary>
    public static bool IsEncrypted(ReadOnlySpan<byte> stored) => stored.StartsWith(Marker);

    public byte[] Encrypt(string purpose, ReadOnlySpan<byte> plain)
    {
        var (id, key) = _ring.Value.Current(purpose);
        var stored = new byte[Marker.Length + KeyIdLength + NonceLength + plain.Length + TagLength];
        var span = stored.AsSpan();
        Marker.CopyTo(span);
        id.TryWriteBytes(span.Slice(Marker.Length, KeyIdLength));
        var nonce = span.Slice(Marker.Length + KeyIdLength, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagLength);
        aes.Encrypt(nonce, plain, span.Slice(Marker.Length + KeyIdLength + NonceLength, plain.Length), span[^TagLength..], Encoding.UTF8.GetBytes(purpose));
        return stored;
    }

    public byte[] Decrypt(string purpose, byte[] stored)
    {
        if (!IsEncrypted(stored))
        {
            return stored;
        }

        var span = stored.AsSpan();
        var id = new Guid(span.Slice(Marker.Length, KeyIdLength));
        var key = _ring.Value.ById(id, purpose);
        var header = Marker.Length + KeyIdLength + NonceLength;
        var plain = new byte[stored.Length - header - TagLength];
        using var aes = new AesGcm(key, TagLength);
        try
        {
            aes.Decrypt(span.Slice(Marker.Length + KeyIdLength, NonceLength), span[header..^TagLength], span[^TagLength..], plain, Encoding.UTF8.GetBytes(purpose));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new FieldKeyException($"A stored value of purpose {purpose} does not decrypt: it was changed in the database, or copied from another column.");
        }

        return plain;
    }

    public byte[] EncryptText(string purpose, string plain) => Encrypt(purpose, Encoding.UTF8.GetBytes(plain));

    public string DecryptText(string purpose, byte[] stored) => Encoding.UTF8.GetString(Decrypt(purpose, stored));

    /// <summary>AES-GCM of a data key under the key-encryption key; the key's id and purpose are the associated data.</summary>
    public static byte[] Wrap(byte[] kek, Guid id, string purpose, byte[] dataKey)
    {
        var wrapped = new byte[NonceLength + dataKey.Length + TagLength];
        var nonce = wrapped.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(kek, TagLength);
        aes.Encrypt(nonce, dataKey, wrapped.AsSpan(NonceLength, dataKey.Length), wrapped.AsSpan(wrapped.Length - TagLength), WrapContext(id, purpose));
        return wrapped;
    }

    public static byte[] Unwrap(KeyEncryptionKey kek, Guid id, string purpose, byte[] wrapped)
    {
        var dataKey = new byte[wrapped.Length - NonceLength - TagLength];
        using var aes = new AesGcm(kek.Key, TagLength);
        try
        {
            aes.Decrypt(wrapped.AsSpan(0, NonceLength), wrapped.AsSpan(NonceLength, dataKey.Length), wrapped.AsSpan(wrapped.Length - TagLength), dataKey, WrapContext(id, purpose));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new FieldKeyException($"The data key for {purpose} does not unwrap with the key-encryption key from {kek.Source}: the row was changed.");
        }

        return dataKey;
    }

    private static byte[] WrapContext(Guid id, string purpose) => Encoding.UTF8.GetBytes($"migrantaid-data-key:{purpose}:{id:N}");

    private KeyRing Load()
    {
        var kek = _kek() ?? throw new FieldKeyException(
            "No key-encryption key is configured (Encryption:KeyFile or Encryption:Key), so the portal cannot read or write " +
            "intake accounts, case notes, contacts or documents. Make one with the 'new-encryption-key' command and see " +
            "docs/deployment.md, \"Field encryption key\".");
        using var connection = new NpgsqlConnection(_connectionString());
        connection.Open();
        var rows = Read(connection);
        var missing = FieldPurposes.All.Where(p => rows.All(r => r.Purpose != p)).ToList();
        if (missing.Count > 0)
        {
            foreach (var purpose in missing)
            {
                var id = Guid.CreateVersion7();
                using var insert = new NpgsqlCommand(
                    "INSERT INTO data_keys (id, purpose, wrapped, kek_fingerprint, created_at) VALUES ($1, $2, $3, $4, now()) ON CONFLICT (purpose) DO NOTHING",
                    connection);
                insert.Parameters.Add(new NpgsqlParameter { Value = id });
                insert.Parameters.Add(new NpgsqlParameter { Value = purpose });
                insert.Parameters.Add(new NpgsqlParameter { Value = Wrap(kek.Key, id, purpose, RandomNumberGenerator.GetBytes(32)) });
                insert.Parameters.Add(new NpgsqlParameter { Value = kek.Fingerprint });
                insert.ExecuteNonQuery();
            }

            rows = Read(connection);
        }

        if (rows.FirstOrDefault(r => r.KekFingerprint != kek.Fingerprint) is { } other)
        {
            throw new FieldKeyException(
                $"The data keys in this database were wrapped with key-encryption key {other.KekFingerprint}, but the key from " +
                $"{kek.Source} is {kek.Fingerprint}. Configure the key this database was encrypted with (after 'rotate-encryption-key', " +
                "the new one). Without it the encrypted fields cannot be read: see docs/deployment.md, \"If the key is lost\".");
        }

        var keys = rows.ToDictionary(r => r.Id, r => (r.Purpose, Key: Unwrap(kek, r.Id, r.Purpose, r.Wrapped)));
        return new KeyRing(keys, kek.Fingerprint);
    }

    private static List<StoredKey> Read(NpgsqlConnection connection)
    {
        using var select = new NpgsqlCommand("SELECT id, purpose, wrapped, kek_fingerprint FROM data_keys ORDER BY purpose", connection);
        using var reader = select.ExecuteReader();
        var rows = new List<StoredKey>();
        while (reader.Read())
        {
            rows.Add(new StoredKey(reader.GetGuid(0), reader.GetString(1), (byte[])reader[2], reader.GetString(3)));
        }

        return rows;
    }

    private sealed record StoredKey(Guid Id, string Purpose, byte[] Wrapped, string KekFingerprint);

    private sealed class KeyRing(Dictionary<Guid, (string Purpose, byte[] Key)> keys, string kekFingerprint)
    {
        public string KekFingerprint { get; } = kekFingerprint;

        private readonly Dictionary<string, (Guid Id, byte[] Key)> _current = keys.ToDictionary(k => k.Value.Purpose, k => (k.Key, k.Value.Key));

        public (Guid Id, byte[] Key) Current(string purpose) =>
            _current.TryGetValue(purpose, out var current) ? current : throw new FieldKeyException($"No data key for {purpose}.");

        public byte[] ById(Guid id, string purpose) =>
            keys.TryGetValue(id, out var key) && key.Purpose == purpose
                ? key.Key
                : throw new FieldKeyException($"A stored value of purpose {purpose} names a data key this database does not hold.");
    }
}
