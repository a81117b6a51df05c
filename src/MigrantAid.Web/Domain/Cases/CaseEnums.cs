namespace MigrantAid.Web.Domain.Cases;

public enum IntakeStatus
{
    Draft = 0,
    Submitted = 1,
    Accepted = 2,
    Rejected = 3,
}

/// <summary>The steps of the guided intake; each saves.</summary>
public enum IntakeStep
{
    Client = 0,
    Complaint = 1,
    Consent = 2,
    Triage = 3,
    Done = 4,
}

public enum RejectionReason
{
    OutsideMandate = 0,
    ReferredElsewhere = 1,
    NoContact = 2,
    Other = 3,
}

public enum RespondentType
{
    Employer = 0,
    RecruitmentAgency = 1,
    Police = 2,
    MigrationAuthority = 3,
    School = 4,
    Hospital = 5,
    Other = 6,
}

public enum Sector
{
    Construction = 0,
    Agriculture = 1,
    MarketsAndTrade = 2,
    DomesticWork = 3,
    Services = 4,
    Manufacturing = 5,
    Other = 6,
}

public enum CaseStatus
{
    Open = 0,
    InProgress = 1,
    Closed = 2,
}

public enum CasePriority
{
    Normal = 0,
    High = 1,
    Urgent = 2,
}

public enum CaseOutcome
{
    ResolvedInFavour = 0,
    PartlyResolved = 1,
    NotResolved = 2,
    Withdrawn = 3,
    LostContact = 4,
    Referred = 5,
}

public enum CaseClientRole
{
    Principal = 0,
    FamilyMember = 1,
    CoComplainant = 2,
}

public enum CaseEventKind
{
    Note = 0,
    StatusChanged = 1,
    Assigned = 2,
    DocumentAdded = 3,
    Changed = 4,
    Opened = 5,
}

public enum NoteKind
{
    Interview = 0,
    Call = 1,
    Visit = 2,
    Court = 3,
    Other = 4,
}
