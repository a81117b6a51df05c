namespace MigrantAid.Web.Features.Desk;

/// <summary>Audit actions of the desk: calendar feed addresses made, replaced and revoked (never the address itself).</summary>
public static class DeskAuditActions
{
    public const string FeedCreated = "calendar-feed.created";
    public const string FeedRegenerated = "calendar-feed.regenerated";
    public const string FeedRevoked = "calendar-feed.revoked";

    public static readonly IReadOnlyList<string> All = [FeedCreated, FeedRegenerated, FeedRevoked];
}
