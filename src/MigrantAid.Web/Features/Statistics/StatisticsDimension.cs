namespace MigrantAid.Web.Features.Statistics;

/// <summary>What a statistics table can count cases by.</summary>
public enum StatisticsDimension
{
    Category = 0,
    Citizenship = 1,
    Country = 2,
    Year = 3,
    AgeGroup = 4,
    Sex = 5,
    Outcome = 6,
    Forum = 7,
    Office = 8,

    /// <summary>The principal client's situation: neither, undocumented, separated child, or both (issue 12 point 6).</summary>
    Situation = 9,
}

/// <summary>
/// The dimensions' URL names, their SQL over case_facts (a text[] of the case's values: one value,
/// or several for the multi-valued ones) and their fixed value codes. The SQL comes only from this
/// fixed list, never from input.
/// </summary>
public static class StatisticsDimensions
{
    /// <summary>The value of a case without a recorded citizenship or country.</summary>
    public const string Unknown = "?";

    /// <summary>The outcome value of a case still open.</summary>
    public const string StillOpen = "open";

    /// <summary>The forum value of a case without court proceedings or international submissions.</summary>
    public const string NoProceedings = "none";

    /// <summary>The category value of a case without a category.</summary>
    public const string NoCategory = "0";

    public const string Child = "1";
    public const string Adult = "2";
    public const string AgeUnknown = "0";

    /// <summary>The situation's link values by case_facts code (0 neither, 1 undocumented, 2 separated child, 3 both).</summary>
    public static readonly IReadOnlyList<string> SituationLinks = ["none", "undocumented", "separated", "both"];

    public static readonly IReadOnlyList<StatisticsDimension> All = Enum.GetValues<StatisticsDimension>();

    public static string Key(StatisticsDimension dimension) => dimension switch
    {
        StatisticsDimension.Category => "category",
        StatisticsDimension.Citizenship => "citizenship",
        StatisticsDimension.Country => "country",
        StatisticsDimension.Year => "year",
        StatisticsDimension.AgeGroup => "age",
        StatisticsDimension.Sex => "sex",
        StatisticsDimension.Outcome => "outcome",
        StatisticsDimension.Forum => "forum",
        StatisticsDimension.Situation => "situation",
        _ => "office",
    };

    public static StatisticsDimension? Parse(string? key) =>
        All.Where(d => Key(d) == key?.Trim().ToLowerInvariant()).Select(d => (StatisticsDimension?)d).FirstOrDefault();

    /// <summary>A case counts once in each of its values of a multi-valued dimension.</summary>
    public static bool IsMultiValued(StatisticsDimension dimension) => dimension is StatisticsDimension.Category or StatisticsDimension.Forum;

    /// <summary>The label key of the dimension (a literal English key for the localizer).</summary>
    public static string Label(StatisticsDimension dimension) => dimension switch
    {
        StatisticsDimension.Category => "Complaint category",
        StatisticsDimension.Citizenship => "Citizenship",
        StatisticsDimension.Country => "Country where it happened",
        StatisticsDimension.Year => "Year the case was opened",
        StatisticsDimension.AgeGroup => "Age group at intake",
        StatisticsDimension.Sex => "Sex",
        StatisticsDimension.Outcome => "Outcome",
        StatisticsDimension.Forum => "Forum",
        StatisticsDimension.Situation => "Client's situation",
        _ => "Office",
    };

    /// <summary>
    /// The column (f) holding the dimension, in statistics_cube and, but for the multi-valued ones (arrays
    /// category_ids and forums there), in case_facts.
    /// </summary>
    internal static string Column(StatisticsDimension dimension) => dimension switch
    {
        StatisticsDimension.Category => "f.category_id",
        StatisticsDimension.Citizenship => "f.citizenship",
        StatisticsDimension.Country => "f.incident_country",
        StatisticsDimension.Year => "f.opened_year",
        StatisticsDimension.AgeGroup => "f.age_group",
        StatisticsDimension.Sex => "f.sex",
        StatisticsDimension.Outcome => "f.outcome",
        StatisticsDimension.Forum => "f.forum",
        StatisticsDimension.Situation => "f.situation",
        _ => "f.office_id",
    };

    /// <summary>The statistics_cube column saying that a row holds the case's first value of a multi-valued dimension.</summary>
    internal static string First(StatisticsDimension dimension) =>
        dimension == StatisticsDimension.Category ? "f.category_first" : "f.forum_first";

    /// <summary>The value code of a case_facts value as read (null: unknown citizenship or country, or still open).</summary>
    internal static string Code(StatisticsDimension dimension, object? value) => value switch
    {
        null or DBNull => dimension == StatisticsDimension.Outcome ? StillOpen : Unknown,
        Guid id => id.ToString(),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!.Trim(),
    };
}
