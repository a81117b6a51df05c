using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace MigrantAid.Web.Security;

/// <summary>
/// Lets an action take <c>Viewer viewer</c>: it is read from the signed-in user, never from the request's
/// form, query or route, and never validated.
/// </summary>
public static class ViewerBinding
{
    public static void AddViewerBinding(this MvcOptions options) => options.ModelBinderProviders.Insert(0, new Provider());

    private sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.ModelType == typeof(Viewer) ? new Binder() : null;
    }

    private sealed class Binder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var viewer = Viewer.From(bindingContext.HttpContext.User);
            bindingContext.ValidationState[viewer] = new ValidationStateEntry { SuppressValidation = true };
            bindingContext.Result = ModelBindingResult.Success(viewer);
            return Task.CompletedTask;
        }
    }
}
