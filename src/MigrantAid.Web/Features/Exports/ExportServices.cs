namespace MigrantAid.Web.Features.Exports;

public static class ExportServices
{
    /// <summary>Options, file locations and the export worker (a hosted service unless Exports:RunInBackground is false).</summary>
    public static IServiceCollection AddOrganisationExport(this IServiceCollection services)
    {
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.Section);
        services.AddSingleton<ExportFiles>();
        services.AddSingleton<OrganisationExportWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OrganisationExportWorker>());
        return services;
    }
}
