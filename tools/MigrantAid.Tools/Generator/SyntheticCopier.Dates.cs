using Npgsql;
using NpgsqlTypes;

namespace MigrantAid.Tools.Generator;

/// <summary>Issue 4's tables of a batch: court proceedings, then their hearings, then the cases' deadlines.</summary>
internal static partial class SyntheticCopier
{
    /// <summary>Hearings and deadlines carry their case's office, lead lawyer and caseworker (migrations 0013, 0019) as the triggers would copy them.</summary>
    private static async Task CopyDatesAsync(NpgsqlConnection connection, SyntheticBatch batch, Dictionary<string, (long Rows, TimeSpan Time)> counts, CancellationToken cancellationToken)
    {
        counts["court_proceedings"] = await CopyAsync(connection, "court_proceedings (id, case_id, jurisdiction, court, instance, type, court_case_number, subject, client_role, opened_on, closed_on, challenges_id, created_by, created_at)",
            batch.Proceedings, (w, r) =>
            {
                w.Write(r.Id, NpgsqlDbType.Uuid);
                w.Write(r.CaseId, NpgsqlDbType.Uuid);
                w.Write(r.Jurisdiction, NpgsqlDbType.Varchar);
                w.Write(r.Court, NpgsqlDbType.Varchar);
                w.Write((int)r.Instance, NpgsqlDbType.Integer);
                w.Write((int)r.Type, NpgsqlDbType.Integer);
                Nullable(w, r.CourtCaseNumber, NpgsqlDbType.Varchar);
                w.Write(r.Subject, NpgsqlDbType.Varchar);
                w.Write((int)r.ClientRole, NpgsqlDbType.Integer);
                w.Write(r.OpenedOn, NpgsqlDbType.Date);
                Nullable(w, r.ClosedOn, NpgsqlDbType.Date);
                Nullable(w, r.ChallengesId, NpgsqlDbType.Uuid);
                w.Write(r.CreatedBy, NpgsqlDbType.Uuid);
                w.Write(r.CreatedAt, NpgsqlDbType.TimestampTz);
            }, cancellationToken);

        counts["hearings"] = await CopyAsync(connection, "hearings (id, proceeding_id, case_id, office_id, case_lead_lawyer_id, case_caseworker_id, starts_at, place, result, is_held, created_by, created_at)", batch.Hearings, (w, r) =>
        {
            w.Write(r.Id, NpgsqlDbType.Uuid);
            w.Write(r.ProceedingId, NpgsqlDbType.Uuid);
            w.Write(r.CaseId, NpgsqlDbType.Uuid);
            w.Write(r.OfficeId, NpgsqlDbType.Uuid);
            Nullable(w, r.Lead, NpgsqlDbType.Uuid);
            Nullable(w, r.Caseworker, NpgsqlDbType.Uuid);
            w.Write(r.StartsAt, NpgsqlDbType.TimestampTz);
            Nullable(w, r.Place, NpgsqlDbType.Varchar);
            Nullable(w, r.Result, NpgsqlDbType.Varchar);
            w.Write(r.IsHeld, NpgsqlDbType.Boolean);
            w.Write(r.CreatedBy, NpgsqlDbType.Uuid);
            w.Write(r.CreatedAt, NpgsqlDbType.TimestampTz);
        }, cancellationToken);

        counts["case_deadlines"] = await CopyAsync(connection, "case_deadlines (id, case_id, office_id, case_lead_lawyer_id, case_caseworker_id, kind, title, due_on, computed_on, trigger, trigger_date, source_type, source_id, arithmetic, assignee_id, status, override_reason, closing_note, closed_by, closed_at, created_by, created_at)",
            batch.Deadlines, (w, r) =>
            {
                w.Write(r.Id, NpgsqlDbType.Uuid);
                w.Write(r.CaseId, NpgsqlDbType.Uuid);
                w.Write(r.OfficeId, NpgsqlDbType.Uuid);
                Nullable(w, r.Lead, NpgsqlDbType.Uuid);
                Nullable(w, r.Caseworker, NpgsqlDbType.Uuid);
                w.Write((int)r.Kind, NpgsqlDbType.Integer);
                w.Write(r.Title, NpgsqlDbType.Varchar);
                w.Write(r.DueOn, NpgsqlDbType.Date);
                Nullable(w, r.ComputedOn, NpgsqlDbType.Date);
                Nullable<int>(w, r.Trigger is { } trigger ? (int)trigger : null, NpgsqlDbType.Integer);
                Nullable(w, r.TriggerDate, NpgsqlDbType.Date);
                Nullable(w, r.SourceType, NpgsqlDbType.Varchar);
                Nullable(w, r.SourceId, NpgsqlDbType.Uuid);
                Nullable(w, r.Arithmetic, NpgsqlDbType.Jsonb);
                Nullable(w, r.AssigneeId, NpgsqlDbType.Uuid);
                w.Write((int)r.Status, NpgsqlDbType.Integer);
                Nullable(w, r.OverrideReason, NpgsqlDbType.Varchar);
                Nullable(w, r.ClosingNote, NpgsqlDbType.Varchar);
                Nullable(w, r.ClosedBy, NpgsqlDbType.Uuid);
                Nullable(w, r.ClosedAt, NpgsqlDbType.TimestampTz);
                w.Write(r.CreatedBy, NpgsqlDbType.Uuid);
                w.Write(r.CreatedAt, NpgsqlDbType.TimestampTz);
            }, cancellationToken);
    }
}
