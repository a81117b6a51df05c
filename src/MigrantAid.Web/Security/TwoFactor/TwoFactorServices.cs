namespace MigrantAid.Web.Security.TwoFactor;

public static class TwoFactorServices
{
    /// <summary>The second factor required by role (docs/security.md, "Accounts and sign-in").</summary>
    public static IServiceCollection AddTwoFactorRequirement(this IServiceCollection services) =>
        services.AddSingleton(sp => TwoFactorPolicy.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));

    /// <summary>After authorization, so the user is known and anonymous pages were already decided.</summary>
    public static IApplicationBuilder UseTwoFactorEnrolment(this IApplicationBuilder app) =>
        app.UseMiddleware<TwoFactorEnrolmentMiddleware>();
}
