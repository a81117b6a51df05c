using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;
using static MigrantAid.Web.Features.Exports.ExportColumn;

namespace MigrantAid.Web.Features.Exports;

/// <summary>The organisation export's files of court work (<see cref="ExportCatalogue"/>).</summary>
public static class ExportCourtFiles
{
    public static ExportFile[] All => [.. Proceedings, .. Deadlines];

    /// <summary>Court proceedings, hearings and decisions.</summary>
    public static ExportFile[] Proceedings =>
    [
        new("proceedings.csv", "court_proceedings", "Court proceedings of cases.", ["id"],
        [
            Id("id", "Proceeding id."),
            Id("case_id", "Case (cases.csv id)."),
            Text("jurisdiction", "ISO code of the court's country."),
            Text("court", "Court."),
            Enum<CourtInstance>("instance", "Instance."),
            Enum<ProceedingType>("type", "Type of proceeding."),
            Enum<ProceedingClientRole>("client_role", "The client's role in the proceeding."),
            Date("opened_on", "Opening date"),
            Date("closed_on", "Closing date, empty while open"),
            Id("challenges_id", "The proceeding this one challenges (proceedings.csv id), empty for a first instance."),
            Instant("created_at", "When it was recorded."),
        ], ["the court's case number (it identifies the person's case)", "the judge's name", "the subject (free text)"]),

        new("hearings.csv", "hearings", "Hearings of proceedings.", ["id"],
        [
            Id("id", "Hearing id."),
            Id("proceeding_id", "Proceeding (proceedings.csv id)."),
            Id("case_id", "Case (cases.csv id)."),
            Instant("starts_at", "When the hearing starts."),
            Bool("is_held", "The hearing has been held (or cancelled) and its result recorded."),
        ], ["the place and the result (free text)"]),

        new("decisions.csv", "court_decisions", "Court decisions.", ["id"],
        [
            Id("id", "Decision id."),
            Id("proceeding_id", "Proceeding (proceedings.csv id)."),
            Id("case_id", "Case (cases.csv id)."),
            Date("decided_on", "Date of the decision"),
            Date("final_form_on", "Date of the decision in its final (reasoned) form"),
            Date("received_on", "Date our side received the copy"),
            Enum<DecisionOutcome>("outcome", "Outcome."),
            Id("document_id", "The decision's file (case_documents.csv id), empty when none."),
        ], ["the summary (free text)"]),
    ];

    /// <summary>Deadline rules and deadlines.</summary>
    public static ExportFile[] Deadlines =>
    [
        new("deadline_rules.csv", "deadline_rules", "Rules that compute procedural deadlines.", ["id"],
        [
            Number("id", "Rule id (deadlines.csv rule_id)."),
            Text("name", "Name of the rule."),
            Text("name_ru", "Name of the rule in Russian, empty when not translated."),
            Text("forum", "Country code (national courts) or international body."),
            Text("procedure", "Procedure the rule belongs to."),
            Enum<TriggerEvent>("trigger", "Event the period runs from."),
            Number("period", "Length of the period."),
            Enum<PeriodUnit>("unit", "Unit of the period."),
            Text("legal_basis", "Legal basis."),
            Text("legal_basis_ru", "Legal basis in Russian, empty when not translated."),
            Bool("is_active", "False when the rule is no longer applied."),
        ], ["the rule's notes"]),

        new("deadlines.csv", "case_deadlines", "Deadlines and tasks of cases.", ["id"],
        [
            Id("id", "Deadline id."),
            Id("case_id", "Case (cases.csv id)."),
            Enum<DeadlineKind>("kind", "Kind."),
            Date("due_on", "Due date"),
            Date("computed_on", "Date the rule computed, when it was overridden"),
            Number("rule_id", "Rule that computed it (deadline_rules.csv id), empty for manual deadlines."),
            Enum<TriggerEvent>("trigger", "Event it runs from, empty for manual deadlines."),
            Date("trigger_date", "Date of that event"),
            Text("source_type", "What recorded the event (decision, submission, hearing...)."),
            Id("assignee_id", "Who must act (users.csv id); empty: the case's lawyers."),
            Enum<DeadlineStatus>("status", "Status."),
            Id("closed_by", "Who closed it (users.csv id)."),
            Instant("closed_at", "When it was closed."),
            Instant("created_at", "When it was created."),
        ], ["the title (it may be typed by hand)", "the computation steps", "the reason for an override", "the closing note"]),
    ];
}
