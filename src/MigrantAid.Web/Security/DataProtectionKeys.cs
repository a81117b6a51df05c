using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using MigrantAid.Web.Data;

namespace MigrantAid.Web.Security;

/// <summary>
/// The Data Protection key ring (it protects sign-in cookies, antiforgery tokens, password links and
/// two-factor data) in PostgreSQL, shared by every instance, and encrypted at rest with a certificate
/// kept outside the database (ADR 0004).
/// </summary>
public static partial class DataProtectionKeys
{
    public const string AllowUnencryptedSetting = "DataProtection:AllowUnencryptedKeys";

    public static void AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var certificates = new KeyCertificates(configuration);
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("MigrantAid")
            .PersistKeysToDbContext<AppDbContext>();

        if (certificates.Previous.Count > 0)
        {
            // Keys written before a certificate change still decrypt, while new keys use the current one.
            dataProtection.UnprotectKeysWithAnyCertificate([.. certificates.Previous]);
        }

        if (certificates.Current is { } current)
        {
            dataProtection.ProtectKeysWithCertificate(current);
            return;
        }

        // Checked when Data Protection starts (at the latest when the host starts), not here: commands such
        // as 'migrate' never use the keys and may run without the certificate.
        var allowed = configuration.GetValue(AllowUnencryptedSetting, false);
        var refused = !allowed && !environment.IsDevelopment() && !environment.IsEnvironment("Testing");
        services.AddOptions<KeyManagementOptions>()
            .Configure<ILoggerFactory>((_, loggers) =>
            {
                if (refused)
                {
                    throw new InvalidOperationException(
                        $"No {KeyCertificates.Section}:Path is set, so the Data Protection keys would be stored unencrypted in the database, " +
                        "where anyone holding a copy of it could forge sign-in cookies. Configure a certificate (docs/deployment.md, " +
                        $"\"Data Protection certificate\"), or set {AllowUnencryptedSetting}=true to accept unencrypted keys.");
                }

                LogUnencrypted(loggers.CreateLogger(typeof(DataProtectionKeys).FullName!), environment.EnvironmentName, allowed);
            })
            .ValidateOnStart();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Data Protection keys are stored unencrypted: no DataProtection:Certificate:Path is set " +
        "(environment {Environment}, DataProtection:AllowUnencryptedKeys {AllowUnencryptedKeys})")]
    private static partial void LogUnencrypted(ILogger logger, string environment, bool allowUnencryptedKeys);
}
