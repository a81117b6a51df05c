using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace MigrantAid.Web.Features.Cases.CaseList;

/// <summary>How the list's forms (filters, reassignment) read what the controller refused, field by field.</summary>
public static class CaseListFieldErrors
{
    /// <summary>The first message at <paramref name="key"/> ("" for the form as a whole), or null.</summary>
    public static string? FieldError(this ViewDataDictionary viewData, string key) =>
        viewData.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
