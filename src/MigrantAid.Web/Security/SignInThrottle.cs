using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MigrantAid.Web.Security;

/// <summary>The anonymous doors that are throttled, each with buckets of its own.</summary>
public enum ThrottledDoor
{
    SignIn,
    SecondFactor,
    PasswordLink,
    CalendarFeed,
}

public enum ThrottleVerdict
{
    Allowed,
    AddressOverLimit,
    AccountOverLimit,
}

public readonly record struct ThrottleDecision(ThrottleVerdict Verdict, TimeSpan RetryAfter)
{
    public static readonly ThrottleDecision Allowed = new(ThrottleVerdict.Allowed, TimeSpan.Zero);
}

/// <summary>
/// Two partitioned sliding-window limiters (System.Threading.RateLimiting): one keyed by door and
/// client address, one by door and account. The address is asked first, so an address that is over
/// its limit spends nothing of the accounts it names. In memory, per instance: the database-backed
/// Identity lock-out is what holds across instances and restarts (see docs/security.md).
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private const int Segments = 5;

    private readonly SignInLimits _limits;
    private readonly PartitionedRateLimiter<(ThrottledDoor Door, string Address)> _byAddress;
    private readonly PartitionedRateLimiter<(ThrottledDoor Door, string Account)> _byAccount;

    public SignInThrottle(IOptions<SignInLimits> options)
    {
        _limits = options.Value;
        _byAddress = PartitionedRateLimiter.Create<(ThrottledDoor Door, string Address), (ThrottledDoor, string)>(
            key => Partition(key, AddressLimit(key.Door)));
        _byAccount = PartitionedRateLimiter.Create<(ThrottledDoor Door, string Account), (ThrottledDoor, string)>(
            key => Partition(key, _limits.PerAccount));
    }

    public ThrottleDecision TryEnter(ThrottledDoor door, string address, string? account)
    {
        using (var lease = _byAddress.AttemptAcquire((door, address)))
        {
            if (!lease.IsAcquired)
            {
                return new ThrottleDecision(ThrottleVerdict.AddressOverLimit, RetryAfter(lease, AddressLimit(door)));
            }
        }

        if (account is null)
        {
            return ThrottleDecision.Allowed;
        }

        using var accountLease = _byAccount.AttemptAcquire((door, account));
        return accountLease.IsAcquired
            ? ThrottleDecision.Allowed
            : new ThrottleDecision(ThrottleVerdict.AccountOverLimit, RetryAfter(accountLease, _limits.PerAccount));
    }

    public void Dispose()
    {
        _byAddress.Dispose();
        _byAccount.Dispose();
    }

    private AttemptLimit AddressLimit(ThrottledDoor door) => door == ThrottledDoor.CalendarFeed ? _limits.FeedPerAddress : _limits.PerAddress;

    private static RateLimitPartition<(ThrottledDoor, string)> Partition((ThrottledDoor, string) key, AttemptLimit limit) =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            SegmentsPerWindow = Segments,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    /// <summary>The limiter's own estimate when it gives one, else one segment: the soonest a permit can come back.</summary>
    private static TimeSpan RetryAfter(RateLimitLease lease, AttemptLimit limit) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero
            ? retryAfter
            : limit.Window / Segments;
}
