namespace MigrantAid.Web.Domain.Proceedings;

public enum CourtInstance
{
    FirstInstance = 0,
    Appeal = 1,
    Cassation = 2,
    Supervisory = 3,
    Constitutional = 4,
}

/// <summary>The kind of procedure, which decides the deadline rules that apply (e.g. civil appeal: one month).</summary>
public enum ProceedingType
{
    Civil = 0,
    AdministrativeCase = 1,
    AdministrativeOffence = 2,
    Criminal = 3,
    Constitutional = 4,
    Other = 5,
}

/// <summary>Our client's role in the proceeding.</summary>
public enum ProceedingClientRole
{
    Claimant = 0,
    Respondent = 1,
    Applicant = 2,
    PersonConcerned = 3,
    ThirdParty = 4,
    Victim = 5,
}

public enum DecisionOutcome
{
    Granted = 0,
    PartlyGranted = 1,
    Rejected = 2,
    Discontinued = 3,
    Settled = 4,
}
