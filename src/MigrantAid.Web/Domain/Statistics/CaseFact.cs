namespace MigrantAid.Web.Domain.Statistics;

/// <summary>
/// One case reduced to the statistics dimensions as small codes (migration 0014_case_facts). Written
/// only by the database (triggers on cases, case_categories, court_proceedings,
/// international_submissions, clients and intakes), never by the application; read by the statistics.
/// </summary>
public class CaseFact
{
    private CaseFact()
    {
    }

    public Guid CaseId { get; private set; }

    public Guid OfficeId { get; private set; }

    public short OpenedYear { get; private set; }

    public string? Citizenship { get; private set; }

    public string? IncidentCountry { get; private set; }

    /// <summary>0 unknown, 1 child (under 18 at the intake date), 2 adult.</summary>
    public short AgeGroup { get; private set; }

    public short Sex { get; private set; }

    /// <summary>The case outcome; null while the case is open.</summary>
    public short? Outcome { get; private set; }

    /// <summary>The case's categories; {0} when it has none.</summary>
    public List<int> CategoryIds { get; private set; } = [];

    /// <summary>"c:RU" per country of a national court, "b:1" per international body; {"none"} without proceedings.</summary>
    public List<string> Forums { get; private set; } = [];

    /// <summary>The principal client's situation: 0 neither, 1 undocumented, 2 separated child, 3 both.</summary>
    public short Situation { get; private set; }
}
