using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Localization;

namespace MigrantAid.Web.Infrastructure.Input;

/// <summary>
/// Applies <see cref="ControlCharacters"/> to every string MVC binds from a form, the query or the route
/// (action parameters, properties of input models, elements of lists). The binder records a model error at
/// the field and hands the action the value without the refused characters, so an action that does not look
/// at ModelState (a search, a list filter) still never passes one to the database, and a form re-displays
/// with the message and the rest of what was typed. Bodies, headers and cookies are bound by other binders.
/// </summary>
public static class ControlCharacterBinding
{
    public static void AddControlCharacterRule(this MvcOptions options)
    {
        var index = options.ModelBinderProviders.FindIndex(p => p is SimpleTypeModelBinderProvider);
        var inner = options.ModelBinderProviders[index];
        options.ModelBinderProviders[index] = new Provider(inner);
        options.Filters.Add(new KeepMessagesFilter());
        options.Filters.Add(new EncodedNulFilter());
    }

    private static int FindIndex(this IList<IModelBinderProvider> providers, Func<IModelBinderProvider, bool> match)
    {
        for (var i = 0; i < providers.Count; i++)
        {
            if (match(providers[i]))
            {
                return i;
            }
        }

        throw new InvalidOperationException("MVC's simple type binder is not registered.");
    }

    private sealed class Provider(IModelBinderProvider inner) : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            var binder = inner.GetBinder(context);
            return binder is not null && context.Metadata.ModelType == typeof(string) ? new Binder(binder) : binder;
        }
    }

    private sealed class Binder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result.Model is not string value || !ControlCharacters.Contains(value))
            {
                return;
            }

            var kept = ControlCharacters.Remove(value);
            var model = kept.Length == 0 && bindingContext.ModelMetadata.ConvertEmptyStringToNull ? null : kept;
            var message = Localized(bindingContext.HttpContext);
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, kept, kept);
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, message);
            Refusals.Of(bindingContext.HttpContext)[bindingContext.ModelName] = message;
            bindingContext.Result = ModelBindingResult.Success(model);
        }

        private static string Localized(HttpContext context) =>
            context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()[ControlCharacters.Message];
    }

    /// <summary>The fields refused in this request, kept apart from ModelState, which list pages clear.</summary>
    private static class Refusals
    {
        private static readonly object Key = new();

        public static Dictionary<string, string> Of(HttpContext context)
        {
            if (context.Items[Key] is not Dictionary<string, string> refusals)
            {
                refusals = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                context.Items[Key] = refusals;
            }

            return refusals;
        }

        public static Dictionary<string, string>? Find(HttpContext context) => context.Items[Key] as Dictionary<string, string>;
    }

    /// <summary>Puts the message back at its field when the action cleared ModelState, so the page still shows it.</summary>
    private sealed class KeepMessagesFilter : IResultFilter
    {
        public void OnResultExecuting(ResultExecutingContext context)
        {
            foreach (var (field, message) in Refusals.Find(context.HttpContext) ?? [])
            {
                if (!context.ModelState.TryGetValue(field, out var entry) || entry.Errors.All(e => e.ErrorMessage != message))
                {
                    context.ModelState.TryAddModelError(field, message);
                }
            }
        }

        public void OnResultExecuted(ResultExecutedContext context)
        {
        }
    }
}
