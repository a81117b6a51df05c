namespace MigrantAid.Web.Features.Cases.Proceedings;

/// <summary>Audit actions of court proceedings, hearings and decisions (picked up by <see cref="Domain.AuditActions.All"/>).</summary>
public static class ProceedingAuditActions
{
    /// <summary>A proceeding's form was opened (to add one: entity "case"; to edit one: entity "proceeding").</summary>
    public const string ProceedingViewed = "proceeding.viewed";
    public const string ProceedingCreated = "proceeding.created";
    public const string ProceedingUpdated = "proceeding.updated";

    /// <summary>A hearing's form was opened (to add one: entity "proceeding"; to edit one: entity "hearing").</summary>
    public const string HearingViewed = "hearing.viewed";
    public const string HearingCreated = "hearing.created";
    public const string HearingUpdated = "hearing.updated";

    /// <summary>A decision's form was opened (to record one: entity "proceeding"; to edit one: entity "decision").</summary>
    public const string DecisionViewed = "decision.viewed";
    public const string DecisionRecorded = "decision.recorded";
    public const string DecisionUpdated = "decision.updated";

    public static readonly IReadOnlyList<string> All =
    [
        ProceedingViewed, ProceedingCreated, ProceedingUpdated,
        HearingViewed, HearingCreated, HearingUpdated,
        DecisionViewed, DecisionRecorded, DecisionUpdated,
    ];
}
