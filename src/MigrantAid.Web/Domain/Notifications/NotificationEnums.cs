namespace MigrantAid.Web.Domain.Notifications;

/// <summary>Why a user is reminded of a date.</summary>
public enum NotificationKind
{
    DeadlineOverdue = 0,
    DeadlineDueToday = 1,
    DeadlineDueSoon = 2,
    HearingSoon = 3,
}

/// <summary>Where a user's daily digest stands.</summary>
public enum DigestStatus
{
    /// <summary>An e-mail is waiting to be sent (first attempt, or a retry after a failure).</summary>
    Pending = 0,

    Sent = 1,

    /// <summary>Every attempt failed; an administrator can send it again.</summary>
    Failed = 2,

    /// <summary>Notifications were made, but no e-mail was due: nothing to report, SMTP off, or no address.</summary>
    NoEmail = 3,
}
