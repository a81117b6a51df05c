using MigrantAid.Web.Features;
using MigrantAid.Web.Features.Desk.Notifications;
using MigrantAid.Web.Features.Exports;
using MigrantAid.Web.Features.Privacy;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Infrastructure;

/// <summary>
/// Service registration of the portal, kept out of Program.cs so it reads as the composition root: the data
/// (<see cref="PortalDataServices"/>), the features and their background work, the security
/// (<see cref="PortalSecurityServices"/>) and the web layer (<see cref="PortalWebServices"/>).
/// </summary>
public static class PortalServices
{
    public static void AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddPortalData();
        services.AddReportingReads();
        services.AddAccessRules();
        services.AddPortalSeeding();
        services.AddPortalFeatures();
        services.AddNotifications();
        services.AddOrganisationExport();
        services.AddRetention();
        services.AddPortalSecurity(builder.Configuration, builder.Environment);
        services.AddPortalLocalization();
        services.AddPortalMvc();
    }
}
