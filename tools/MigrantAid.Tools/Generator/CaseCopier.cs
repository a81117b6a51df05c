using MigrantAid.Web.Data.Encryption;
using Npgsql;
using NpgsqlTypes;
using static MigrantAid.Tools.Generator.BulkCopy;

namespace MigrantAid.Tools.Generator;

/// <summary>The cases of a batch, then their clients, lawyers, categories, timeline and documents.</summary>
internal static class CaseCopier
{
    public static async Task CopyAsync(NpgsqlConnection connection, SyntheticBatch batch, FieldCipher cipher, Dictionary<string, (long Rows, TimeSpan Time)> counts, CancellationToken cancellationToken)
    {
        counts["cases"] = await BulkCopy.CopyAsync(connection, "cases (id, reference, office_id, year, number, intake_id, title, status, priority, is_urgent, is_confidential, is_sealed, principal_client_id, caseworker_id, lead_lawyer_id, opened_on, closed_on, outcome, outcome_note, created_at, updated_at)", batch.Cases, WriteCases, cancellationToken);
        counts["case_clients"] = await BulkCopy.CopyAsync(connection, "case_clients (case_id, client_id, role)", batch.CaseClients, WriteCaseClients, cancellationToken);
        counts["case_lawyers"] = await BulkCopy.CopyAsync(connection, "case_lawyers (case_id, user_id)", batch.CaseLawyers, WriteCaseLawyers, cancellationToken);
        counts["case_categories"] = await BulkCopy.CopyAsync(connection, "case_categories (case_id, category_id)", batch.CaseCategories, WriteCaseCategories, cancellationToken);
        counts["case_events"] = await BulkCopy.CopyAsync(connection, "case_events (case_id, occurred_at, actor_id, kind, note_kind, text, details)", batch.CaseEvents, (w, r) => WriteCaseEvents(w, r, cipher), cancellationToken);
        counts["case_documents"] = await BulkCopy.CopyAsync(connection, "case_documents (id, case_id, file_name, content_type, size, sha256, uploaded_by, uploaded_at)", batch.CaseDocuments, WriteCaseDocuments, cancellationToken);
    }

    private static void WriteCases(NpgsqlBinaryImporter w, CaseRow r)
    {
        w.Write(r.Id, NpgsqlDbType.Uuid);
        w.Write(r.Reference, NpgsqlDbType.Varchar);
        w.Write(r.OfficeId, NpgsqlDbType.Uuid);
        w.Write(r.Year, NpgsqlDbType.Integer);
        w.Write(r.Number, NpgsqlDbType.Integer);
        w.Write(r.IntakeId, NpgsqlDbType.Uuid);
        w.Write(r.Title, NpgsqlDbType.Varchar);
        w.Write((int)r.Status, NpgsqlDbType.Integer);
        w.Write((int)r.Priority, NpgsqlDbType.Integer);
        w.Write(r.IsUrgent, NpgsqlDbType.Boolean);
        w.Write(r.IsConfidential, NpgsqlDbType.Boolean);
        w.Write(false, NpgsqlDbType.Boolean); // the synthetic data set seals no case
        w.Write(r.PrincipalClientId, NpgsqlDbType.Uuid);
        WriteOrNull(w, r.CaseworkerId, NpgsqlDbType.Uuid);
        WriteOrNull(w, r.LeadLawyerId, NpgsqlDbType.Uuid);
        w.Write(r.OpenedOn, NpgsqlDbType.Date);
        WriteOrNull(w, r.ClosedOn, NpgsqlDbType.Date);
        WriteOrNull<int>(w, r.Outcome is { } outcome ? (int)outcome : null, NpgsqlDbType.Integer);
        WriteOrNull(w, r.OutcomeNote, NpgsqlDbType.Varchar);
        w.Write(r.CreatedAt, NpgsqlDbType.TimestampTz);
        w.Write(r.UpdatedAt, NpgsqlDbType.TimestampTz);
    }

    private static void WriteCaseClients(NpgsqlBinaryImporter w, CaseClientRow r)
    {
        w.Write(r.CaseId, NpgsqlDbType.Uuid);
        w.Write(r.ClientId, NpgsqlDbType.Uuid);
        w.Write((int)r.Role, NpgsqlDbType.Integer);
    }

    private static void WriteCaseLawyers(NpgsqlBinaryImporter w, CaseLawyerRow r)
    {
        w.Write(r.CaseId, NpgsqlDbType.Uuid);
        w.Write(r.UserId, NpgsqlDbType.Uuid);
    }

    private static void WriteCaseCategories(NpgsqlBinaryImporter w, CaseCategoryRow r)
    {
        w.Write(r.CaseId, NpgsqlDbType.Uuid);
        w.Write(r.CategoryId, NpgsqlDbType.Integer);
    }

    private static void WriteCaseEvents(NpgsqlBinaryImporter w, CaseEventRow r, FieldCipher cipher)
    {
        w.Write(r.CaseId, NpgsqlDbType.Uuid);
        w.Write(r.OccurredAt, NpgsqlDbType.TimestampTz);
        w.Write(r.ActorId, NpgsqlDbType.Uuid);
        w.Write((int)r.Kind, NpgsqlDbType.Integer);
        WriteOrNull<int>(w, r.NoteKind is { } kind ? (int)kind : null, NpgsqlDbType.Integer);
        WriteEncrypted(w, cipher, FieldPurposes.CaseNotes, r.Text);
        WriteOrNull(w, r.Details, NpgsqlDbType.Jsonb);
    }

    private static void WriteCaseDocuments(NpgsqlBinaryImporter w, CaseDocumentRow r)
    {
        w.Write(r.Id, NpgsqlDbType.Uuid);
        w.Write(r.CaseId, NpgsqlDbType.Uuid);
        w.Write(r.FileName, NpgsqlDbType.Varchar);
        w.Write(r.ContentType, NpgsqlDbType.Varchar);
        w.Write(r.Size, NpgsqlDbType.Bigint);
        w.Write(r.Sha256, NpgsqlDbType.Char);
        w.Write(r.UploadedBy, NpgsqlDbType.Uuid);
        w.Write(r.UploadedAt, NpgsqlDbType.TimestampTz);
    }
}
