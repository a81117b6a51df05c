using MigrantAid.Web.Data.Encryption;
using Npgsql;
using NpgsqlTypes;
using static MigrantAid.Tools.Generator.BulkCopy;

namespace MigrantAid.Tools.Generator;

/// <summary>The intakes of a batch and their respondents.</summary>
internal static class IntakeCopier
{
    public static async Task CopyAsync(NpgsqlConnection connection, SyntheticBatch batch, FieldCipher cipher, Dictionary<string, (long Rows, TimeSpan Time)> counts, CancellationToken cancellationToken)
    {
        counts["intakes"] = await BulkCopy.CopyAsync(connection, "intakes (id, office_id, client_id, status, step, category_ids, incident_country, incident_city, incident_from, incident_to, account, client_wishes, in_detention, imminent_expulsion, separated_child, no_documents, response_due_at, created_by, created_at, updated_at, submitted_at, decided_at, decided_by, rejection_reason, rejection_note)", batch.Intakes, (w, r) => WriteIntakes(w, r, cipher), cancellationToken);
        counts["respondents"] = await BulkCopy.CopyAsync(connection, "respondents (id, intake_id, name, type, sector, search_key)", batch.Respondents, WriteRespondents, cancellationToken);
    }

    private static void WriteIntakes(NpgsqlBinaryImporter w, IntakeRow r, FieldCipher cipher)
    {
        w.Write(r.Id, NpgsqlDbType.Uuid);
        w.Write(r.OfficeId, NpgsqlDbType.Uuid);
        w.Write(r.ClientId, NpgsqlDbType.Uuid);
        w.Write((int)r.Status, NpgsqlDbType.Integer);
        w.Write((int)r.Step, NpgsqlDbType.Integer);
        w.Write(r.CategoryIds, NpgsqlDbType.Array | NpgsqlDbType.Integer);
        WriteOrNull(w, r.IncidentCountry, NpgsqlDbType.Char);
        WriteOrNull(w, r.IncidentCity, NpgsqlDbType.Varchar);
        WriteOrNull(w, r.IncidentFrom, NpgsqlDbType.Date);
        WriteOrNull(w, r.IncidentTo, NpgsqlDbType.Date);
        WriteEncrypted(w, cipher, FieldPurposes.IntakeNarrative, r.Account);
        WriteEncrypted(w, cipher, FieldPurposes.IntakeNarrative, r.Wishes);
        w.Write(r.InDetention, NpgsqlDbType.Boolean);
        w.Write(r.ImminentExpulsion, NpgsqlDbType.Boolean);
        w.Write(r.SeparatedChild, NpgsqlDbType.Boolean);
        w.Write(r.NoDocuments, NpgsqlDbType.Boolean);
        WriteOrNull(w, r.ResponseDueAt, NpgsqlDbType.TimestampTz);
        w.Write(r.CreatedBy, NpgsqlDbType.Uuid);
        w.Write(r.CreatedAt, NpgsqlDbType.TimestampTz);
        w.Write(r.UpdatedAt, NpgsqlDbType.TimestampTz);
        WriteOrNull(w, r.SubmittedAt, NpgsqlDbType.TimestampTz);
        WriteOrNull(w, r.DecidedAt, NpgsqlDbType.TimestampTz);
        WriteOrNull(w, r.DecidedBy, NpgsqlDbType.Uuid);
        WriteOrNull<int>(w, r.RejectionReason is { } reason ? (int)reason : null, NpgsqlDbType.Integer);
        WriteOrNull(w, r.RejectionNote, NpgsqlDbType.Varchar);
    }

    private static void WriteRespondents(NpgsqlBinaryImporter w, RespondentRow r)
    {
        w.Write(r.Id, NpgsqlDbType.Uuid);
        w.Write(r.IntakeId, NpgsqlDbType.Uuid);
        w.Write(r.Name, NpgsqlDbType.Varchar);
        w.Write((int)r.Type, NpgsqlDbType.Integer);
        WriteOrNull<int>(w, r.Sector is { } sector ? (int)sector : null, NpgsqlDbType.Integer);
        w.Write(r.SearchKey, NpgsqlDbType.Text);
    }
}
