namespace MigrantAid.Tests.Support;

/// <summary>A clock the test moves by hand. Starts at the real time so that tokens and cookies stay plausible.</summary>
public sealed class TestClock : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    /// <summary>Moves forward to the next moment it is <paramref name="hour"/>:00 UTC.</summary>
    public void AdvanceToUtcHour(int hour)
    {
        var now = GetUtcNow();
        var target = new DateTimeOffset(now.UtcDateTime.Date.AddHours(hour), TimeSpan.Zero);
        Advance((target <= now ? target.AddDays(1) : target) - now);
    }
}
