namespace MigrantAid.Web.Security.Audit;

/// <summary>
/// Audit actions of intake and case work. Kept here until they are folded into
/// <see cref="Domain.AuditActions"/>; <see cref="All"/> lists every one of them.
/// </summary>
public static class CaseAuditActions
{
    public const string IntakeCreated = "intake.created";
    public const string IntakeViewed = "intake.viewed";
    public const string IntakeUpdated = "intake.updated";
    public const string IntakeSubmitted = "intake.submitted";
    public const string IntakeAccepted = "intake.accepted";
    public const string IntakeRejected = "intake.rejected";
    public const string IntakeReopened = "intake.reopened";
    public const string ClientCreated = "client.created";
    public const string ClientConsentRecorded = "client.consent-recorded";
    public const string CaseOpened = "case.opened";
    public const string CaseViewed = "case.viewed";
    public const string CaseNoteAdded = "case.note-added";
    public const string CaseStatusChanged = "case.status-changed";
    public const string CaseClosed = "case.closed";
    public const string CaseReopened = "case.reopened";
    public const string CaseAssigned = "case.assigned";
    public const string CaseUpdated = "case.updated";
    public const string CaseClientAdded = "case.client-added";

    /// <summary>The printable summary was opened: a view of the case, recorded apart (with whether the account was included).</summary>
    public const string CaseSummaryPrinted = "case.summary-printed";

    public static readonly IReadOnlyList<string> All =
    [
        IntakeCreated, IntakeViewed, IntakeUpdated, IntakeSubmitted, IntakeAccepted, IntakeRejected, IntakeReopened,
        ClientCreated, ClientConsentRecorded,
        CaseOpened, CaseViewed, CaseNoteAdded, CaseStatusChanged, CaseClosed, CaseReopened, CaseAssigned, CaseUpdated, CaseClientAdded, CaseSummaryPrinted,
    ];
}
