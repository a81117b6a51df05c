namespace MigrantAid.Web.Domain.Cases;

/// <summary>
/// A case opened from an accepted intake. Guards its status transitions (open → in progress →
/// closed, reopen) and its assignments, and writes its own timeline events.
/// </summary>
public class Case
{
    public const int TitleMaxLength = 200;

    private readonly List<CaseClient> _clients = [];
    private readonly List<CaseLawyer> _lawyers = [];
    private readonly List<CaseEvent> _events = [];
    private readonly List<CaseSealedPerson> _sealedPeople = [];

    private Case()
    {
    }

    /// <param name="priority">As decided when accepting; by default urgent for an urgent intake, normal otherwise.</param>
    public Case(Guid officeId, string officeCode, int year, int number, Intake intake, string title, Guid openedBy, DateOnly openedOn, DateTimeOffset now,
        CasePriority? priority = null)
    {
        if (intake.ClientId is not { } principal)
        {
            throw new DomainException("An intake needs a client before it is submitted.");
        }

        Id = Guid.NewGuid();
        OfficeId = officeId;
        Year = year;
        Number = number;
        Reference = FormatReference(officeCode, year, number);
        IntakeId = intake.Id;
        Title = title.Trim();
        OpenedOn = openedOn;
        Priority = priority ?? (intake.IsUrgent ? CasePriority.Urgent : CasePriority.Normal);
        IsUrgent = Priority == CasePriority.Urgent;
        PrincipalClientId = principal;
        CreatedAt = now;
        UpdatedAt = now;
        _clients.Add(new CaseClient(Id, principal, CaseClientRole.Principal));
        _events.Add(CaseEvent.Create(Id, CaseEventKind.Opened, openedBy, now, text: null, details: new { reference = Reference }));
    }

    public Guid Id { get; private set; }

    /// <summary>Per office and year, e.g. SPB-2026-0042.</summary>
    public string Reference { get; private set; } = "";

    public Guid OfficeId { get; private set; }

    public int Year { get; private set; }

    public int Number { get; private set; }

    public Guid IntakeId { get; private set; }

    /// <summary>A short label for lists (no narrative): e.g. "Unpaid wages on a building site".</summary>
    public string Title { get; private set; } = "";

    public CaseStatus Status { get; private set; }

    public CasePriority Priority { get; private set; }

    public bool IsUrgent { get; private set; }

    /// <summary>Visible only to its assigned people and coordinators.</summary>
    public bool IsConfidential { get; private set; }

    /// <summary>Visible only to the people named on it (<see cref="SealedPeople"/>), coordinators included (issue 15).</summary>
    public bool IsSealed { get; private set; }

    public Guid PrincipalClientId { get; private set; }

    public Guid? CaseworkerId { get; private set; }

    public Guid? LeadLawyerId { get; private set; }

    public DateOnly OpenedOn { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public CaseOutcome? Outcome { get; private set; }

    public string? OutcomeNote { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>When the case was anonymised (issue 15): its texts are gone, its facts and reference stay.</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    public IReadOnlyList<CaseClient> Clients => _clients;

    public IReadOnlyList<CaseLawyer> Lawyers => _lawyers;

    /// <summary>The people who may open the case while it is sealed; empty otherwise.</summary>
    public IReadOnlyList<CaseSealedPerson> SealedPeople => _sealedPeople;

    /// <summary>Events added since loading (the timeline itself is read by query, newest first).</summary>
    public IReadOnlyList<CaseEvent> Events => _events;

    public static string FormatReference(string officeCode, int year, int number) => $"{officeCode}-{year}-{number:0000}";

    /// <summary>Is the user assigned to this case (caseworker, lead lawyer or further lawyer)?</summary>
    public bool IsAssigned(Guid userId) =>
        CaseworkerId == userId || LeadLawyerId == userId || _lawyers.Any(l => l.UserId == userId);

    /// <summary>The named people as <see cref="CaseSealing"/> changes them.</summary>
    internal List<CaseSealedPerson> NamedPeople => _sealedPeople;

    /// <summary>Sets the seal (<see cref="CaseSealing"/> decides), with what it writes to the timeline.</summary>
    internal void SetSeal(bool isSealed, IEnumerable<CaseEvent> timeline, DateTimeOffset now)
    {
        _events.AddRange(timeline);
        IsSealed = isSealed;
        UpdatedAt = now;
    }

    public void ChangeStatus(CaseStatus to, Guid by, DateTimeOffset now, string? reason = null)
    {
        CaseAnonymity.EnsureNotAnonymised(this);

        // Open → in progress, and closed → in progress (reopen).
        if (to != CaseStatus.InProgress || Status is not (CaseStatus.Open or CaseStatus.Closed))
        {
            throw new DomainException("This status change is not allowed.");
        }

        if (Status == CaseStatus.Closed && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Say why the case is reopened.");
        }

        var from = Status;
        Status = to;
        if (from == CaseStatus.Closed)
        {
            ClosedOn = null;
            Outcome = null;
            OutcomeNote = null;
        }

        UpdatedAt = now;
        _events.Add(CaseEvent.Create(Id, CaseEventKind.StatusChanged, by, now, reason?.Trim(), new { from = from.ToString(), to = to.ToString() }));
    }

    public void Close(CaseOutcome outcome, DateOnly closedOn, string? note, Guid by, DateTimeOffset now)
    {
        if (Status == CaseStatus.Closed)
        {
            throw new DomainException("This status change is not allowed.");
        }

        if (closedOn < OpenedOn)
        {
            throw new DomainException("A case cannot be closed before it was opened.");
        }

        var from = Status;
        Status = CaseStatus.Closed;
        Outcome = outcome;
        ClosedOn = closedOn;
        OutcomeNote = note?.Trim();
        UpdatedAt = now;
        _events.Add(CaseEvent.Create(Id, CaseEventKind.StatusChanged, by, now, note?.Trim(),
            new { from = from.ToString(), to = CaseStatus.Closed.ToString(), outcome = outcome.ToString(), closedOn = closedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }));
    }

    /// <summary>Sets who works the case; every change is kept in the timeline (assignment history).</summary>
    public void Assign(Guid? caseworkerId, Guid? leadLawyerId, IReadOnlyCollection<Guid> furtherLawyers, Guid by, DateTimeOffset now)
    {
        var further = furtherLawyers.Where(l => l != leadLawyerId).Distinct().ToList();
        var before = new { caseworker = CaseworkerId, lead = LeadLawyerId, lawyers = _lawyers.Select(l => l.UserId).Order().ToList() };
        var after = new { caseworker = caseworkerId, lead = leadLawyerId, lawyers = further.Order().ToList() };
        if (before.caseworker == after.caseworker && before.lead == after.lead && before.lawyers.SequenceEqual(after.lawyers))
        {
            return;
        }

        CaseworkerId = caseworkerId;
        LeadLawyerId = leadLawyerId;
        _lawyers.RemoveAll(l => !further.Contains(l.UserId));
        foreach (var lawyer in further.Where(l => _lawyers.All(x => x.UserId != l)))
        {
            _lawyers.Add(new CaseLawyer(Id, lawyer));
        }

        UpdatedAt = now;
        _events.Add(CaseEvent.Create(Id, CaseEventKind.Assigned, by, now, null, new { before, after }));

        // A lead lawyer starts the work; the timeline says so like any other status change.
        if (Status == CaseStatus.Open && leadLawyerId is not null)
        {
            Status = CaseStatus.InProgress;
            _events.Add(CaseEvent.Create(Id, CaseEventKind.StatusChanged, by, now, null, new { from = CaseStatus.Open.ToString(), to = CaseStatus.InProgress.ToString() }));
        }
    }

    public CaseClient AddClient(Guid clientId, CaseClientRole role, Guid by, DateTimeOffset now)
    {
        if (_clients.Any(c => c.ClientId == clientId))
        {
            throw new DomainException("This client is already on the case.");
        }

        if (role == CaseClientRole.Principal)
        {
            throw new DomainException("A case has one principal client.");
        }

        var link = new CaseClient(Id, clientId, role);
        _clients.Add(link);
        UpdatedAt = now;
        _events.Add(CaseEvent.Create(Id, CaseEventKind.Changed, by, now, null, new { field = "clients", added = clientId, role = role.ToString() }));
        return link;
    }

    public void Update(string title, CasePriority priority, bool confidential, Guid by, DateTimeOffset now)
    {
        var changes = new List<object>();
        if (Title != title.Trim())
        {
            changes.Add(new { field = nameof(Title), old = Title, @new = title.Trim() });
        }

        if (Priority != priority)
        {
            changes.Add(new { field = nameof(Priority), old = Priority.ToString(), @new = priority.ToString() });
        }

        if (IsConfidential != confidential)
        {
            changes.Add(new { field = "Confidential", old = IsConfidential, @new = confidential });
        }

        if (changes.Count == 0)
        {
            return;
        }

        Title = title.Trim();
        Priority = priority;
        IsUrgent = priority == CasePriority.Urgent;
        IsConfidential = confidential;
        UpdatedAt = now;
        _events.Add(CaseEvent.Create(Id, CaseEventKind.Changed, by, now, null, new { changes }));
    }

    public CaseEvent AddNote(NoteKind kind, string text, Guid by, DateTimeOffset now)
    {
        CaseAnonymity.EnsureNotAnonymised(this);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("Write the note.");
        }

        var note = CaseEvent.Create(Id, CaseEventKind.Note, by, now, text.Trim(), null, kind);
        _events.Add(note);
        UpdatedAt = now;
        return note;
    }

    public CaseEvent RecordDocument(Guid documentId, string fileName, Guid by, DateTimeOffset now)
    {
        var added = CaseEvent.Create(Id, CaseEventKind.DocumentAdded, by, now, null, new { documentId, fileName });
        _events.Add(added);
        UpdatedAt = now;
        return added;
    }
}
