namespace MigrantAid.Web.Domain;

/// <summary>
/// One line of the append-only audit trail: who did what to which record, when and from where.
/// A database trigger rejects UPDATE and DELETE on the table.
/// </summary>
public class AuditEvent
{
    public long Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public Guid? ActorId { get; set; }

    /// <summary>The acting user's e-mail, or the e-mail typed at a failed sign-in.</summary>
    public string? ActorEmail { get; set; }

    public string Action { get; set; } = "";

    public string? EntityType { get; set; }

    public string? EntityId { get; set; }

    public string? IpAddress { get; set; }

    public string? CorrelationId { get; set; }

    /// <summary>JSON with what changed (field, old, new); never narratives of clients.</summary>
    public string? Details { get; set; }
}

/// <summary>The actions written to the audit trail. New features add theirs here.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "auth.sign-in";
    public const string SignInFailed = "auth.sign-in-failed";
    public const string SignedOut = "auth.sign-out";
    public const string LockedOut = "auth.locked-out";
    public const string PasswordChanged = "auth.password-changed";
    public const string PasswordReset = "auth.password-reset";
    public const string TwoFactorEnabled = "auth.2fa-enabled";
    public const string TwoFactorDisabled = "auth.2fa-disabled";
    public const string RecoveryCodesRegenerated = "auth.recovery-codes-regenerated";
    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
    public const string UserRolesChanged = "user.roles-changed";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string PasswordResetLinkIssued = "user.reset-link-issued";
    public const string OfficeCreated = "office.created";
    public const string OfficeUpdated = "office.updated";
    public const string AuditViewed = "audit.viewed";
    public const string AuditExported = "audit.exported";

    private static readonly IReadOnlyList<string> Foundation =
    [
        SignInSucceeded, SignInFailed, SignedOut, LockedOut, PasswordChanged, PasswordReset, TwoFactorEnabled,
        TwoFactorDisabled, RecoveryCodesRegenerated, UserCreated, UserUpdated, UserRolesChanged, UserDisabled, UserEnabled,
        PasswordResetLinkIssued, OfficeCreated, OfficeUpdated, AuditViewed, AuditExported,
    ];

    /// <summary>
    /// Every action: these, plus the "All" list of each feature's own <c>*AuditActions</c> class, so a
    /// feature declares its actions next to its code and still appears in the audit log's filter.
    /// </summary>
    public static readonly IReadOnlyList<string> All = Foundation
        .Concat(typeof(AuditActions).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t != typeof(AuditActions) && t.Name.EndsWith("AuditActions", StringComparison.Ordinal))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .SelectMany(t => t.GetField("All")?.GetValue(null) as IEnumerable<string> ?? []))
        .Distinct(StringComparer.Ordinal)
        .ToList();
}
