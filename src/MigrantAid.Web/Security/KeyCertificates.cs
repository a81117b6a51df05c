using System.Security.Cryptography.X509Certificates;

namespace MigrantAid.Web.Security;

/// <summary>
/// The certificates that encrypt the Data Protection key ring at rest, from configuration:
/// DataProtection:Certificate (the current one, which encrypts new keys and decrypts) and
/// DataProtection:Certificate:Previous:N (older ones, which only decrypt keys written before a change).
/// Each is a PKCS#12 file (Path + Password) or a PEM pair (Path + KeyPath, with an optional Password for
/// an encrypted key). Loaded once, when Data Protection first needs them.
/// </summary>
public sealed class KeyCertificates
{
    public const string Section = "DataProtection:Certificate";

    public KeyCertificates(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        Current = string.IsNullOrWhiteSpace(section["Path"]) ? null : Load(section, Section);
        Previous = section.GetSection("Previous").GetChildren()
            .Select(child => Load(child, $"{Section}:Previous:{child.Key}"))
            .ToList();
    }

    /// <summary>The certificate new keys are encrypted with; null when none is configured.</summary>
    public X509Certificate2? Current { get; }

    public IReadOnlyList<X509Certificate2> Previous { get; }

    /// <summary>Every certificate that may decrypt a stored key: the current one first.</summary>
    public IEnumerable<X509Certificate2> ForDecryption => Current is null ? Previous : [Current, .. Previous];

    private static X509Certificate2 Load(IConfigurationSection section, string name)
    {
        var path = section["Path"];
        var keyPath = section["KeyPath"];
        var password = section["Password"];
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new InvalidOperationException($"{name}:Path names no readable certificate file ('{path}').");
        }

        if (!string.IsNullOrWhiteSpace(keyPath) && !File.Exists(keyPath))
        {
            throw new InvalidOperationException($"{name}:KeyPath names no readable key file ('{keyPath}').");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = string.IsNullOrWhiteSpace(keyPath)
                ? X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet)
                : string.IsNullOrEmpty(password)
                    ? X509Certificate2.CreateFromPemFile(path, keyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            // The message names the setting, never the password.
            throw new InvalidOperationException($"{name}: the certificate could not be read (wrong password or not a certificate with its key).", e);
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            throw new InvalidOperationException($"{name}: the certificate needs its RSA private key, to decrypt the keys it encrypts.");
        }

        return certificate;
    }
}
