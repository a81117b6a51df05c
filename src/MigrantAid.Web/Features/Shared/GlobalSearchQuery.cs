namespace MigrantAid.Web.Features.Shared;

/// <summary>The limits of the search in the top bar and on the search page.</summary>
public static class GlobalSearchQuery
{
    public const int MinLength = 2;
    public const int MaxLength = 200;
}
