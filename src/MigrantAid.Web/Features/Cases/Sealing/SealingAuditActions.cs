namespace MigrantAid.Web.Features.Cases.Sealing;

/// <summary>Audit actions of sealed cases (issue 15; folded into <see cref="Domain.AuditActions.All"/> by their "All" list).</summary>
public static class SealingAuditActions
{
    /// <summary>A coordinator sealed the case; the people named are in <see cref="PeopleNamed"/>.</summary>
    public const string Sealed = "case.sealed";

    /// <summary>The seal was lifted; the details name who had been named.</summary>
    public const string Unsealed = "case.unsealed";

    public const string PeopleNamed = "case.sealed-people-named";

    public const string PeopleRemoved = "case.sealed-people-removed";

    /// <summary>A named person said why they open the sealed case; the views of the next 30 minutes carry the same reason.</summary>
    public const string ReasonGiven = "case.view-reason-given";

    public static readonly IReadOnlyList<string> All = [Sealed, Unsealed, PeopleNamed, PeopleRemoved, ReasonGiven];
}
