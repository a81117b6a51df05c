using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Domain.Proceedings;
using static MigrantAid.Web.Features.Exports.ExportColumn;

namespace MigrantAid.Web.Features.Exports;

/// <summary>
/// Every file of the organisation export, in the order written. What a file leaves out is listed with
/// it (and in the README): no narratives (accounts, wishes, notes, summaries, free-text results) and no
/// contact data or names of the people we help anywhere. Staff names are kept (users.csv), so that
/// caseloads can be read; their e-mails, phones and password hashes are not.
/// </summary>
public static class ExportCatalogue
{
    public static readonly IReadOnlyList<ExportFile> Files =
    [
        new("offices.csv", "offices", "The organisation's offices.", ["id"],
        [
            Id("id", "Office id."),
            Text("code", "Prefix of the office's case references (may be empty)."),
            Text("name", "Office name."),
            Text("city", "City of the office."),
            Text("country_code", "ISO 3166-1 alpha-2 country of the office."),
            Text("time_zone_id", "IANA time zone the office's dates are shown in."),
            Instant("created_at", "When the office was created."),
        ], []),

        new("users.csv", "users", "Staff accounts.", ["id"],
        [
            Id("id", "User id (referenced by other files as *_by, caseworker_id, lead_lawyer_id, user_id, assignee_id)."),
            Text("full_name", "Staff member's name."),
            Text("roles", "Roles, separated by \";\" (Admin, Coordinator, Lawyer, Caseworker).",
                "(SELECT string_agg(r.name, ';' ORDER BY r.name) FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = t.id)"),
            Id("office_id", "Office of the user (offices.csv id), empty when none."),
            Bool("is_active", "False when the account is disabled."),
            Text("preferred_language", "Portal language (en or ru)."),
            Instant("created_at", "When the account was created."),
        ], ["e-mail address and user name", "phone number", "password hash, security stamps, two-factor and lockout data"]),

        new("categories.csv", "complaint_categories", "Complaint categories of cases.", ["id"],
        [
            Number("id", "Category id."),
            Text("code", "Stable code, e.g. labour.unpaid-wages."),
            Text("group_code", "Group, e.g. labour, detention, documents, children."),
            Text("name_en", "Name in English."),
            Text("name_ru", "Name in Russian."),
            Number("sort_order", "Position in lists."),
            Bool("is_active", "False when the category is no longer offered for new cases."),
        ], []),

        new("clients.csv", "clients", "People the organisation helps, without anything that names or reaches them.", ["id"],
        [
            Id("id", "Client id (referenced as client_id)."),
            Id("office_id", "Office that registered the client (offices.csv id)."),
            Number("birth_year", "Year of birth (exact or estimated), empty when unknown."),
            Enum<Sex>("sex", "Sex."),
            Text("citizenship", "ISO 3166-1 alpha-2 code of citizenship, XX for stateless, empty when unknown."),
            Text("current_country", "ISO code of the country the client lives in now, empty when unknown."),
            Text("languages", "Languages the client speaks, as typed."),
            Flags<Vulnerability>("vulnerabilities", "Vulnerabilities recorded."),
            Enum<ConsentStatus>("consent_status", "Current consent to data processing."),
            Instant("created_at", "When the client was registered."),
        ], ["name, patronymic, Latin name, search keys and aliases", "exact date of birth (only the year is exported)", "current city", "every contact (phones, e-mails, messengers, addresses) and contact notes"]),

        new("client_documents.csv", "migration_documents", "Migration documents of clients (passport, patent, registration...).", ["id"],
        [
            Id("id", "Document record id."),
            Id("client_id", "Client (clients.csv id)."),
            Enum<MigrationDocumentType>("type", "Kind of document."),
            Text("issuing_country", "ISO code of the issuing country, empty when unknown."),
            Date("issued_on", "Issue date"),
            Date("expires_on", "Expiry date"),
        ], ["document number (it identifies the person)"]),

        new("client_stays.csv", "stay_periods", "Periods of stay of clients in a country.", ["id"],
        [
            Id("id", "Stay record id."),
            Id("client_id", "Client (clients.csv id)."),
            Text("country", "ISO code of the country of stay."),
            Date("entry_date", "Date of entry"),
            Date("exit_date", "Date of exit, empty while the client is still there"),
        ], []),

        new("client_consents.csv", "consent_records", "History of clients' consent to data processing.", ["id"],
        [
            Id("id", "Consent record id."),
            Id("client_id", "Client (clients.csv id)."),
            Enum<ConsentStatus>("status", "Consent given, refused or withdrawn."),
            Date("date", "Date of the consent decision"),
            Id("recorded_by", "Who recorded it (users.csv id)."),
            Instant("recorded_at", "When it was recorded."),
        ], ["scope of the consent (free text)"]),

        new("family_links.csv", "family_links", "Family links between clients (stored in both directions).", ["client_id", "related_client_id"],
        [
            Id("client_id", "Client (clients.csv id)."),
            Id("related_client_id", "Related client (clients.csv id)."),
            Enum<FamilyRelation>("relation", "What the related client is to the client."),
        ], []),

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

        new("cases.csv", "cases", "Cases.", ["id"],
        [
            Id("id", "Case id (referenced as case_id)."),
            Text("reference", "Case reference, e.g. SPB-2026-0042."),
            Id("office_id", "Office (offices.csv id)."),
            Id("intake_id", "Intake the case was opened from (intakes.csv id)."),
            Text("title", "Short label of the case (no narrative)."),
            Enum<CaseStatus>("status", "Status."),
            Enum<CasePriority>("priority", "Priority."),
            Bool("is_urgent", "Urgent case."),
            Bool("is_confidential", "Visible only to its assigned people and coordinators."),
            Id("principal_client_id", "Principal client (clients.csv id)."),
            Id("caseworker_id", "Caseworker (users.csv id), empty when none."),
            Id("lead_lawyer_id", "Lead lawyer (users.csv id), empty when none."),
            Date("opened_on", "Opening date"),
            Date("closed_on", "Closing date, empty while open"),
            Enum<CaseOutcome>("outcome", "Outcome, empty while open."),
            Instant("created_at", "When the case was created."),
            Instant("updated_at", "When the case was last changed."),
        ], ["the outcome note", "the timeline's notes and change details (see case_events.csv)"]),

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

        new("deadline_rules.csv", "deadline_rules", "Rules that compute procedural deadlines.", ["id"],
        [
            Number("id", "Rule id (deadlines.csv rule_id)."),
            Text("name", "Name of the rule."),
            Text("forum", "Country code (national courts) or international body."),
            Text("procedure", "Procedure the rule belongs to."),
            Enum<TriggerEvent>("trigger", "Event the period runs from."),
            Number("period", "Length of the period."),
            Enum<PeriodUnit>("unit", "Unit of the period."),
            Text("legal_basis", "Legal basis."),
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

        new("international_submissions.csv", "international_submissions", "Submissions to international bodies.", ["id"],
        [
            Id("id", "Submission id."),
            Id("case_id", "Case (cases.csv id)."),
            Enum<InternationalBody>("body", "Body."),
            Enum<SubmissionKind>("kind", "Kind of submission."),
            Text("state_concerned", "ISO code of the state concerned."),
            Date("submitted_on", "Submission date"),
            Date("registered_on", "Registration date"),
            Date("interim_measures_on", "Date interim measures were requested or granted"),
            Date("state_observations_on", "Date of the state's observations"),
            Date("comments_due_on", "Date our comments are due"),
            Date("final_decision_on", "Date of the final decision"),
            Enum<SubmissionResult>("result", "Result."),
            Enum<FollowUpStatus>("follow_up", "Follow-up of the decision."),
            Instant("created_at", "When it was recorded."),
        ], ["the body's reference number (it identifies the person's communication)", "notes"]),

        new("accepted_procedures.csv", "accepted_procedures", "Individual-complaint procedures each state has accepted.", ["id"],
        [
            Number("id", "Row id."),
            Text("state", "ISO code of the state."),
            Enum<InternationalBody>("body", "Body."),
            Enum<TreatyProcedure>("procedure", "Procedure."),
            Bool("is_accepted", "The state accepts the procedure."),
            Number("since_year", "Year of acceptance, when known."),
        ], ["notes"]),

        new("recommendations.csv", "recommendations", "Recommendations of UN bodies and the UPR to states (public texts).", ["id"],
        [
            Number("id", "Recommendation id."),
            Enum<InternationalBody>("body", "Body."),
            Text("state", "ISO code of the state addressed."),
            Text("cycle", "UPR cycle or session."),
            Number("year", "Year."),
            Text("paragraph", "Paragraph number in the body's document."),
            Text("text_en", "Text in English, as published."),
            Text("text_ru", "Text in Russian, as published."),
            Text("recommending_state", "State that made the recommendation (UPR)."),
            Text("source", "Document symbol or publication."),
            Enum<RecommendationResponse>("response", "The state's response."),
            Enum<ImplementationStatus>("status", "Latest implementation status."),
            Date("status_on", "Date of the latest assessment"),
        ], []),

        new("recommendation_themes.csv", "recommendation_themes", "Themes of recommendations.", ["recommendation_id", "theme"],
        [
            Number("recommendation_id", "Recommendation (recommendations.csv id)."),
            Enum<RecommendationTheme>("theme", "Theme."),
        ], []),

        new("recommendation_assessments.csv", "recommendation_assessments", "Dated assessments of how far recommendations are implemented.", ["id"],
        [
            Id("id", "Assessment id."),
            Number("recommendation_id", "Recommendation (recommendations.csv id)."),
            Date("assessed_on", "Date of the assessment"),
            Enum<ImplementationStatus>("status", "Implementation status found."),
            Id("assessed_by", "Who assessed it (users.csv id)."),
            Instant("recorded_at", "When it was recorded."),
        ], ["the note"]),

        new("case_recommendations.csv", "case_recommendations", "Cases linked to recommendations as evidence.", ["case_id", "recommendation_id"],
        [
            Id("case_id", "Case (cases.csv id)."),
            Number("recommendation_id", "Recommendation (recommendations.csv id)."),
            Id("linked_by", "Who linked them (users.csv id)."),
            Instant("linked_at", "When they were linked."),
        ], ["the note on the link"]),
    ];

    /// <summary>Left out of every file, whatever the table.</summary>
    public static readonly IReadOnlyList<string> LeftOutEverywhere =
    [
        "names, contacts (phones, e-mails, addresses, messengers) and contact notes of clients",
        "narratives: intake accounts and wishes, case notes and timeline texts, outcome notes, decision summaries, hearing results, deadline notes, submission and link notes",
        "uploaded files and their names",
        "the audit log, notifications, sign-in data and the portal's keys",
    ];
}
