namespace MigrantAid.Web.Security.Audit;

/// <summary>Audit actions of deadline rules, country calendars and the deadlines on cases.</summary>
public static class DeadlineAuditActions
{
    public const string RuleCreated = "deadline-rule.created";
    public const string RuleUpdated = "deadline-rule.updated";
    public const string RuleConfirmed = "deadline-rule.confirmed";
    public const string CalendarDayAdded = "calendar-day.added";
    public const string CalendarDayRemoved = "calendar-day.removed";
    public const string CalendarDaysConfirmed = "calendar-day.confirmed";
    public const string DeadlineAdded = "deadline.added";
    public const string TaskAdded = "deadline.task-added";
    public const string EventRecorded = "deadline.event-recorded";
    public const string DeadlineMoved = "deadline.moved";
    public const string DeadlineDone = "deadline.done";
    public const string DeadlineDismissed = "deadline.dismissed";

    public static readonly IReadOnlyList<string> All =
    [
        RuleCreated, RuleUpdated, RuleConfirmed,
        CalendarDayAdded, CalendarDayRemoved, CalendarDaysConfirmed,
        DeadlineAdded, TaskAdded, EventRecorded, DeadlineMoved, DeadlineDone, DeadlineDismissed,
    ];
}
