namespace MigrantAid.Web.Domain.International;

/// <summary>What was sent to an international body.</summary>
public enum SubmissionKind
{
    IndividualCommunication = 0,
    InterimMeasuresRequest = 1,
    UrgentAppeal = 2,
    AlternativeReport = 3,
    FollowUp = 4,
}

/// <summary>Where a submission stands with the body.</summary>
public enum SubmissionResult
{
    Pending = 0,
    Registered = 1,
    InterimMeasuresGranted = 2,
    InterimMeasuresRefused = 3,
    Inadmissible = 4,
    ViolationFound = 5,
    NoViolation = 6,
    Discontinued = 7,
}

/// <summary>The body's follow-up of its views or of the interim measures it granted.</summary>
public enum FollowUpStatus
{
    NotApplicable = 0,
    Ongoing = 1,
    Satisfactory = 2,
    PartlySatisfactory = 3,
    Unsatisfactory = 4,
    Closed = 5,
}

/// <summary>A procedure of an international body that a state accepts (by ratification, declaration or optional protocol).</summary>
public enum TreatyProcedure
{
    IndividualCommunications = 0,
    Inquiry = 1,
    InterimMeasures = 2,
    InterStateCommunications = 3,
}

/// <summary>The state's response to a recommendation (UPR: accepted or noted).</summary>
public enum RecommendationResponse
{
    Pending = 0,
    Accepted = 1,
    Noted = 2,
}

/// <summary>How far a recommendation has been implemented, as last assessed.</summary>
public enum ImplementationStatus
{
    NotAssessed = 0,
    NotImplemented = 1,
    InProgress = 2,
    PartiallyImplemented = 3,
    Implemented = 4,
}

/// <summary>The fixed list of themes a recommendation is filed under.</summary>
public enum RecommendationTheme
{
    SocialRights = 0,
    Employment = 1,
    Education = 2,
    Health = 3,
    NonDiscrimination = 4,
    Ratification = 5,
    ChildLabour = 6,
    LabourInspection = 7,
    Quotas = 8,
    FreedomOfAssociation = 9,
    Detention = 10,
    Expulsion = 11,
    Statelessness = 12,
    Trafficking = 13,
    Children = 14,
    Women = 15,
}
