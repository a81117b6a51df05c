using Microsoft.Extensions.Options;

namespace MigrantAid.Web.Security;

/// <summary>
/// Registration of sign-in throttling, the common-password list and the equal-work password check.
/// (The common-password validator itself is added to Identity in PortalServices.)
/// </summary>
public static class SignInThrottleRegistration
{
    public static IServiceCollection AddSignInProtection(this IServiceCollection services)
    {
        services.AddOptions<SignInLimits>().BindConfiguration(SignInLimits.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SignInLimits>, SignInLimitsValidation>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<AttackLockout>();
        services.AddSingleton(_ => CommonPasswords.Load());
        services.AddScoped<EqualWorkPasswordCheck>();
        return services;
    }
}
