using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Tools.Generator;

// One record per row of a table, written by binary COPY (SyntheticCopier). Column order is the
// order of the COPY column lists there.

internal readonly record struct ClientRow(
    Guid Id, Guid OfficeId, string FullName, string? Patronymic, string LatinName, string SearchKey, DateOnly? BirthDate, int? BirthYear,
    Sex Sex, string? Citizenship, string? Languages, string? CurrentCountry, string? CurrentCity, Vulnerability Vulnerabilities,
    ConsentStatus Consent, Guid CreatedBy, DateTimeOffset CreatedAt);

internal readonly record struct AliasRow(Guid Id, Guid ClientId, string Name, string? Note);

internal readonly record struct ContactRow(Guid Id, Guid ClientId, ContactChannel Channel, string Value, bool Safe, string? Note);

internal readonly record struct MigrationDocumentRow(
    Guid Id, Guid ClientId, MigrationDocumentType Type, string? Number, string? IssuingCountry, DateOnly? IssuedOn, DateOnly? ExpiresOn);

internal readonly record struct StayRow(Guid Id, Guid ClientId, string Country, DateOnly Entry, DateOnly? Exit);

internal readonly record struct ConsentRow(Guid Id, Guid ClientId, ConsentStatus Status, DateOnly Date, string? Scope, Guid RecordedBy, DateTimeOffset RecordedAt);

internal readonly record struct FamilyLinkRow(Guid ClientId, Guid RelatedClientId, FamilyRelation Relation);

internal sealed record IntakeRow(
    Guid Id, Guid OfficeId, Guid ClientId, IntakeStatus Status, IntakeStep Step, int[] CategoryIds, string? IncidentCountry, string? IncidentCity,
    DateOnly? IncidentFrom, DateOnly? IncidentTo, string? Account, string? Wishes, bool InDetention, bool ImminentExpulsion, bool SeparatedChild,
    DateTimeOffset? ResponseDueAt, Guid CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt,
    DateTimeOffset? DecidedAt, Guid? DecidedBy, RejectionReason? RejectionReason, string? RejectionNote)
{
    public bool NoDocuments { get; init; }
}

internal readonly record struct RespondentRow(Guid Id, Guid IntakeId, string Name, RespondentType Type, Sector? Sector, string SearchKey);

internal sealed record CaseRow(
    Guid Id, string Reference, Guid OfficeId, int Year, int Number, Guid IntakeId, string Title, CaseStatus Status, CasePriority Priority,
    bool IsUrgent, bool IsConfidential, Guid PrincipalClientId, Guid? CaseworkerId, Guid? LeadLawyerId, DateOnly OpenedOn, DateOnly? ClosedOn,
    CaseOutcome? Outcome, string? OutcomeNote, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal readonly record struct CaseClientRow(Guid CaseId, Guid ClientId, CaseClientRole Role);

internal readonly record struct CaseLawyerRow(Guid CaseId, Guid UserId);

internal readonly record struct CaseCategoryRow(Guid CaseId, int CategoryId);

internal readonly record struct CaseEventRow(Guid CaseId, DateTimeOffset OccurredAt, Guid ActorId, CaseEventKind Kind, NoteKind? NoteKind, string? Text, string? Details);

internal readonly record struct CaseDocumentRow(Guid Id, Guid CaseId, string FileName, string ContentType, long Size, string Sha256, Guid UploadedBy, DateTimeOffset UploadedAt);

internal sealed record ProceedingRow(
    Guid Id, Guid CaseId, string Jurisdiction, string Court, MigrantAid.Web.Domain.Proceedings.CourtInstance Instance, MigrantAid.Web.Domain.Proceedings.ProceedingType Type,
    string? CourtCaseNumber, string Subject, MigrantAid.Web.Domain.Proceedings.ProceedingClientRole ClientRole, DateOnly OpenedOn, DateOnly? ClosedOn, Guid? ChallengesId,
    Guid CreatedBy, DateTimeOffset CreatedAt);

internal readonly record struct HearingRow(
    Guid Id, Guid ProceedingId, Guid CaseId, Guid OfficeId, Guid? Lead, Guid? Caseworker, DateTimeOffset StartsAt, string? Place, string? Result, bool IsHeld, Guid CreatedBy, DateTimeOffset CreatedAt);

internal sealed record DeadlineRow(
    Guid Id, Guid CaseId, Guid OfficeId, Guid? Lead, Guid? Caseworker, MigrantAid.Web.Domain.Deadlines.DeadlineKind Kind, string Title, DateOnly DueOn, DateOnly? ComputedOn, MigrantAid.Web.Domain.Deadlines.TriggerEvent? Trigger,
    DateOnly? TriggerDate, string? SourceType, Guid? SourceId, string? Arithmetic, Guid? AssigneeId, MigrantAid.Web.Domain.Deadlines.DeadlineStatus Status,
    string? OverrideReason, string? ClosingNote, Guid? ClosedBy, DateTimeOffset? ClosedAt, Guid CreatedBy, DateTimeOffset CreatedAt);

/// <summary>The rows of one batch of cases, in the order the tables are written (parents first).</summary>
internal sealed class SyntheticBatch
{
    public int FirstCase { get; init; }

    public int CaseCount { get; set; }

    public List<ClientRow> Clients { get; } = [];

    public List<AliasRow> Aliases { get; } = [];

    public List<ContactRow> Contacts { get; } = [];

    public List<MigrationDocumentRow> Documents { get; } = [];

    public List<StayRow> Stays { get; } = [];

    public List<ConsentRow> Consents { get; } = [];

    public List<FamilyLinkRow> FamilyLinks { get; } = [];

    public List<IntakeRow> Intakes { get; } = [];

    public List<RespondentRow> Respondents { get; } = [];

    public List<CaseRow> Cases { get; } = [];

    public List<CaseClientRow> CaseClients { get; } = [];

    public List<CaseLawyerRow> CaseLawyers { get; } = [];

    public List<CaseCategoryRow> CaseCategories { get; } = [];

    public List<CaseEventRow> CaseEvents { get; } = [];

    public List<CaseDocumentRow> CaseDocuments { get; } = [];

    public List<ProceedingRow> Proceedings { get; } = [];

    public List<HearingRow> Hearings { get; } = [];

    public List<DeadlineRow> Deadlines { get; } = [];
}
