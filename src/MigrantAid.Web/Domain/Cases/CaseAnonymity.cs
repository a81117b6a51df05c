namespace MigrantAid.Web.Domain.Cases;

/// <summary>An anonymised case (issue 15) is a record of facts: it is not reopened and takes no new text.</summary>
internal static class CaseAnonymity
{
    public static void EnsureNotAnonymised(Case c)
    {
        if (c.AnonymisedAt is not null)
        {
            throw new DomainException("This case was anonymised: it cannot be reopened or given new notes.");
        }
    }
}
