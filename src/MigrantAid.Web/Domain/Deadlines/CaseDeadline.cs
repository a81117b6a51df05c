namespace MigrantAid.Web.Domain.Deadlines;

/// <summary>
/// A date on a case: computed from a rule and a trigger event (with the arithmetic kept), entered by hand,
/// or a task with an assignee. A computed date moves only with a reason; done and dismissed are recorded.
/// </summary>
public class CaseDeadline : ICaseDate
{
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 2000;

    private CaseDeadline()
    {
    }

    public CaseDeadline(Guid caseId, DeadlineKind kind, string title, DateOnly dueOn, Guid createdBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        CaseId = caseId;
        Kind = kind;
        Title = title;
        DueOn = dueOn;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>The case's office, copied by the database when the row is inserted (migration 0013): an office's desk reads one index.</summary>
    public Guid OfficeId { get; private set; }

    /// <summary>The case's lead lawyer, copied by the database (migration 0019) and kept in step when the case is reassigned: a person's desk reads one index.</summary>
    public Guid? CaseLeadLawyerId { get; private set; }

    /// <summary>The case's caseworker, copied by the database like <see cref="CaseLeadLawyerId"/>.</summary>
    public Guid? CaseCaseworkerId { get; private set; }

    public DeadlineKind Kind { get; private set; }

    public string Title { get; set; } = "";

    /// <summary>The title in Russian (a computed deadline takes its rule's Russian name); null: <see cref="Title"/> in both languages.</summary>
    public string? TitleRu { get; set; }

    /// <summary>The title in the given language.</summary>
    public static string TitleIn(string title, string? titleRu, bool russian) => russian && !string.IsNullOrEmpty(titleRu) ? titleRu : title;

    public DateOnly DueOn { get; set; }

    /// <summary>For computed deadlines: the date the rule produced, kept when a lawyer moves <see cref="DueOn"/>.</summary>
    public DateOnly? ComputedOn { get; set; }

    public int? RuleId { get; set; }

    public TriggerEvent? Trigger { get; set; }

    public DateOnly? TriggerDate { get; set; }

    /// <summary>What recorded the trigger: "decision", "submission", "hearing"...</summary>
    public string? SourceType { get; set; }

    public Guid? SourceId { get; set; }

    /// <summary>JSON: the steps of the computation (start, period, month end, skipped non-working days).</summary>
    public string? Arithmetic { get; set; }

    /// <summary>Who must act (tasks); null: the case's lawyers.</summary>
    public Guid? AssigneeId { get; set; }

    public DeadlineStatus Status { get; set; }

    public string? OverrideReason { get; set; }

    /// <summary>What was filed (done) or why it was dismissed.</summary>
    public string? ClosingNote { get; set; }

    public Guid? ClosedBy { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }
}
