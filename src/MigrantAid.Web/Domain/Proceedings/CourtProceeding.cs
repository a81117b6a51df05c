namespace MigrantAid.Web.Domain.Proceedings;

/// <summary>
/// A proceeding before a national court on a case. An appeal or cassation points at the proceeding
/// it challenges, so the chain of instances reads in order.
/// </summary>
public class CourtProceeding
{
    public const int CourtMaxLength = 300;
    public const int SubjectMaxLength = 1000;

    private CourtProceeding()
    {
    }

    public CourtProceeding(Guid caseId, string jurisdiction, string court, CourtInstance instance, ProceedingType type, string subject, ProceedingClientRole clientRole, DateOnly openedOn, Guid createdBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        CaseId = caseId;
        Jurisdiction = jurisdiction;
        Court = court;
        Instance = instance;
        Type = type;
        Subject = subject;
        ClientRole = clientRole;
        OpenedOn = openedOn;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>ISO country code of the court (Countries.Codes).</summary>
    public string Jurisdiction { get; set; } = "";

    public string Court { get; set; } = "";

    public CourtInstance Instance { get; set; }

    public ProceedingType Type { get; set; }

    public string? CourtCaseNumber { get; set; }

    public string? Judge { get; set; }

    public string Subject { get; set; } = "";

    public ProceedingClientRole ClientRole { get; set; }

    public DateOnly OpenedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>The proceeding this one challenges (appeal, cassation, ...), on the same case.</summary>
    public Guid? ChallengesId { get; set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }
}

/// <summary>A record of one proceeding of one case (a hearing, a decision).</summary>
public interface IProceedingRecord
{
    Guid Id { get; }

    Guid ProceedingId { get; }

    Guid CaseId { get; }
}

/// <summary>A hearing: an instant (UTC), shown in the case office's time zone.</summary>
public class Hearing : ICaseDate, IProceedingRecord
{
    public const int TextMaxLength = 2000;

    private Hearing()
    {
    }

    public Hearing(Guid proceedingId, Guid caseId, DateTimeOffset startsAt, string? place, Guid createdBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ProceedingId = proceedingId;
        CaseId = caseId;
        StartsAt = startsAt;
        Place = place;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ProceedingId { get; private set; }

    /// <summary>Copied from the proceeding so desks and calendars query hearings by case without a join.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>The case's office, copied by the database when the row is inserted (migration 0013): an office's calendar reads one index.</summary>
    public Guid OfficeId { get; private set; }

    /// <summary>The case's lead lawyer, copied by the database (migration 0019) and kept in step when the case is reassigned: a person's desk reads one index.</summary>
    public Guid? CaseLeadLawyerId { get; private set; }

    /// <summary>The case's caseworker, copied by the database like <see cref="CaseLeadLawyerId"/>.</summary>
    public Guid? CaseCaseworkerId { get; private set; }

    public DateTimeOffset StartsAt { get; set; }

    public string? Place { get; set; }

    public string? Result { get; set; }

    /// <summary>True once the hearing has been held (or cancelled) and its result recorded.</summary>
    public bool IsHeld { get; set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }
}

/// <summary>A court decision. The received date and the final-form date are the trigger events of deadlines.</summary>
public class CourtDecision : IProceedingRecord
{
    public const int SummaryMaxLength = 4000;

    private CourtDecision()
    {
    }

    public CourtDecision(Guid proceedingId, Guid caseId, DateOnly decidedOn, DecisionOutcome outcome, Guid createdBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ProceedingId = proceedingId;
        CaseId = caseId;
        DecidedOn = decidedOn;
        Outcome = outcome;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ProceedingId { get; private set; }

    public Guid CaseId { get; private set; }

    public DateOnly DecidedOn { get; set; }

    /// <summary>The day the decision was made in its final (reasoned) form.</summary>
    public DateOnly? FinalFormOn { get; set; }

    /// <summary>The day our side received the copy of the decision.</summary>
    public DateOnly? ReceivedOn { get; set; }

    public DecisionOutcome Outcome { get; set; }

    public string? Summary { get; set; }

    /// <summary>The decision document, one of the case's documents.</summary>
    public Guid? DocumentId { get; set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }
}
