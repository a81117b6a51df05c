namespace MigrantAid.Web.Features.Desk.Notifications;

/// <summary>Audit actions of notifications and digest deliveries; <see cref="All"/> lists every one.</summary>
public static class NotificationAuditActions
{
    public const string NotificationRead = "notification.read";
    public const string NotificationsAllRead = "notification.all-read";
    public const string DigestRetried = "digest.retried";

    public static readonly IReadOnlyList<string> All = [NotificationRead, NotificationsAllRead, DigestRetried];
}
