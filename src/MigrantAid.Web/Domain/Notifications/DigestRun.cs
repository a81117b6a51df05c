namespace MigrantAid.Web.Domain.Notifications;

/// <summary>
/// One user's reminders for one day. The row is claimed once (its key is user and day), so however many
/// instances run the daily job, a user's notifications are made and the e-mail sent once. A failed e-mail
/// is retried with growing pauses, then kept as failed for an administrator to see and send again.
/// </summary>
public class DigestRun
{
    public const int ErrorMaxLength = 1000;

    /// <summary>Pauses before the 2nd, 3rd, ... attempt; after the last, the run is failed.</summary>
    public static readonly IReadOnlyList<TimeSpan> Backoff =
    [
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(3),
    ];

    private DigestRun()
    {
    }

    public DigestRun(Guid userId, DateOnly day, DateTimeOffset now)
    {
        UserId = userId;
        Day = day;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public static int MaxAttempts => Backoff.Count + 1;

    public Guid UserId { get; private set; }

    public DateOnly Day { get; private set; }

    public DigestStatus Status { get; private set; }

    /// <summary>How many items the e-mail lists.</summary>
    public int ItemCount { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>When a pending e-mail may be tried (again).</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>The SMTP error of the last failed attempt (the server's answer, no addresses).</summary>
    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Notifications are made; an e-mail listing <paramref name="items"/> dates is to be sent now.</summary>
    public void AwaitEmail(int items, DateTimeOffset now)
    {
        Status = DigestStatus.Pending;
        ItemCount = items;
        NextAttemptAt = now;
        UpdatedAt = now;
    }

    public void NoEmail(int items, DateTimeOffset now)
    {
        Status = DigestStatus.NoEmail;
        ItemCount = items;
        NextAttemptAt = null;
        UpdatedAt = now;
    }

    public void Sent(DateTimeOffset now)
    {
        Attempts++;
        Status = DigestStatus.Sent;
        SentAt = now;
        NextAttemptAt = null;
        LastError = null;
        UpdatedAt = now;
    }

    /// <summary>Records a failed attempt: retried after the next pause, or failed for good after the last attempt.</summary>
    public void AttemptFailed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length <= ErrorMaxLength ? error : error[..ErrorMaxLength];
        UpdatedAt = now;
        if (Attempts >= MaxAttempts)
        {
            Status = DigestStatus.Failed;
            NextAttemptAt = null;
        }
        else
        {
            Status = DigestStatus.Pending;
            NextAttemptAt = now + Backoff[Attempts - 1];
        }
    }

    /// <summary>An administrator sends a failed digest again: a new round of attempts starts now.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (Status != DigestStatus.Failed)
        {
            throw new DomainException("Only a failed digest can be sent again.");
        }

        Status = DigestStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        UpdatedAt = now;
    }
}
