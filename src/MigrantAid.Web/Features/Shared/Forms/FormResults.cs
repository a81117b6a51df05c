using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MigrantAid.Web.Features.Shared.Forms;

/// <summary>
/// The controllers' side of the form protocol, and the only code outside controllers that touches
/// <see cref="ModelStateDictionary"/>: it hands the handler what binding refused as <see cref="FormErrors"/>,
/// and turns the handler's <see cref="FormOutcome"/> into the answer: the form again with every message and
/// every typed value (for a conflict, the stored version), 404, 403, or a redirect with its flash message.
/// </summary>
public static class FormResults
{
    /// <summary>The TempData key the layout shows (localized) as a success message.</summary>
    public const string FlashKey = "Success";

    public const string NothingChanged = "Nothing was changed.";

    /// <summary>What binding and validation refused, for the handler to add its own rules to.</summary>
    public static FormErrors FormErrors(this ControllerBase controller) => ReadErrors(controller.ModelState);

    public static FormErrors ReadErrors(ModelStateDictionary modelState) =>
        new(modelState.IsValid, modelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => e.Key));

    /// <summary>Copies the handler's messages into ModelState; for a conflict, lets the refreshed fields show their stored value and adds the message.</summary>
    public static void CopyTo(ModelStateDictionary modelState, FormOutcome outcome, FormErrors errors)
    {
        foreach (var (field, messages) in errors.Added)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(field, message);
            }
        }

        if (outcome.Kind == FormOutcomeKind.Conflict)
        {
            foreach (var field in outcome.Refresh)
            {
                modelState.Remove(field);
            }

            modelState.AddModelError("", outcome.Message ?? "");
        }
    }

    /// <summary>
    /// The answer to a form shown on its own page: <paramref name="model"/> in <paramref name="view"/> (default: the
    /// action's) when refused, else a redirect to <paramref name="redirect"/> with <paramref name="saved"/> (or "Nothing
    /// was changed.") as the flash message. <paramref name="saved"/> is a resource key: the layout localizes it.
    /// </summary>
    public static IActionResult FormResult(this Controller controller, FormOutcome outcome, FormErrors errors, object model,
        string redirect, string saved, string? view = null) =>
        Answer(controller, outcome, errors, redirect, saved) ?? controller.View(view, model);

    /// <summary>As <see cref="FormResult"/> for a form shown inside another page: <paramref name="again"/> renders that page.</summary>
    public static async Task<IActionResult> FormResultAsync(this Controller controller, FormOutcome outcome, FormErrors errors,
        Func<Task<IActionResult>> again, string redirect, string saved) =>
        Answer(controller, outcome, errors, redirect, saved) ?? await again();

    /// <summary>
    /// A whole form action in one call: what binding refused goes to <paramref name="handle"/> (the handler), and its
    /// outcome is answered as by <see cref="FormResult"/>.
    /// </summary>
    public static async Task<IActionResult> SubmitAsync(this Controller controller, object model, Func<FormErrors, Task<FormOutcome>> handle,
        string redirect, string saved, string? view = null)
    {
        var errors = controller.FormErrors();
        return controller.FormResult(await handle(errors), errors, model, redirect, saved, view);
    }

    /// <returns>The answer, or null when the form is to be shown again (the messages are then in ModelState).</returns>
    private static IActionResult? Answer(Controller controller, FormOutcome outcome, FormErrors errors, string redirect, string saved)
    {
        switch (outcome.Kind)
        {
            case FormOutcomeKind.NotFound:
                return controller.NotFound();
            case FormOutcomeKind.Forbidden:
                return controller.Forbid();
            case FormOutcomeKind.Invalid:
            case FormOutcomeKind.Conflict:
                CopyTo(controller.ModelState, outcome, errors);
                return null;
            case FormOutcomeKind.Unchanged:
                controller.TempData[FlashKey] = NothingChanged;
                return controller.Redirect(redirect);
            default:
                controller.TempData[FlashKey] = saved;
                return controller.Redirect(redirect);
        }
    }
}
