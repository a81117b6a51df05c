using System.Security.Cryptography;

namespace MigrantAid.Web.Data.Encryption;

/// <summary>
/// The key-encryption key (KEK): 32 random bytes that wrap the data keys of <see cref="FieldCipher"/>, given in
/// configuration (<c>Encryption:Key</c>, base64) or, better, in a file only the portal's account may read
/// (<c>Encryption:KeyFile</c>). It is never written to the database: a dump without it reveals no narrative, note,
/// contact or document (docs/adr/0021-field-encryption.md).
/// </summary>
public sealed class KeyEncryptionKey
{
    public const string Section = "Encryption";
    public const int Length = 32;

    private KeyEncryptionKey(byte[] key, string source)
    {
        Key = key;
        Source = source;
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(key))[..16];
    }

    /// <summary>The key's bytes.</summary>
    public byte[] Key { get; }

    /// <summary>Where it came from (a setting's name or a file's path), for messages; never the key.</summary>
    public string Source { get; }

    /// <summary>The first 8 bytes of its SHA-256, in hex: names the key in the database and on the privacy page.</summary>
    public string Fingerprint { get; }

    /// <summary>32 new random bytes, in the form a key file holds (base64 and a line break).</summary>
    public static string NewKeyFileText() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(Length)) + "\n";

    /// <summary>Writes a new key to <paramref name="path"/> (its folder made if needed), readable and writable by its owner only.</summary>
    public static KeyEncryptionKey WriteNewFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, NewKeyFileText());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return FromFile(path);
    }

    /// <summary>The key in <paramref name="text"/> (base64 of 32 bytes), or an exception that says what is wrong.</summary>
    public static KeyEncryptionKey Parse(string text, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new FieldKeyException($"The key-encryption key in {source} is not base64. Make one with the 'new-encryption-key' command.");
        }

        return key.Length == Length
            ? new KeyEncryptionKey(key, source)
            : throw new FieldKeyException($"The key-encryption key in {source} is {key.Length} bytes long; it must be {Length} bytes (base64 of 32 random bytes).");
    }

    /// <summary>The key in the file at <paramref name="path"/>.</summary>
    public static KeyEncryptionKey FromFile(string path) =>
        File.Exists(path)
            ? Parse(File.ReadAllText(path), path)
            : throw new FieldKeyException($"The key-encryption key file {path} does not exist (Encryption:KeyFile). See docs/deployment.md, \"Field encryption key\".");

    /// <summary>
    /// The configured key: <c>Encryption:KeyFile</c>, else <c>Encryption:Key</c>, else null. A development portal
    /// without either makes its own key file (<paramref name="developmentKeyFile"/>) and keeps using it.
    /// </summary>
    public static KeyEncryptionKey? FromConfiguration(IConfiguration configuration, string? developmentKeyFile)
    {
        if (configuration[$"{Section}:KeyFile"] is { Length: > 0 } path)
        {
            return FromFile(path);
        }

        if (configuration[$"{Section}:Key"] is { Length: > 0 } text)
        {
            return Parse(text, $"{Section}:Key");
        }

        if (developmentKeyFile is null)
        {
            return null;
        }

        return File.Exists(developmentKeyFile) ? FromFile(developmentKeyFile) : WriteNewFile(developmentKeyFile);
    }
}

/// <summary>A key is missing, malformed or not the one the data was encrypted with: the message says which and what to do.</summary>
public sealed class FieldKeyException(string message) : Exception(message);
