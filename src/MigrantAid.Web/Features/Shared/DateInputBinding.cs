using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace MigrantAid.Web.Features.Shared;

/// <summary>
/// Binds every date (<see cref="DateOnly"/>) and date-and-time (<see cref="DateTime"/>) field from the form,
/// the query or the route as the user's language writes it, or as ISO 8601 (ADR 0014), through
/// <see cref="DateText.TryParse(string?, out DateOnly)"/>. MVC's own binders read the query with the
/// invariant (month-first) culture and answer "the value is not valid"; this one is always day first and says
/// how to write the date, at the field, keeping what was typed.
/// </summary>
public static class DateInputBinding
{
    public const string DateMessage = "Enter the date as {0}, for example {1}.";
    public const string DateTimeMessage = "Enter the date and time as {0} hh:mm, for example {1}.";

    public static IServiceCollection AddPortalDateInput(this IServiceCollection services)
    {
        services.AddSingleton<IConfigureOptions<MvcOptions>, Registration>();
        return services;
    }

    private sealed class Registration : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options) => options.ModelBinderProviders.Insert(0, new Provider());
    }

    private sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.UnderlyingOrModelType == typeof(DateOnly) || context.Metadata.UnderlyingOrModelType == typeof(DateTime)
                ? new Binder()
                : null;
    }

    private sealed class Binder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var result = context.ValueProvider.GetValue(context.ModelName);
            if (result == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }

            var text = result.FirstValue;
            context.ModelState.SetModelValue(context.ModelName, result);
            var metadata = context.ModelMetadata;
            if (string.IsNullOrWhiteSpace(text))
            {
                if (metadata.IsReferenceOrNullableType)
                {
                    context.Result = ModelBindingResult.Success(null);
                }
                else
                {
                    context.ModelState.TryAddModelError(context.ModelName, metadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(text ?? ""));
                }

                return Task.CompletedTask;
            }

            object? model = metadata.UnderlyingOrModelType == typeof(DateOnly)
                ? DateText.TryParse(text, out DateOnly date) ? date : null
                : DateText.TryParse(text, out DateTime local) ? local : null;
            if (model is null)
            {
                context.ModelState.TryAddModelError(context.ModelName, Message(context.HttpContext, metadata.UnderlyingOrModelType));
                return Task.CompletedTask;
            }

            context.Result = ModelBindingResult.Success(model);
            return Task.CompletedTask;
        }

        private static string Message(HttpContext http, Type type)
        {
            var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var example = new DateTime(2026, 3, 2, 14, 30, 0, DateTimeKind.Unspecified);
            return type == typeof(DateOnly)
                ? l[DateMessage, DateText.PatternHint, DateText.Input(DateOnly.FromDateTime(example))]
                : l[DateTimeMessage, DateText.PatternHint, DateText.Input(example)];
        }
    }
}
