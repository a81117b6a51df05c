using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MigrantAid.Tests.Support;

/// <summary>Self-signed RSA certificates made in the test, as PKCS#12 files in a temporary folder.</summary>
public static class TestCertificates
{
    public const string Password = "Cert-Passw0rd!";

    /// <summary>A new certificate with its private key; returns the path of its .pfx file.</summary>
    public static string CreatePfx(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var folder = Directory.CreateTempSubdirectory("migrantaid-cert-");
        var path = Path.Combine(folder.FullName, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    /// <summary>The settings that make a portal encrypt its keys with the certificate at <paramref name="path"/>.</summary>
    public static Dictionary<string, string?> Settings(string path, params string[] previous)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DataProtection:Certificate:Path"] = path,
            ["DataProtection:Certificate:Password"] = Password,
        };
        for (var i = 0; i < previous.Length; i++)
        {
            settings[$"DataProtection:Certificate:Previous:{i}:Path"] = previous[i];
            settings[$"DataProtection:Certificate:Previous:{i}:Password"] = Password;
        }

        return settings;
    }
}
