using System.Net;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Exports;

namespace MigrantAid.Tests.Security;

/// <summary>The kinds of stored records a page can be about; RecordCatalog loads the seeded ones.</summary>
public enum RecordKind
{
    Case,
    Client,
    Intake,
    Deadline,
    DeadlineEvent,
    Proceeding,
    Hearing,
    Decision,
    Submission,
    Document,
    Office,
    User,
    Category,
    DeadlineRule,
    Recommendation,
    TreatyAcceptance,
    Export,
}

/// <summary>
/// A GET page about one record (a route with a record parameter): which records fill it, and, where
/// the page has a rule of its own beyond "may see the record", that rule. The expected answer is
/// computed by AccessMatrixTests from the portal's own rules; this table only says which rule applies.
/// Adding a record page = one line here (AccessMatrixTests fails for a record route missing from it).
/// </summary>
public sealed record RecordPage(string Route, RecordKind Kind, RecordPage.Rule? OwnRule = null)
{
    /// <summary>The answer for a user who may see the record, where it is not simply 200 (null: 200).</summary>
    public delegate HttpStatusCode? Rule(RecordRow record, Web.Security.Viewer viewer);

    /// <summary>Routes with a parameter that are not record pages, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotRecordPages = new Dictionary<string, string>
    {
        ["/error/{code:int}"] = "the parameter is an HTTP status code, not a record",
        ["/calendar/feed/{file}"] = "the secret feed address is the credential (Desk/CalendarFeedTests)",
        ["/privacy/retention/due/{kind}"] = "the parameter is a kind of record the retention schedule keeps, not a record (administrators only)",
        ["/saved-filters/{id:guid}/rename"] = "a user's own saved filter, never a case or client record; another user's is 404 (Lists/SavedFiltersTests)",
        ["/saved-filters/{id:guid}/delete"] = "a user's own saved filter, never a case or client record; another user's is 404 (Lists/SavedFiltersTests)",
        ["/cases/export-requests/{id:guid}/download"] = "a user's own approved export request, never a case or client record; another user's is 404 (Exports/ExportApprovalTests)",
    };

    public static readonly IReadOnlyList<RecordPage> All =
    [
        new("/cases/{id:guid}", RecordKind.Case),
        new("/cases/{id:guid}/summary", RecordKind.Case),
        new("/cases/{id:guid}/edit", RecordKind.Case),
        new("/cases/{id:guid}/close", RecordKind.Case),
        new("/cases/{id:guid}/reopen", RecordKind.Case),
        new("/cases/{id:guid}/assign", RecordKind.Case, (r, v) => Web.Security.CaseAccess.CanAssign(r.Case!, v) ? null : HttpStatusCode.Forbidden),
        new("/cases/{id:guid}/clients/add", RecordKind.Case),
        new("/cases/{id:guid}/seal", RecordKind.Case),
        new("/cases/{id:guid}/reason", RecordKind.Case, (r, _) => r.Case!.IsSealed ? null : HttpStatusCode.Redirect),
        new("/cases/{caseId:guid}/deadlines/new", RecordKind.Case),
        new("/cases/{caseId:guid}/deadlines/task", RecordKind.Case),
        new("/cases/{caseId:guid}/deadlines/event", RecordKind.Case),
        new("/cases/{caseId:guid}/proceedings/new", RecordKind.Case),
        new("/cases/{caseId:guid}/submissions/new", RecordKind.Case),
        new("/cases/{caseId:guid}/recommendations/link", RecordKind.Case),
        new("/cases/{caseId:guid}/deadlines/events/{eventId:guid}", RecordKind.DeadlineEvent),
        new("/cases/{caseId:guid}/deadlines/{deadlineId:guid}/move", RecordKind.Deadline),
        new("/cases/{caseId:guid}/deadlines/{deadlineId:guid}/done", RecordKind.Deadline),
        new("/cases/{caseId:guid}/deadlines/{deadlineId:guid}/dismiss", RecordKind.Deadline),
        new("/cases/{caseId:guid}/proceedings/{id:guid}/edit", RecordKind.Proceeding),
        new("/cases/{caseId:guid}/proceedings/{id:guid}/hearings/new", RecordKind.Proceeding),
        new("/cases/{caseId:guid}/proceedings/{id:guid}/decisions/new", RecordKind.Proceeding),
        new("/cases/{caseId:guid}/proceedings/{id:guid}/hearings/{hearingId:guid}/edit", RecordKind.Hearing),
        new("/cases/{caseId:guid}/proceedings/{id:guid}/decisions/{decisionId:guid}/edit", RecordKind.Decision),
        new("/cases/{caseId:guid}/submissions/{id:guid}", RecordKind.Submission),
        new("/cases/{caseId:guid}/submissions/{id:guid}/edit", RecordKind.Submission),
        new("/cases/{caseId:guid}/submissions/{id:guid}/follow-up/assess", RecordKind.Submission),
        new("/cases/{caseId:guid}/submissions/{id:guid}/follow-up/close", RecordKind.Submission),
        new("/cases/{id:guid}/documents/{documentId:guid}", RecordKind.Document),

        new("/clients/{id:guid}", RecordKind.Client),
        new("/clients/{id:guid}/edit", RecordKind.Client),
        new("/clients/{id:guid}/aliases/new", RecordKind.Client),
        new("/clients/{id:guid}/contacts/new", RecordKind.Client),
        new("/clients/{id:guid}/documents/new", RecordKind.Client),
        new("/clients/{id:guid}/stays/new", RecordKind.Client),
        new("/clients/{id:guid}/consent/new", RecordKind.Client),
        new("/clients/{id:guid}/family/new", RecordKind.Client),
        new("/clients/{id:guid}/erase", RecordKind.Client, (_, v) => v.IsCoordinator ? null : HttpStatusCode.NotFound),

        new("/intakes/{id:guid}", RecordKind.Intake),
        new("/intakes/{id:guid}/client", RecordKind.Intake, IntakeStep),
        new("/intakes/{id:guid}/complaint", RecordKind.Intake, IntakeStep),
        new("/intakes/{id:guid}/consent", RecordKind.Intake, IntakeStep),
        new("/intakes/{id:guid}/triage", RecordKind.Intake, IntakeStep),

        new("/offices/{id:guid}/edit", RecordKind.Office),
        new("/users/{id:guid}/edit", RecordKind.User),
        new("/categories/{id:int}/edit", RecordKind.Category),
        new("/deadline-rules/{id:int}/edit", RecordKind.DeadlineRule),
        new("/recommendations/{id:int}", RecordKind.Recommendation),
        new("/recommendations/{id:int}/edit", RecordKind.Recommendation),
        new("/treaty-acceptance/{id:int}/edit", RecordKind.TreatyAcceptance),
        new("/exports/{id:guid}", RecordKind.Export),
        new("/exports/{id:guid}/status", RecordKind.Export),
        new("/exports/{id:guid}/download", RecordKind.Export, (r, _) => r.State == nameof(OrganisationExportStatus.Completed) ? null : HttpStatusCode.NotFound),
    ];

    /// <summary>An intake step of a decided intake leads back to the intake's page (IntakeController.Step).</summary>
    private static HttpStatusCode? IntakeStep(RecordRow record, Web.Security.Viewer viewer) =>
        record.State is nameof(IntakeStatus.Draft) or nameof(IntakeStatus.Submitted) ? null : HttpStatusCode.Redirect;
}
