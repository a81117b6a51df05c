using Npgsql;
using NpgsqlTypes;

namespace MigrantAid.Tools.Generator;

/// <summary>
/// Writes a batch through PostgreSQL's bulk path: one binary COPY per table, parents before
/// children so the foreign keys hold, the whole batch in one transaction.
/// </summary>
internal static partial class SyntheticCopier
{
    /// <summary>Rows written and time taken per table.</summary>
    public static async Task<Dictionary<string, (long Rows, TimeSpan Time)>> CopyAsync(NpgsqlConnection connection, SyntheticBatch batch, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, (long Rows, TimeSpan Time)>();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        counts["clients"] = await CopyAsync(connection, "clients (id, office_id, full_name, patronymic, latin_name, search_key, birth_date, birth_year, sex, citizenship, languages, current_country, current_city, vulnerabilities, consent_status, created_by, created_at, updated_at)",
            batch.Clients, (w, r) =>
            {
                w.Write(r.Id, NpgsqlDbType.Uuid);
                w.Write(r.OfficeId, NpgsqlDbType.Uuid);
                w.Write(r.FullName, NpgsqlDbType.Varchar);
                Nullable(w, r.Patronymic, NpgsqlDbType.Varchar);
                w.Write(r.LatinName, NpgsqlDbType.Varchar);
                w.Write(r.SearchKey, NpgsqlDbType.Text);
                Nullable(w, r.BirthDate, NpgsqlDbType.Date);
                Nullable(w, r.BirthYear, NpgsqlDbType.Integer);
                w.Write((int)r.Sex, NpgsqlDbType.Integer);
                Nullable(w, r.Citizenship, NpgsqlDbType.Char);
                Nullable(w, r.Languages, NpgsqlDbType.Varchar);
                Nullable(w, r.CurrentCountry, NpgsqlDbType.Char);
                Nullable(w, r.CurrentCity, NpgsqlDbType.Varchar);
                w.Write((int)r.Vulnerabilities, NpgsqlDbType.Integer);
                w.Write((int)r.Consent, NpgsqlDbType.Integer);
                w.Write(r.CreatedBy, NpgsqlDbType.Uuid);
                w.Write(r.CreatedAt, NpgsqlDbType.TimestampTz);
                w.Write(r.CreatedAt, NpgsqlDbType.TimestampTz);
            }, cancellationToken);

        counts["client_aliases"] = await CopyAsync(connection, "client_aliases (id, client_id, name, note)", batch.Aliases, (w, r) =>
        {
            w.Write(r.Id, NpgsqlDbType.Uuid);
            w.Write(r.ClientId, NpgsqlDbType.Uuid);
            w.Write(r.Name, NpgsqlDbType.Varchar);
            Nullable(w, r.Note, NpgsqlDbType.Varchar);
        }, cancellationToken);

        counts["client_contacts"] = await CopyAsync(connection, "client_contacts (id, client_id, channel, value, safe_to_contact, note)", batch.Contacts, (w, r) =>
        {
            w.Write(r.Id, NpgsqlDbType.Uuid);
            w.Write(r.ClientId, NpgsqlDbType.Uuid);
            w.Write((int)r.Channel, NpgsqlDbType.Integer);
            w.Write(r.Value, NpgsqlDbType.Varchar);
            w.Write(r.Safe, NpgsqlDbType.Boolean);
            Nullable(w, r.Note, NpgsqlDbType.Varchar);
        }, cancellationToken);

        counts["migration_documents"] = await CopyAsync(connection, "migration_documents (id, client_id, type, number, issuing_country, issued_on, expires_on)", batch.Documents, (w, r) =>
        {
            w.Write(r.Id, NpgsqlDbType.Uuid);
            w.Write(r.ClientId, NpgsqlDbType.Uuid);
            w.Write((int)r.Type, NpgsqlDbType.Integer);
            Nullable(w, r.Number, NpgsqlDbType.Varchar);
            Nullable(w, r.IssuingCountry, NpgsqlDbType.Char);
            Nullable(w, r.IssuedOn, NpgsqlDbType.Date);
            Nullable(w, r.ExpiresOn, NpgsqlDbType.Date);
        }, cancellationToken);

        counts["stay_periods"] = await CopyAsync(connection, "stay_periods (id, client_id, country, entry_date, exit_date)", batch.Stays, (w, r) =>
        {
            w.Write(r.Id, NpgsqlDbType.Uuid);
            w.Write(r.ClientId, NpgsqlDbType.Uuid);
            w.Write(r.Country, NpgsqlDbType.Char);
            w.Write(r.Entry, NpgsqlDbType.Date);
            Nullable(w, r.Exit, NpgsqlDbType.Date);
        }, cancellationToken);

        counts["consent_records"] = await CopyAsync(connection, "consent_records (id, client_id, status, date, scope, recorded_by, recorded_at)", batch.Consents, (w, r) =>
        {
            w.Write(r.Id, NpgsqlDbType.Uuid);
            w.Write(r.ClientId, NpgsqlDbType.Uuid);
            w.Write((int)r.Status, NpgsqlDbType.Integer);
            w.Write(r.Date, NpgsqlDbType.Date);
            Nullable(w, r.Scope, NpgsqlDbType.Varchar);
            w.Write(r.RecordedBy, NpgsqlDbType.Uuid);
            w.Write(r.RecordedAt, NpgsqlDbType.TimestampTz);
        }, cancellationToken);

        counts["family_links"] = await CopyAsync(connection, "family_links (client_id, related_client_id, relation)", batch.FamilyLinks, (w, r) =>
        {
            w.Write(r.ClientId, NpgsqlDbType.Uuid);
            w.Write(r.RelatedClientId, NpgsqlDbType.Uuid);
            w.Write((int)r.Relation, NpgsqlDbType.Integer);
        }, cancellationToken);

        counts["intakes"] = await CopyAsync(connection, "intakes (id, office_id, client_id, status, step, category_ids, incident_country, incident_city, incident_from, incident_to, account, client_wishes, in_detention, imminent_expulsion, separated_child, no_documents, response_due_at, created_by, created_at, updated_at, submitted_at, decided_at, decided_by, rejection_reason, rejection_note)",
            batch.Intakes, (w, r) =>
            {
                w.Write(r.Id, NpgsqlDbType.Uuid);
                w.Write(r.OfficeId, NpgsqlDbType.Uuid);
                w.Write(r.ClientId, NpgsqlDbType.Uuid);
                w.Write((int)r.Status, NpgsqlDbType.Integer);
                w.Write((int)r.Step, NpgsqlDbType.Integer);
                w.Write(r.CategoryIds, NpgsqlDbType.Array | NpgsqlDbType.Integer);
                Nullable(w, r.IncidentCountry, NpgsqlDbType.Char);
                Nullable(w, r.IncidentCity, NpgsqlDbType.Varchar);
                Nullable(w, r.IncidentFrom, NpgsqlDbType.Date);
                Nullable(w, r.IncidentTo, NpgsqlDbType.Date);
                Nullable(w, r.Account, NpgsqlDbType.Varchar);
                Nullable(w, r.Wishes, NpgsqlDbType.Varchar);
                w.Write(r.InDetention, NpgsqlDbType.Boolean);
                w.Write(r.ImminentExpulsion, NpgsqlDbType.Boolean);
                w.Write(r.SeparatedChild, NpgsqlDbType.Boolean);
                w.Write(r.NoDocuments, NpgsqlDbType.Boolean);
                Nullable(w, r.ResponseDueAt, NpgsqlDbType.TimestampTz);
                w.Write(r.CreatedBy, NpgsqlDbType.Uuid);
                w.Write(r.CreatedAt, NpgsqlDbType.TimestampTz);
                w.Write(r.UpdatedAt, NpgsqlDbType.TimestampTz);
                Nullable(w, r.SubmittedAt, NpgsqlDbType.TimestampTz);
                Nullable(w, r.DecidedAt, NpgsqlDbType.TimestampTz);
                Nullable(w, r.DecidedBy, NpgsqlDbType.Uuid);
                Nullable<int>(w, r.RejectionReason is { } reason ? (int)reason : null, NpgsqlDbType.Integer);
                Nullable(w, r.RejectionNote, NpgsqlDbType.Varchar);
            }, cancellationToken);

        counts["respondents"] = await CopyAsync(connection, "respondents (id, intake_id, name, type, sector, search_key)", batch.Respondents, (w, r) =>
        {
            w.Write(r.Id, NpgsqlDbType.Uuid);
            w.Write(r.IntakeId, NpgsqlDbType.Uuid);
            w.Write(r.Name, NpgsqlDbType.Varchar);
            w.Write((int)r.Type, NpgsqlDbType.Integer);
            Nullable<int>(w, r.Sector is { } sector ? (int)sector : null, NpgsqlDbType.Integer);
            w.Write(r.SearchKey, NpgsqlDbType.Text);
        }, cancellationToken);

        counts["cases"] = await CopyAsync(connection, "cases (id, reference, office_id, year, number, intake_id, title, status, priority, is_urgent, is_confidential, principal_client_id, caseworker_id, lead_lawyer_id, opened_on, closed_on, outcome, outcome_note, created_at, updated_at)",
            batch.Cases, (w, r) =>
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
                w.Write(r.PrincipalClientId, NpgsqlDbType.Uuid);
                Nullable(w, r.CaseworkerId, NpgsqlDbType.Uuid);
                Nullable(w, r.LeadLawyerId, NpgsqlDbType.Uuid);
                w.Write(r.OpenedOn, NpgsqlDbType.Date);
                Nullable(w, r.ClosedOn, NpgsqlDbType.Date);
                Nullable<int>(w, r.Outcome is { } outcome ? (int)outcome : null, NpgsqlDbType.Integer);
                Nullable(w, r.OutcomeNote, NpgsqlDbType.Varchar);
                w.Write(r.CreatedAt, NpgsqlDbType.TimestampTz);
                w.Write(r.UpdatedAt, NpgsqlDbType.TimestampTz);
            }, cancellationToken);

        counts["case_clients"] = await CopyAsync(connection, "case_clients (case_id, client_id, role)", batch.CaseClients, (w, r) =>
        {
            w.Write(r.CaseId, NpgsqlDbType.Uuid);
            w.Write(r.ClientId, NpgsqlDbType.Uuid);
            w.Write((int)r.Role, NpgsqlDbType.Integer);
        }, cancellationToken);

        counts["case_lawyers"] = await CopyAsync(connection, "case_lawyers (case_id, user_id)", batch.CaseLawyers, (w, r) =>
        {
            w.Write(r.CaseId, NpgsqlDbType.Uuid);
            w.Write(r.UserId, NpgsqlDbType.Uuid);
        }, cancellationToken);

        counts["case_categories"] = await CopyAsync(connection, "case_categories (case_id, category_id)", batch.CaseCategories, (w, r) =>
        {
            w.Write(r.CaseId, NpgsqlDbType.Uuid);
            w.Write(r.CategoryId, NpgsqlDbType.Integer);
        }, cancellationToken);

        counts["case_events"] = await CopyAsync(connection, "case_events (case_id, occurred_at, actor_id, kind, note_kind, text, details)", batch.CaseEvents, (w, r) =>
        {
            w.Write(r.CaseId, NpgsqlDbType.Uuid);
            w.Write(r.OccurredAt, NpgsqlDbType.TimestampTz);
            w.Write(r.ActorId, NpgsqlDbType.Uuid);
            w.Write((int)r.Kind, NpgsqlDbType.Integer);
            Nullable<int>(w, r.NoteKind is { } kind ? (int)kind : null, NpgsqlDbType.Integer);
            Nullable(w, r.Text, NpgsqlDbType.Varchar);
            Nullable(w, r.Details, NpgsqlDbType.Jsonb);
        }, cancellationToken);

        counts["case_documents"] = await CopyAsync(connection, "case_documents (id, case_id, file_name, content_type, size, sha256, uploaded_by, uploaded_at)", batch.CaseDocuments, (w, r) =>
        {
            w.Write(r.Id, NpgsqlDbType.Uuid);
            w.Write(r.CaseId, NpgsqlDbType.Uuid);
            w.Write(r.FileName, NpgsqlDbType.Varchar);
            w.Write(r.ContentType, NpgsqlDbType.Varchar);
            w.Write(r.Size, NpgsqlDbType.Bigint);
            w.Write(r.Sha256, NpgsqlDbType.Char);
            w.Write(r.UploadedBy, NpgsqlDbType.Uuid);
            w.Write(r.UploadedAt, NpgsqlDbType.TimestampTz);
        }, cancellationToken);

        await CopyDatesAsync(connection, batch, counts, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    private static async Task<(long Rows, TimeSpan Time)> CopyAsync<T>(NpgsqlConnection connection, string table, List<T> rows, Action<NpgsqlBinaryImporter, T> write, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return (0, TimeSpan.Zero);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            // Synchronous writes: they only fill Npgsql's buffer, which is flushed as it fills.
            importer.StartRow();
            write(importer, row);
        }

        var written = (long)await importer.CompleteAsync(cancellationToken);
        return (written, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    private static void Nullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
        where T : class
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, type);
        }
    }

    private static void Nullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            writer.Write(v, type);
        }
        else
        {
            writer.WriteNull();
        }
    }
}
