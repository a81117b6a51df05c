using Npgsql;
using NpgsqlTypes;
using static MigrantAid.Tools.Generator.BulkCopy;

namespace MigrantAid.Tools.Generator;

/// <summary>Issue 4's tables of a batch: court proceedings, then their hearings, then the cases' deadlines. Hearings and deadlines carry their case's office, lead lawyer and caseworker (migrations 0013, 0019) as the triggers would copy them.</summary>
internal static class DateCopier
{
    public static async Task CopyAsync(NpgsqlConnection connection, SyntheticBatch batch, Dictionary<string, (long Rows, TimeSpan Time)> counts, CancellationToken cancellationToken)
    {
        counts["court_proceedings"] = await BulkCopy.CopyAsync(connection, "court_proceedings (id, case_id, jurisdiction, court, instance, type, court_case_number, subject, client_role, opened_on, closed_on, challenges_id, created_by, created_at)", batch.Proceedings, WriteCourtProceedings, cancellationToken);
        counts["hearings"] = await BulkCopy.CopyAsync(connection, "hearings (id, proceeding_id, case_id, office_id, case_lead_lawyer_id, case_caseworker_id, starts_at, place, result, is_held, created_by, created_at)", batch.Hearings, WriteHearings, cancellationToken);
        counts["case_deadlines"] = await BulkCopy.CopyAsync(connection, "case_deadlines (id, case_id, office_id, case_lead_lawyer_id, case_caseworker_id, kind, title, due_on, computed_on, trigger, trigger_date, source_type, source_id, arithmetic, assignee_id, status, override_reason, closing_note, closed_by, closed_at, created_by, created_at)", batch.Deadlines, WriteCaseDeadlines, cancellationToken);
    }

    private static void WriteCourtProceedings(NpgsqlBinaryImporter w, ProceedingRow r)
    {
        w.Write(r.Id, NpgsqlDbType.Uuid);
        w.Write(r.CaseId, NpgsqlDbType.Uuid);
        w.Write(r.Jurisdiction, NpgsqlDbType.Varchar);
        w.Write(r.Court, NpgsqlDbType.Varchar);
        w.Write((int)r.Instance, NpgsqlDbType.Integer);
        w.Write((int)r.Type, NpgsqlDbType.Integer);
        WriteOrNull(w, r.CourtCaseNumber, NpgsqlDbType.Varchar);
        w.Write(r.Subject, NpgsqlDbType.Varchar);
        w.Write((int)r.ClientRole, NpgsqlDbType.Integer);
        w.Write(r.OpenedOn, NpgsqlDbType.Date);
        WriteOrNull(w, r.ClosedOn, NpgsqlDbType.Date);
        WriteOrNull(w, r.ChallengesId, NpgsqlDbType.Uuid);
        w.Write(r.CreatedBy, NpgsqlDbType.Uuid);
        w.Write(r.CreatedAt, NpgsqlDbType.TimestampTz);
    }

    private static void WriteHearings(NpgsqlBinaryImporter w, HearingRow r)
    {
        w.Write(r.Id, NpgsqlDbType.Uuid);
        w.Write(r.ProceedingId, NpgsqlDbType.Uuid);
        w.Write(r.CaseId, NpgsqlDbType.Uuid);
        w.Write(r.OfficeId, NpgsqlDbType.Uuid);
        WriteOrNull(w, r.Lead, NpgsqlDbType.Uuid);
        WriteOrNull(w, r.Caseworker, NpgsqlDbType.Uuid);
        w.Write(r.StartsAt, NpgsqlDbType.TimestampTz);
        WriteOrNull(w, r.Place, NpgsqlDbType.Varchar);
        WriteOrNull(w, r.Result, NpgsqlDbType.Varchar);
        w.Write(r.IsHeld, NpgsqlDbType.Boolean);
        w.Write(r.CreatedBy, NpgsqlDbType.Uuid);
        w.Write(r.CreatedAt, NpgsqlDbType.TimestampTz);
    }

    private static void WriteCaseDeadlines(NpgsqlBinaryImporter w, DeadlineRow r)
    {
        w.Write(r.Id, NpgsqlDbType.Uuid);
        w.Write(r.CaseId, NpgsqlDbType.Uuid);
        w.Write(r.OfficeId, NpgsqlDbType.Uuid);
        WriteOrNull(w, r.Lead, NpgsqlDbType.Uuid);
        WriteOrNull(w, r.Caseworker, NpgsqlDbType.Uuid);
        w.Write((int)r.Kind, NpgsqlDbType.Integer);
        w.Write(r.Title, NpgsqlDbType.Varchar);
        w.Write(r.DueOn, NpgsqlDbType.Date);
        WriteOrNull(w, r.ComputedOn, NpgsqlDbType.Date);
        WriteOrNull<int>(w, r.Trigger is { } trigger ? (int)trigger : null, NpgsqlDbType.Integer);
        WriteOrNull(w, r.TriggerDate, NpgsqlDbType.Date);
        WriteOrNull(w, r.SourceType, NpgsqlDbType.Varchar);
        WriteOrNull(w, r.SourceId, NpgsqlDbType.Uuid);
        WriteOrNull(w, r.Arithmetic, NpgsqlDbType.Jsonb);
        WriteOrNull(w, r.AssigneeId, NpgsqlDbType.Uuid);
        w.Write((int)r.Status, NpgsqlDbType.Integer);
        WriteOrNull(w, r.OverrideReason, NpgsqlDbType.Varchar);
        WriteOrNull(w, r.ClosingNote, NpgsqlDbType.Varchar);
        WriteOrNull(w, r.ClosedBy, NpgsqlDbType.Uuid);
        WriteOrNull(w, r.ClosedAt, NpgsqlDbType.TimestampTz);
        w.Write(r.CreatedBy, NpgsqlDbType.Uuid);
        w.Write(r.CreatedAt, NpgsqlDbType.TimestampTz);
    }
}
