namespace MigrantAid.Web.Domain.Statistics;

/// <summary>
/// One row of the statistics pre-aggregate (migration 0027_statistics_cube): how many cases have these
/// dimension values, with their categories and forums unnested (a case is in one row per category and
/// forum pair it has; <see cref="CategoryFirst"/> and <see cref="ForumFirst"/> mark its first value of
/// each, so that a total counts it once). Written only by the database's triggers on case_facts.
/// </summary>
public class StatisticsCubeRow
{
    private StatisticsCubeRow()
    {
    }

    public Guid OfficeId { get; private set; }

    public short OpenedYear { get; private set; }

    public string? Citizenship { get; private set; }

    public string? IncidentCountry { get; private set; }

    public short AgeGroup { get; private set; }

    public short Sex { get; private set; }

    public short? Outcome { get; private set; }

    public short Situation { get; private set; }

    /// <summary>One of the case's categories (0: none).</summary>
    public int CategoryId { get; private set; }

    public bool CategoryFirst { get; private set; }

    /// <summary>One of the case's forums ("none": no proceedings).</summary>
    public string Forum { get; private set; } = "";

    public bool ForumFirst { get; private set; }

    /// <summary>How many cases (never zero: a row that falls to zero is deleted).</summary>
    public int Cases { get; private set; }
}
