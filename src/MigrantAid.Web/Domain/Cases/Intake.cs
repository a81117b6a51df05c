namespace MigrantAid.Web.Domain.Cases;

/// <summary>
/// A first interview: who came, what happened, consent, and how urgent it is. Saved at every step
/// as a draft; submitted for a decision; accepted as a case or rejected with a reason.
/// </summary>
public class Intake
{
    public const int AccountMaxLength = 20_000;
    public static readonly TimeSpan UrgentResponseTarget = TimeSpan.FromHours(24);
    public static readonly TimeSpan NormalResponseTarget = TimeSpan.FromDays(5);

    /// <summary>Urgent (as <see cref="IsUrgent"/>) and still waiting for a decision, as a query the database runs.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Intake, bool>> UrgentAndWaiting =
        i => i.Status == IntakeStatus.Submitted && (i.InDetention || i.ImminentExpulsion || i.SeparatedChild);

    private readonly List<Respondent> _respondents = [];

    private Intake()
    {
    }

    public Intake(Guid officeId, Guid createdBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        OfficeId = officeId;
        CreatedBy = createdBy;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid OfficeId { get; private set; }

    public Guid? ClientId { get; set; }

    public IntakeStatus Status { get; private set; }

    public IntakeStep Step { get; set; }

    public List<int> CategoryIds { get; set; } = [];

    public string? IncidentCountry { get; set; }

    public string? IncidentCity { get; set; }

    public DateOnly? IncidentFrom { get; set; }

    public DateOnly? IncidentTo { get; set; }

    /// <summary>What happened, in the client's words. Never exported, never logged.</summary>
    public string? Account { get; set; }

    /// <summary>What the client wants to achieve.</summary>
    public string? ClientWishes { get; set; }

    public bool InDetention { get; set; }

    public bool ImminentExpulsion { get; set; }

    public bool SeparatedChild { get; set; }

    /// <summary>The client has no identity documents (not urgent by itself); set on the client when the case opens.</summary>
    public bool NoDocuments { get; set; }

    public bool IsUrgent => InDetention || ImminentExpulsion || SeparatedChild;

    /// <summary>By when someone must be assigned; shown until the intake is decided.</summary>
    public DateTimeOffset? ResponseDueAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public RejectionReason? RejectionReason { get; private set; }

    public string? RejectionNote { get; private set; }

    public uint Version { get; private set; }

    /// <summary>When the intake's texts were anonymised (issue 15).</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    public IReadOnlyList<Respondent> Respondents => _respondents;

    public Respondent AddRespondent(string name, RespondentType type, Sector? sector)
    {
        var respondent = new Respondent(Id, name.Trim(), type, type == RespondentType.Employer ? sector : null);
        _respondents.Add(respondent);
        return respondent;
    }

    public void RemoveRespondent(Respondent respondent) => _respondents.Remove(respondent);

    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    /// <summary>Triage done: the intake waits for a decision, with a response target from its urgency.</summary>
    public void Submit(DateTimeOffset now)
    {
        EnsureStatus(IntakeStatus.Draft, IntakeStatus.Submitted);
        if (ClientId is null)
        {
            throw new DomainException("An intake needs a client before it is submitted.");
        }

        if (CategoryIds.Count == 0)
        {
            throw new DomainException("An intake needs at least one category before it is submitted.");
        }

        Status = IntakeStatus.Submitted;
        Step = IntakeStep.Done;
        SubmittedAt ??= now;
        ResponseDueAt = now + (IsUrgent ? UrgentResponseTarget : NormalResponseTarget);
        UpdatedAt = now;
    }

    /// <summary>Urgency changed after submission: the response target follows.</summary>
    public void Retriage(DateTimeOffset now)
    {
        if (Status == IntakeStatus.Submitted && SubmittedAt is { } submitted)
        {
            ResponseDueAt = submitted + (IsUrgent ? UrgentResponseTarget : NormalResponseTarget);
        }

        UpdatedAt = now;
    }

    public void Accept(Guid decidedBy, DateTimeOffset now)
    {
        EnsureStatus(IntakeStatus.Submitted);
        Status = IntakeStatus.Accepted;
        DecidedBy = decidedBy;
        DecidedAt = now;
        UpdatedAt = now;
    }

    public void Reject(RejectionReason reason, string? note, Guid decidedBy, DateTimeOffset now)
    {
        EnsureStatus(IntakeStatus.Submitted);
        if (reason == Cases.RejectionReason.Other && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("Say why the intake is rejected.");
        }

        Status = IntakeStatus.Rejected;
        RejectionReason = reason;
        RejectionNote = note?.Trim();
        DecidedBy = decidedBy;
        DecidedAt = now;
        UpdatedAt = now;
    }

    /// <summary>A rejected intake can be reopened for a new decision.</summary>
    public void Reopen(DateTimeOffset now)
    {
        EnsureStatus(IntakeStatus.Rejected);
        Status = IntakeStatus.Submitted;
        RejectionReason = null;
        RejectionNote = null;
        DecidedAt = null;
        DecidedBy = null;
        SubmittedAt = now;
        ResponseDueAt = now + (IsUrgent ? UrgentResponseTarget : NormalResponseTarget);
        UpdatedAt = now;
    }

    private void EnsureStatus(params IntakeStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            // The message is a resource key, so it names no status: the page shows the status beside it.
            throw new DomainException("This intake's status does not allow that.");
        }
    }
}

/// <summary>Who the complaint is against: an employer, an agency, an official body.</summary>
public class Respondent
{
    public const int NameMaxLength = 200;

    private Respondent()
    {
    }

    internal Respondent(Guid intakeId, string name, RespondentType type, Sector? sector)
    {
        Id = Guid.NewGuid();
        IntakeId = intakeId;
        Name = name;
        Type = type;
        Sector = sector;
        SearchKey = Transliteration.MatchKey(name);
    }

    public Guid Id { get; private set; }

    public Guid IntakeId { get; private set; }

    public string Name { get; private set; } = "";

    public RespondentType Type { get; private set; }

    public Sector? Sector { get; private set; }

    /// <summary>Match key of the name, trigram-indexed: for search and conflict-of-interest checks.</summary>
    public string SearchKey { get; private set; } = "";
}
