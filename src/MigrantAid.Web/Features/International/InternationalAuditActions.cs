namespace MigrantAid.Web.Features.International;

/// <summary>Audit actions of international submissions, accepted procedures and the recommendations register.</summary>
public static class InternationalAuditActions
{
    public const string SubmissionViewed = "submission.viewed";
    public const string SubmissionCreated = "submission.created";
    public const string SubmissionUpdated = "submission.updated";
    public const string AcceptanceCreated = "treaty-acceptance.created";
    public const string AcceptanceUpdated = "treaty-acceptance.updated";
    public const string AcceptanceConfirmed = "treaty-acceptance.confirmed";
    public const string RecommendationCreated = "recommendation.created";
    public const string RecommendationUpdated = "recommendation.updated";
    public const string RecommendationAssessed = "recommendation.assessed";
    public const string RecommendationLinked = "recommendation.case-linked";
    public const string RecommendationUnlinked = "recommendation.case-unlinked";

    public static readonly IReadOnlyList<string> All =
    [
        SubmissionViewed, SubmissionCreated, SubmissionUpdated,
        AcceptanceCreated, AcceptanceUpdated, AcceptanceConfirmed,
        RecommendationCreated, RecommendationUpdated, RecommendationAssessed, RecommendationLinked, RecommendationUnlinked,
    ];
}
