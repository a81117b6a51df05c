using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MigrantAid.Web.Security;

/// <summary>
/// Throttles an anonymous door per client address and per account (see <see cref="SignInThrottle"/>);
/// over a limit the answer is 429 with Retry-After, and the status-code page explains it.
/// </summary>
/// <remarks>
/// A resource filter rather than the rate-limiting middleware's policies: a policy chooses its
/// partition synchronously and so cannot read the posted e-mail, and a chained limiter does not
/// tell which of its limits refused, which decides whether the account is locked. The filter runs
/// after routing, authentication, localization and the antiforgery check, and before model binding.
/// </remarks>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ThrottledAttribute(ThrottledDoor door) : Attribute, IFilterFactory
{
    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new ThrottleFilter(door, serviceProvider.GetRequiredService<SignInThrottle>(), serviceProvider.GetRequiredService<ILogger<ThrottleFilter>>());
}

public sealed partial class ThrottleFilter(ThrottledDoor door, SignInThrottle throttle, ILogger<ThrottleFilter> logger) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        var account = await ThrottledAccount.ReadAsync(door, http);
        var decision = throttle.TryEnter(door, ClientAddress.PartitionOf(http.Connection.RemoteIpAddress), account?.Key);
        if (decision.Verdict == ThrottleVerdict.Allowed)
        {
            await next();
            return;
        }

        // Neither the address nor the account is logged: both are personal data.
        LogThrottled(logger, door, decision.Verdict);
        if (decision.Verdict == ThrottleVerdict.AccountOverLimit && account is not null && door is ThrottledDoor.SignIn or ThrottledDoor.SecondFactor)
        {
            await http.RequestServices.GetRequiredService<AttackLockout>().LockAsync(account);
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Result = new StatusCodeResult(StatusCodes.Status429TooManyRequests);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Throttled an attempt at {Door}: {Verdict}")]
    private static partial void LogThrottled(ILogger logger, ThrottledDoor door, ThrottleVerdict verdict);
}
