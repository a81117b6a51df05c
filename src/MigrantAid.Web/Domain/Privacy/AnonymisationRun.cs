namespace MigrantAid.Web.Domain.Privacy;

public enum AnonymisationKind
{
    /// <summary>The daily run of the retention schedule (or "Run now" on the retention page).</summary>
    Schedule = 0,

    /// <summary>A client's request to be forgotten.</summary>
    Erasure = 1,
}

/// <summary>One anonymisation: when, by whom (null: the daily job) and how many records of each kind it changed.</summary>
public class AnonymisationRun
{
    private AnonymisationRun()
    {
    }

    public AnonymisationRun(AnonymisationKind kind, Guid? actorId, DateTimeOffset startedAt)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        ActorId = actorId;
        StartedAt = startedAt;
    }

    public Guid Id { get; private set; }

    public AnonymisationKind Kind { get; private set; }

    public Guid? ActorId { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public int Cases { get; private set; }

    public int Intakes { get; private set; }

    public int Clients { get; private set; }

    public long AuditEvents { get; private set; }

    public string? Error { get; private set; }

    public void Finish(AnonymisationCounts counts, DateTimeOffset at, string? error = null)
    {
        Cases = counts.Cases;
        Intakes = counts.Intakes;
        Clients = counts.Clients;
        AuditEvents = counts.AuditEvents;
        FinishedAt = at;
        Error = error;
    }
}

/// <summary>How many records an anonymisation changed (or, in a dry run, would change).</summary>
public sealed record AnonymisationCounts(int Cases, int Intakes, int Clients, long AuditEvents)
{
    public static readonly AnonymisationCounts None = new(0, 0, 0, 0);

    /// <summary>A preview that tried only the first batch of a kind while more was due: a run changes more.</summary>
    public bool Partial { get; init; }

    public AnonymisationCounts Plus(AnonymisationCounts other) =>
        new(Cases + other.Cases, Intakes + other.Intakes, Clients + other.Clients, AuditEvents + other.AuditEvents) { Partial = Partial || other.Partial };
}
