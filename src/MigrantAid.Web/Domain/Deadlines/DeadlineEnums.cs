namespace MigrantAid.Web.Domain.Deadlines;

/// <summary>Events that start a clock. Recording one on a case creates the deadlines of the matching rules.</summary>
public enum TriggerEvent
{
    DecisionReceived = 0,
    DecisionInFinalForm = 1,
    PersonLearnedOfDecision = 2,
    HearingSet = 3,
    DomesticRemediesExhausted = 4,
    FinalDomesticDecision = 5,
    RegisteredByBody = 6,
    StateObservationsReceived = 7,
    InterimMeasuresDecision = 8,

    /// <summary>
    /// The copy of a decision arrived when a period counted from another date (the final form) was nearly or wholly
    /// gone (<see cref="DecisionClocks.LateCopies"/>); dated on the receipt. Starts the application to restore the
    /// missed period.
    /// </summary>
    CopyReceivedTooLate = 9,

    // The UN follow-up (issue 12, point 3), numbered apart so that other new events do not collide.

    /// <summary>A request for interim measures was sent to a committee.</summary>
    InterimMeasuresRequested = 20,

    /// <summary>The committee granted the interim measures requested.</summary>
    InterimMeasuresGranted = 21,

    /// <summary>The committee adopted views finding a violation.</summary>
    ViolationFound = 22,

    /// <summary>The committee asked for our comments on the state's follow-up reply.</summary>
    FollowUpCommentsRequested = 23,
}

public enum PeriodUnit
{
    CalendarDays = 0,
    WorkingDays = 1,
    Months = 2,
    Years = 3,
}

public enum DeadlineKind
{
    /// <summary>Computed from a rule and a trigger event.</summary>
    Computed = 0,

    /// <summary>A date entered by hand.</summary>
    Manual = 1,

    /// <summary>A piece of work with an assignee and a due date.</summary>
    Task = 2,
}

public enum DeadlineStatus
{
    Open = 0,
    Done = 1,
    Dismissed = 2,
}

/// <summary>An exception to the Saturday/Sunday week: a public holiday, or a weekend day moved to be a working day.</summary>
public enum CalendarDayKind
{
    Holiday = 0,
    WorkingDay = 1,
}
