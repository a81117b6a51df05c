namespace MigrantAid.Web.Domain.Clients;

/// <summary>
/// Ranks possible duplicates of a person being registered: the trigram similarity of their name
/// keys (across scripts and spellings), moved up or down by how close the births are.
/// </summary>
public static class DuplicateScoring
{
    /// <summary>Candidates below this score are not shown.</summary>
    public const double Threshold = 0.35;

    /// <summary>What the same date of birth adds.</summary>
    public const double SameDate = 0.25;

    /// <summary>What the same year of birth adds (without the same date).</summary>
    public const double SameYear = 0.15;

    /// <summary>The most the births can add to a name's similarity with what was typed.</summary>
    public static double MostBirthAdds(DateOnly? birthDate, int? birthYear) =>
        birthDate is not null ? SameDate : birthYear is not null ? SameYear : 0;

    /// <param name="nameSimilarity">0..1, PostgreSQL word similarity of the match keys.</param>
    public static double Score(double nameSimilarity, DateOnly? birthDate, int? birthYear, DateOnly? candidateBirthDate, int? candidateBirthYear)
    {
        var birth = 0.0;
        if (birthDate is not null && candidateBirthDate is not null && birthDate == candidateBirthDate)
        {
            birth = SameDate;
        }
        else if ((birthYear ?? birthDate?.Year) is { } year && (candidateBirthYear ?? candidateBirthDate?.Year) is { } other)
        {
            birth = Math.Abs(year - other) switch
            {
                0 => SameYear,
                1 => 0.08,
                2 => 0.03,
                <= 5 => 0.0,
                _ => -0.2,
            };
        }

        return Math.Clamp(nameSimilarity + birth, 0, 1);
    }
}
