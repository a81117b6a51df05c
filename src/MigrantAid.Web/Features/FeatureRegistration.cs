namespace MigrantAid.Web.Features;

public static class FeatureRegistration
{
    /// <summary>
    /// Registers every handler class of the feature folders (a class whose name ends in "Handler")
    /// as scoped, so adding a feature does not mean editing a central list.
    /// </summary>
    public static IServiceCollection AddPortalFeatures(this IServiceCollection services)
    {
        var handlers = typeof(FeatureRegistration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsNested: false }
                && t.Namespace?.StartsWith("MigrantAid.Web.Features", StringComparison.Ordinal) == true
                && t.Name.EndsWith("Handler", StringComparison.Ordinal));
        foreach (var handler in handlers)
        {
            services.AddScoped(handler);
        }

        // The size above which an export of client data needs a second person's approval (issue 15, point 6).
        services.AddOptions<Shared.Exports.ExportApprovalOptions>().BindConfiguration(Shared.Exports.ExportApprovalOptions.Section);
        return services;
    }
}
