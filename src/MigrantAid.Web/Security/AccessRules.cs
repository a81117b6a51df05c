using Microsoft.AspNetCore.Authorization;

namespace MigrantAid.Web.Security;

public static class AccessRules
{
    /// <summary>The resource authorization handlers (one per kind of record) and the gates that load a record and ask them.</summary>
    public static IServiceCollection AddAccessRules(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, CaseAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, IntakeAuthorizationHandler>();
        services.AddScoped<IntakeGate>();
        return services;
    }
}
