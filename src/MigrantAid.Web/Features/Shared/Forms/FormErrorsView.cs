using Microsoft.AspNetCore.Html;

namespace MigrantAid.Web.Features.Shared.Forms;

/// <summary>
/// What <c>_FormErrors.cshtml</c> shows besides the form's messages: for a conflict, the stored values
/// (the <c>dt</c>/<c>dd</c> pairs of a Razor template), which also turn the box from an error into a warning.
/// </summary>
public sealed record FormErrorsView(Func<object?, IHtmlContent>? Stored = null)
{
    /// <summary>Messages only.</summary>
    public static FormErrorsView Plain { get; } = new();

    public bool IsConflict => Stored is not null;
}
