namespace MigrantAid.Web.Domain.Notifications;

/// <summary>
/// An in-app reminder of one date on a case: a deadline (overdue, today, soon) or a hearing. It carries the
/// case's reference and a title (the deadline's, or the court's for a hearing), never a client's name.
/// </summary>
public class Notification
{
    public const int ReferenceMaxLength = 40;
    public const int TitleMaxLength = 300;

    private Notification()
    {
    }

    private Notification(Guid userId, NotificationKind kind, DateOnly day, Guid caseId, string reference, string title, DateTimeOffset now)
    {
        UserId = userId;
        Kind = kind;
        Day = day;
        CaseId = caseId;
        Reference = Cut(reference, ReferenceMaxLength);
        Title = Cut(title, TitleMaxLength);
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public Guid UserId { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>The user's day (in their office's time zone) this reminder was made for.</summary>
    public DateOnly Day { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid? DeadlineId { get; private set; }

    public Guid? HearingId { get; private set; }

    /// <summary>The case reference, e.g. SPB-2026-0042.</summary>
    public string Reference { get; private set; } = "";

    public string Title { get; private set; } = "";

    public DateOnly? DueOn { get; private set; }

    public DateTimeOffset? StartsAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public bool IsRead => ReadAt is not null;

    /// <summary>The kind of reminder a deadline due on <paramref name="dueOn"/> gets on <paramref name="today"/>.</summary>
    public static NotificationKind KindOfDeadline(DateOnly dueOn, DateOnly today) =>
        dueOn < today ? NotificationKind.DeadlineOverdue
        : dueOn == today ? NotificationKind.DeadlineDueToday
        : NotificationKind.DeadlineDueSoon;

    public static Notification ForDeadline(Guid userId, DateOnly today, Guid caseId, string reference, Guid deadlineId, string title, DateOnly dueOn, DateTimeOffset now) =>
        new(userId, KindOfDeadline(dueOn, today), today, caseId, reference, title, now)
        {
            DeadlineId = deadlineId,
            DueOn = dueOn,
        };

    public static Notification ForHearing(Guid userId, DateOnly today, Guid caseId, string reference, Guid hearingId, string court, DateTimeOffset startsAt, DateTimeOffset now) =>
        new(userId, NotificationKind.HearingSoon, today, caseId, reference, court, now)
        {
            HearingId = hearingId,
            StartsAt = startsAt,
        };

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    private static string Cut(string value, int max)
    {
        var text = value.Trim();
        return text.Length <= max ? text : text[..max];
    }
}
