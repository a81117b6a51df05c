namespace MigrantAid.Web.Features.Cases.Search;

/// <summary>The audit action of the top bar's search (folded into <see cref="Domain.AuditActions.All"/> by its name).</summary>
public static class SearchAuditActions
{
    /// <summary>A search was run: the details name the cases and clients it showed (by id), never the typed text.</summary>
    public const string Searched = "search.performed";

    public static readonly IReadOnlyList<string> All = [Searched];
}
