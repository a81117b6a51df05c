namespace MigrantAid.Web.Features.International;

/// <summary>Audit actions of the UN follow-up of a submission.</summary>
public static class FollowUpAuditActions
{
    public const string RoundRecorded = "submission.follow-up-assessed";
    public const string Closed = "submission.follow-up-closed";

    public static readonly IReadOnlyList<string> All = [RoundRecorded, Closed];
}
