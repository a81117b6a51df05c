using MigrantAid.Web.Domain.International;
using static MigrantAid.Web.Features.Exports.ExportColumn;

namespace MigrantAid.Web.Features.Exports;

/// <summary>The organisation export's files of international work (<see cref="ExportCatalogue"/>).</summary>
public static class ExportInternationalFiles
{
    public static ExportFile[] All => [.. Submissions, .. Recommendations];

    /// <summary>Submissions to international bodies, their clients and follow-up rounds.</summary>
    public static ExportFile[] Submissions =>
    [
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
            Date("interim_measures_requested_on", "Date interim measures were requested"),
            Bool("interim_measures_granted", "The committee granted the interim measures (empty: no answer yet)."),
            Date("follow_up_comments_requested_on", "Date the committee asked for our comments on the state's follow-up reply"),
            Date("follow_up_closed_on", "Date the follow-up was closed"),
            Instant("created_at", "When it was recorded."),
        ], ["the body's reference number (it identifies the person's communication)", "notes"]),

        new("submission_clients.csv", "submission_clients", "Clients each submission is for (among its case's clients).", ["submission_id", "client_id"],
        [
            Id("submission_id", "Submission (international_submissions.csv id)."),
            Id("client_id", "Client (clients.csv id)."),
        ], []),

        new("follow_up_rounds.csv", "follow_up_rounds", "The committee's follow-up assessments of a submission, round by round.", ["id"],
        [
            Id("id", "Assessment id."),
            Id("submission_id", "Submission (international_submissions.csv id)."),
            Number("round", "Round of the follow-up, from 1."),
            Date("assessed_on", "Date of the committee's assessment"),
            Enum<FollowUpGrade>("grade", "Grade given (A to E)."),
            Id("recorded_by", "Who recorded it (users.csv id)."),
            Instant("recorded_at", "When it was recorded."),
        ], ["the note on the assessment"]),
    ];

    /// <summary>Accepted procedures and recommendations with their links to cases.</summary>
    public static ExportFile[] Recommendations =>
    [
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
}
