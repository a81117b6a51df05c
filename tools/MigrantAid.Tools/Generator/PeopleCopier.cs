using MigrantAid.Web.Data.Encryption;
using Npgsql;
using NpgsqlTypes;
using static MigrantAid.Tools.Generator.BulkCopy;

namespace MigrantAid.Tools.Generator;

/// <summary>The people of a batch: clients, then what hangs on them (aliases, contacts, documents, stays, consent, family links).</summary>
internal static class PeopleCopier
{
    public static async Task CopyAsync(NpgsqlConnection connection, SyntheticBatch batch, FieldCipher cipher, Dictionary<string, (long Rows, TimeSpan Time)> counts, CancellationToken cancellationToken)
    {
        counts["clients"] = await BulkCopy.CopyAsync(connection, "clients (id, office_id, full_name, patronymic, latin_name, search_key, birth_date, birth_year, sex, citizenship, languages, current_country, current_city, vulnerabilities, consent_status, created_by, created_at, updated_at)", batch.Clients, WriteClients, cancellationToken);
        counts["client_aliases"] = await BulkCopy.CopyAsync(connection, "client_aliases (id, client_id, name, note)", batch.Aliases, WriteClientAliases, cancellationToken);
        counts["client_contacts"] = await BulkCopy.CopyAsync(connection, "client_contacts (id, client_id, channel, value, safe_to_contact, note)", batch.Contacts, (w, r) => WriteClientContacts(w, r, cipher), cancellationToken);
        counts["migration_documents"] = await BulkCopy.CopyAsync(connection, "migration_documents (id, client_id, type, number, issuing_country, issued_on, expires_on)", batch.Documents, WriteMigrationDocuments, cancellationToken);
        counts["stay_periods"] = await BulkCopy.CopyAsync(connection, "stay_periods (id, client_id, country, entry_date, exit_date)", batch.Stays, WriteStayPeriods, cancellationToken);
        counts["consent_records"] = await BulkCopy.CopyAsync(connection, "consent_records (id, client_id, status, date, scope, recorded_by, recorded_at)", batch.Consents, WriteConsentRecords, cancellationToken);
        counts["family_links"] = await BulkCopy.CopyAsync(connection, "family_links (client_id, related_client_id, relation)", batch.FamilyLinks, WriteFamilyLinks, cancellationToken);
    }

    private static void WriteClients(NpgsqlBinaryImporter w, ClientRow r)
    {
        w.Write(r.Id, NpgsqlDbType.Uuid);
        w.Write(r.OfficeId, NpgsqlDbType.Uuid);
        w.Write(r.FullName, NpgsqlDbType.Varchar);
        WriteOrNull(w, r.Patronymic, NpgsqlDbType.Varchar);
        w.Write(r.LatinName, NpgsqlDbType.Varchar);
        w.Write(r.SearchKey, NpgsqlDbType.Text);
        WriteOrNull(w, r.BirthDate, NpgsqlDbType.Date);
        WriteOrNull(w, r.BirthYear, NpgsqlDbType.Integer);
        w.Write((int)r.Sex, NpgsqlDbType.Integer);
        WriteOrNull(w, r.Citizenship, NpgsqlDbType.Char);
        WriteOrNull(w, r.Languages, NpgsqlDbType.Varchar);
        WriteOrNull(w, r.CurrentCountry, NpgsqlDbType.Char);
        WriteOrNull(w, r.CurrentCity, NpgsqlDbType.Varchar);
        w.Write((int)r.Vulnerabilities, NpgsqlDbType.Integer);
        w.Write((int)r.Consent, NpgsqlDbType.Integer);
        w.Write(r.CreatedBy, NpgsqlDbType.Uuid);
        w.Write(r.CreatedAt, NpgsqlDbType.TimestampTz);
        w.Write(r.CreatedAt, NpgsqlDbType.TimestampTz);
    }

    private static void WriteClientAliases(NpgsqlBinaryImporter w, AliasRow r)
    {
        w.Write(r.Id, NpgsqlDbType.Uuid);
        w.Write(r.ClientId, NpgsqlDbType.Uuid);
        w.Write(r.Name, NpgsqlDbType.Varchar);
        WriteOrNull(w, r.Note, NpgsqlDbType.Varchar);
    }

    private static void WriteClientContacts(NpgsqlBinaryImporter w, ContactRow r, FieldCipher cipher)
    {
        w.Write(r.Id, NpgsqlDbType.Uuid);
        w.Write(r.ClientId, NpgsqlDbType.Uuid);
        w.Write((int)r.Channel, NpgsqlDbType.Integer);
        WriteEncrypted(w, cipher, FieldPurposes.ClientContacts, r.Value);
        w.Write(r.Safe, NpgsqlDbType.Boolean);
        WriteEncrypted(w, cipher, FieldPurposes.ClientContacts, r.Note);
    }

    private static void WriteMigrationDocuments(NpgsqlBinaryImporter w, MigrationDocumentRow r)
    {
        w.Write(r.Id, NpgsqlDbType.Uuid);
        w.Write(r.ClientId, NpgsqlDbType.Uuid);
        w.Write((int)r.Type, NpgsqlDbType.Integer);
        WriteOrNull(w, r.Number, NpgsqlDbType.Varchar);
        WriteOrNull(w, r.IssuingCountry, NpgsqlDbType.Char);
        WriteOrNull(w, r.IssuedOn, NpgsqlDbType.Date);
        WriteOrNull(w, r.ExpiresOn, NpgsqlDbType.Date);
    }

    private static void WriteStayPeriods(NpgsqlBinaryImporter w, StayRow r)
    {
        w.Write(r.Id, NpgsqlDbType.Uuid);
        w.Write(r.ClientId, NpgsqlDbType.Uuid);
        w.Write(r.Country, NpgsqlDbType.Char);
        w.Write(r.Entry, NpgsqlDbType.Date);
        WriteOrNull(w, r.Exit, NpgsqlDbType.Date);
    }

    private static void WriteConsentRecords(NpgsqlBinaryImporter w, ConsentRow r)
    {
        w.Write(r.Id, NpgsqlDbType.Uuid);
        w.Write(r.ClientId, NpgsqlDbType.Uuid);
        w.Write((int)r.Status, NpgsqlDbType.Integer);
        w.Write(r.Date, NpgsqlDbType.Date);
        WriteOrNull(w, r.Scope, NpgsqlDbType.Varchar);
        w.Write(r.RecordedBy, NpgsqlDbType.Uuid);
        w.Write(r.RecordedAt, NpgsqlDbType.TimestampTz);
    }

    private static void WriteFamilyLinks(NpgsqlBinaryImporter w, FamilyLinkRow r)
    {
        w.Write(r.ClientId, NpgsqlDbType.Uuid);
        w.Write(r.RelatedClientId, NpgsqlDbType.Uuid);
        w.Write((int)r.Relation, NpgsqlDbType.Integer);
    }
}
