using Microsoft.AspNetCore.Mvc;

namespace MigrantAid.Web.Features.Cases;

/// <summary>Where the forms of the case's sections send the user back to: the case page, at the section they came from.</summary>
public static class CaseLinks
{
    /// <param name="section">The fragment of the page's section (e.g. "deadlines"), or null for the top.</param>
    public static string CasePage(this IUrlHelper url, Guid id, string? section = null) =>
        url.Action(nameof(CasesController.Show), "Cases", new { id }, protocol: null, host: null, fragment: section)!;
}
