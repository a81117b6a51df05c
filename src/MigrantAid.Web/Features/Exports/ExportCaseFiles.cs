using MigrantAid.Web.Domain.Cases;
using static MigrantAid.Web.Features.Exports.ExportColumn;

namespace MigrantAid.Web.Features.Exports;

/// <summary>The organisation export's files of intakes and cases (<see cref="ExportCatalogue"/>).</summary>
public static class ExportCaseFiles
{
    public static ExportFile[] All => [.. Intakes, .. Cases];

    /// <summary>Intakes and who the complaints are against.</summary>
    public static ExportFile[] Intakes =>
    [
        new("intakes.csv", "intakes", "First interviews (intakes), accepted, rejected or still open.", ["id"],
        [
            Id("id", "Intake id (cases.csv intake_id)."),
            Id("office_id", "Office (offices.csv id)."),
            Id("client_id", "Client (clients.csv id), empty while not chosen."),
            Enum<IntakeStatus>("status", "Status of the intake."),
            Enum<IntakeStep>("step", "Last step of the intake form reached."),
            Text("category_ids", "Categories chosen at intake (categories.csv ids), separated by \";\".", "array_to_string(t.category_ids, ';')"),
            Text("incident_country", "ISO code of the country where it happened, empty when unknown."),
            Date("incident_from", "Start of what happened"),
            Date("incident_to", "End of what happened"),
            Bool("in_detention", "The client was in detention at intake."),
            Bool("imminent_expulsion", "Expulsion was imminent at intake."),
            Bool("separated_child", "A child separated from their parents."),
            Bool("no_documents", "The client had no identity documents at intake."),
            Instant("response_due_at", "By when someone had to be assigned."),
            Id("created_by", "Who took the intake (users.csv id)."),
            Instant("created_at", "When the intake was started."),
            Instant("submitted_at", "When it was submitted for a decision."),
            Instant("decided_at", "When it was accepted or rejected."),
            Id("decided_by", "Who decided (users.csv id)."),
            Enum<RejectionReason>("rejection_reason", "Why it was rejected, empty otherwise."),
        ], ["the client's account of what happened", "the client's wishes", "the rejection note", "the city where it happened (free text)"]),

        new("respondents.csv", "respondents", "Who complaints are against (employers, agencies, official bodies).", ["id"],
        [
            Id("id", "Respondent id."),
            Id("intake_id", "Intake (intakes.csv id)."),
            Enum<RespondentType>("type", "Kind of respondent."),
            Enum<Sector>("sector", "Economic sector, empty when not given."),
        ], ["the respondent's name (it may be a private person)"]),
    ];

    /// <summary>Cases: who is involved, their categories, timeline and documents (metadata).</summary>
    public static ExportFile[] Cases =>
    [
        new("cases.csv", "cases", "Cases.", ["id"],
        [
            Id("id", "Case id (referenced as case_id)."),
            Text("reference", "Case reference, e.g. SPB-2026-0042."),
            Id("office_id", "Office (offices.csv id)."),
            Id("intake_id", "Intake the case was opened from (intakes.csv id)."),
            Text("title", "Short label of the case (no narrative); empty for a sealed case.", "CASE WHEN t.is_sealed THEN '' ELSE t.title END"),
            Enum<CaseStatus>("status", "Status."),
            Enum<CasePriority>("priority", "Priority."),
            Bool("is_urgent", "Urgent case."),
            Bool("is_confidential", "Visible only to its assigned people and coordinators."),
            Bool("is_sealed", "Sealed: visible only to the people named on it, each view with a reason. Its facts are exported, its title is not."),
            Id("principal_client_id", "Principal client (clients.csv id)."),
            Id("caseworker_id", "Caseworker (users.csv id), empty when none."),
            Id("lead_lawyer_id", "Lead lawyer (users.csv id), empty when none."),
            Date("opened_on", "Opening date"),
            Date("closed_on", "Closing date, empty while open"),
            Enum<CaseOutcome>("outcome", "Outcome, empty while open."),
            Instant("created_at", "When the case was created."),
            Instant("updated_at", "When the case was last changed."),
        ], ["the outcome note", "the timeline's notes and change details (see case_events.csv)", "the title of a sealed case, and who is named on it"]),

        new("case_clients.csv", "case_clients", "Clients of each case.", ["case_id", "client_id"],
        [
            Id("case_id", "Case (cases.csv id)."),
            Id("client_id", "Client (clients.csv id)."),
            Enum<CaseClientRole>("role", "The client's role in the case."),
        ], []),

        new("case_lawyers.csv", "case_lawyers", "Further lawyers assigned to each case.", ["case_id", "user_id"],
        [
            Id("case_id", "Case (cases.csv id)."),
            Id("user_id", "Lawyer (users.csv id)."),
        ], []),

        new("case_categories.csv", "case_categories", "Categories of each case.", ["case_id", "category_id"],
        [
            Id("case_id", "Case (cases.csv id)."),
            Number("category_id", "Category (categories.csv id)."),
        ], []),

        new("case_events.csv", "case_events", "Timeline of each case: what kind of event happened, when and by whom.", ["id"],
        [
            Number("id", "Event id."),
            Id("case_id", "Case (cases.csv id)."),
            Instant("occurred_at", "When it happened."),
            Id("actor_id", "Who did it (users.csv id)."),
            Enum<CaseEventKind>("kind", "Kind of event."),
            Enum<NoteKind>("note_kind", "Kind of note, for notes; empty otherwise."),
        ], ["the text of notes", "the details of changes (old and new values)"]),

        new("case_documents.csv", "case_documents", "Files attached to cases (their metadata only).", ["id"],
        [
            Id("id", "Document id (decisions.csv document)."),
            Id("case_id", "Case (cases.csv id)."),
            Text("content_type", "File type, e.g. application/pdf."),
            Number("size", "Size in bytes."),
            Id("uploaded_by", "Who uploaded it (users.csv id)."),
            Instant("uploaded_at", "When it was uploaded."),
        ], ["the file name (it often names the person)", "the file's content"]),
    ];
}
