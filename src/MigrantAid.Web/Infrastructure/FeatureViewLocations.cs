using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace MigrantAid.Web.Infrastructure;

/// <summary>
/// Finds a controller's views in the folder of its namespace (<c>Features.Cases.Deadlines</c> →
/// <c>/Features/Cases/Deadlines/</c>), then in <c>/Features/Shared/</c>: a feature folder holds its
/// controller, handlers and views together, at any depth, whatever the controller is called.
/// </summary>
public sealed class FeatureViewLocations : IViewLocationExpander
{
    private const string Key = "feature";
    private const string Root = "MigrantAid.Web.";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action)
        {
            context.Values[Key] = FolderOf(action.ControllerTypeInfo);
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(Key, out var folder) && folder is not null)
        {
            yield return folder + "{0}.cshtml";
        }

        foreach (var location in viewLocations)
        {
            yield return location;
        }
    }

    /// <summary>The view folder of a controller: its namespace below the project's, as a path.</summary>
    public static string FolderOf(Type controller)
    {
        var space = controller.Namespace ?? "";
        var relative = space.StartsWith(Root, StringComparison.Ordinal) ? space[Root.Length..] : space;
        return "/" + relative.Replace('.', '/') + "/";
    }
}

/// <summary>Registers <see cref="FeatureViewLocations"/>: views beside their controller, then Features/Shared.</summary>
public static class FeatureViewLocationsRegistration
{
    public static IServiceCollection AddFeatureViewLocations(this IServiceCollection services) =>
        services.Configure<RazorViewEngineOptions>(o =>
        {
            o.ViewLocationFormats.Clear();
            o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
            o.ViewLocationExpanders.Add(new FeatureViewLocations());
        });
}
