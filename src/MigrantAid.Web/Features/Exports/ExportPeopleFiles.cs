using MigrantAid.Web.Domain.Clients;
using static MigrantAid.Web.Features.Exports.ExportColumn;

namespace MigrantAid.Web.Features.Exports;

/// <summary>The organisation export's files about the people it helps (<see cref="ExportCatalogue"/>).</summary>
public static class ExportPeopleFiles
{
    /// <summary>The people the organisation helps, without anything that names or reaches them.</summary>
    public static ExportFile[] All =>
    [
        new("clients.csv", "clients", "People the organisation helps, without anything that names or reaches them.", ["id"],
        [
            Id("id", "Client id (referenced as client_id)."),
            Id("office_id", "Office that registered the client (offices.csv id)."),
            Number("birth_year", "Year of birth (exact or estimated), empty when unknown."),
            Enum<Sex>("sex", "Sex."),
            Text("citizenship", "ISO 3166-1 alpha-2 code of citizenship, XX for stateless, empty when unknown."),
            Text("current_country", "ISO code of the country the client lives in now, empty when unknown."),
            Text("languages", "Languages the client speaks, as typed."),
            Flags<Vulnerability>("vulnerabilities", "Vulnerabilities recorded (including no identity documents and separated child)."),
            Date("separated_on", "Date a separated child was separated"),
            Enum<ConsentStatus>("consent_status", "Current consent to data processing."),
            Instant("created_at", "When the client was registered."),
        ], ["name, patronymic, Latin name, search keys and aliases", "exact date of birth (only the year is exported)", "current city", "every contact (phones, e-mails, messengers, addresses) and contact notes", "whom or where a separated child was separated from (free text)"]),

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
    ];
}
