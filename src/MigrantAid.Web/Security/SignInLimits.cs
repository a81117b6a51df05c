using Microsoft.Extensions.Options;

namespace MigrantAid.Web.Security;

/// <summary>
/// How many attempts the anonymous doors of the portal (sign-in, the second factor, password links,
/// the calendar feed) accept, from configuration section <see cref="Section"/>. Every attempt counts,
/// a successful one too: the limiter takes its permit before the password is checked, so parallel
/// requests cannot slip through while the first ones are still being answered.
/// </summary>
public sealed class SignInLimits
{
    public const string Section = "Security:SignInLimits";

    /// <summary>Attempts from one client address at one door, whatever account they name.</summary>
    public AttemptLimit PerAddress { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(5) };

    /// <summary>
    /// Attempts naming one account at one door, from all addresses together. Going over it is a
    /// guessing attack from several addresses: the account is also locked (Identity's lock-out).
    /// </summary>
    public AttemptLimit PerAccount { get; set; } = new() { PermitLimit = 50, Window = TimeSpan.FromMinutes(15) };

    /// <summary>Fetches of the calendar feed from one address (calendar programs poll it; the token is the credential).</summary>
    public AttemptLimit FeedPerAddress { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(5) };

    /// <summary>
    /// The most attempts one address can make on one account within the per-account window: its
    /// own limit for every address window that overlaps it (one more for the windows' edges).
    /// </summary>
    public long MostFromOneAddress()
    {
        var windows = (long)Math.Ceiling(PerAccount.Window / PerAddress.Window) + 1;
        return windows * PerAddress.PermitLimit;
    }

    /// <summary>Refuses settings under which one address alone could exhaust an account's limit and so lock a colleague out.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (name, limit) in new[] { (nameof(PerAddress), PerAddress), (nameof(PerAccount), PerAccount), (nameof(FeedPerAddress), FeedPerAddress) })
        {
            if (limit.PermitLimit < 1 || limit.Window <= TimeSpan.Zero)
            {
                yield return $"{Section}:{name} needs a PermitLimit of at least 1 and a positive Window.";
            }
        }

        if (PerAddress.Window > TimeSpan.Zero && PerAccount.PermitLimit <= MostFromOneAddress())
        {
            yield return $"{Section}:PerAccount:PermitLimit ({PerAccount.PermitLimit}) must be above {MostFromOneAddress()}, " +
                "the most attempts one address can make in the per-account window; otherwise one outsider could lock an account.";
        }
    }
}

public sealed class AttemptLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>Stops the start with every problem of the configured limits spelled out.</summary>
public sealed class SignInLimitsValidation : IValidateOptions<SignInLimits>
{
    public ValidateOptionsResult Validate(string? name, SignInLimits options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
