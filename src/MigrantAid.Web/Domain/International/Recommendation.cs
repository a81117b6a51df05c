using System.Globalization;

namespace MigrantAid.Web.Domain.International;

/// <summary>
/// A recommendation an international body (a treaty body's concluding observations, the UPR) made to a
/// state, in English and Russian, filed under themes; the state's response, and its implementation as
/// last assessed (each assessment is kept, dated, in <see cref="RecommendationAssessment"/>).
/// </summary>
public class Recommendation
{
    public const int CycleMaxLength = 200;
    public const int ParagraphMaxLength = 50;
    public const int TextMaxLength = 4000;
    public const int RecommendingStateMaxLength = 200;
    public const int SourceMaxLength = 500;
    public const int MinYear = 1990;

    private readonly List<RecommendationThemeTag> _themes = [];

    private Recommendation()
    {
    }

    public Recommendation(Guid? createdBy, DateTimeOffset now)
    {
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public InternationalBody Body { get; set; }

    /// <summary>ISO code of the state the recommendation is addressed to (Countries.Codes).</summary>
    public string State { get; set; } = "";

    /// <summary>The UPR cycle or the body's session, e.g. "Third cycle" or "66th session".</summary>
    public string Cycle { get; set; } = "";

    public int Year { get; set; }

    /// <summary>The paragraph number in the body's document, e.g. "140.12".</summary>
    public string? Paragraph { get; private set; }

    public string? TextEn { get; private set; }

    public string? TextRu { get; private set; }

    /// <summary>The state that made the recommendation (UPR), as the document names it.</summary>
    public string? RecommendingState { get; private set; }

    /// <summary>Where the text comes from (document symbol, publication).</summary>
    public string? Source { get; set; }

    public RecommendationResponse Response { get; set; }

    /// <summary>The status of the latest assessment by date; <see cref="ImplementationStatus.NotAssessed"/> before any.</summary>
    public ImplementationStatus Status { get; private set; }

    /// <summary>The date of the assessment that gave <see cref="Status"/>.</summary>
    public DateOnly? StatusOn { get; private set; }

    /// <summary>What the search box looks in: both texts, the paragraph and the recommending state, in lower case with ё as е.</summary>
    public string SearchText { get; private set; } = "";

    public IReadOnlyCollection<RecommendationThemeTag> Themes => _themes;

    public Guid? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid? UpdatedBy { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public void SetText(string? paragraph, string? textEn, string? textRu, string? recommendingState)
    {
        Paragraph = Blank(paragraph);
        TextEn = Blank(textEn);
        TextRu = Blank(textRu);
        RecommendingState = Blank(recommendingState);
        SearchText = SearchForm(string.Join(' ', new[] { Paragraph, TextEn, TextRu, RecommendingState }.Where(t => t is not null)));
    }

    public void SetThemes(IEnumerable<RecommendationTheme> themes)
    {
        var wanted = themes.Distinct().ToHashSet();
        _themes.RemoveAll(t => !wanted.Contains(t.Theme));
        foreach (var theme in wanted.Where(w => _themes.All(t => t.Theme != w)).Order())
        {
            _themes.Add(new RecommendationThemeTag(Id, theme));
        }
    }

    public void Touch(Guid by, DateTimeOffset now)
    {
        UpdatedBy = by;
        UpdatedAt = now;
    }

    /// <summary>
    /// Records a dated assessment. The recommendation's status becomes the assessment's unless an
    /// assessment with a later date is already recorded (an older finding entered late is history only).
    /// </summary>
    public RecommendationAssessment Assess(DateOnly on, ImplementationStatus status, string? note, Guid by, DateTimeOffset now)
    {
        if (status == ImplementationStatus.NotAssessed)
        {
            throw new DomainException("Choose what the assessment found.");
        }

        if (StatusOn is null || on >= StatusOn)
        {
            Status = status;
            StatusOn = on;
        }

        return new RecommendationAssessment(Id, on, status, Blank(note), by, now);
    }

    /// <summary>The search form of a text or a search word: lower case (culture-independent), ё as е.</summary>
    public static string SearchForm(string text) =>
        text.ToLower(CultureInfo.InvariantCulture).Replace('ё', 'е');

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>One theme of a recommendation (a row per theme, so the theme filter walks an index).</summary>
public class RecommendationThemeTag
{
    private RecommendationThemeTag()
    {
    }

    public RecommendationThemeTag(int recommendationId, RecommendationTheme theme)
    {
        RecommendationId = recommendationId;
        Theme = theme;
    }

    public int RecommendationId { get; private set; }

    public RecommendationTheme Theme { get; private set; }
}

/// <summary>A dated finding on how far a recommendation is implemented, with who recorded it.</summary>
public class RecommendationAssessment
{
    public const int NoteMaxLength = 2000;

    private RecommendationAssessment()
    {
    }

    public RecommendationAssessment(int recommendationId, DateOnly assessedOn, ImplementationStatus status, string? note, Guid assessedBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        RecommendationId = recommendationId;
        AssessedOn = assessedOn;
        Status = status;
        Note = note;
        AssessedBy = assessedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public int RecommendationId { get; private set; }

    public DateOnly AssessedOn { get; private set; }

    public ImplementationStatus Status { get; private set; }

    public string? Note { get; private set; }

    public Guid AssessedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>A case linked to a recommendation as evidence of (non-)implementation, with a note.</summary>
public class CaseRecommendation
{
    public const int NoteMaxLength = 1000;

    private CaseRecommendation()
    {
    }

    public CaseRecommendation(Guid caseId, int recommendationId, string? note, Guid linkedBy, DateTimeOffset now)
    {
        CaseId = caseId;
        RecommendationId = recommendationId;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        LinkedBy = linkedBy;
        LinkedAt = now;
    }

    public Guid CaseId { get; private set; }

    public int RecommendationId { get; private set; }

    public string? Note { get; private set; }

    public Guid LinkedBy { get; private set; }

    public DateTimeOffset LinkedAt { get; private set; }
}
