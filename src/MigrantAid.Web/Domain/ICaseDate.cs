namespace MigrantAid.Web.Domain;

/// <summary>
/// A deadline or a hearing as the desk finds it: its case, and the case's office, lead lawyer and
/// caseworker, which the database copies onto it (migrations 0013 and 0019).
/// </summary>
public interface ICaseDate
{
    Guid CaseId { get; }

    Guid OfficeId { get; }

    Guid? CaseLeadLawyerId { get; }

    Guid? CaseCaseworkerId { get; }
}
