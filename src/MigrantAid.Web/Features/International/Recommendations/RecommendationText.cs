using System.Globalization;

namespace MigrantAid.Web.Features.International.Recommendations;

/// <summary>A recommendation's text in the reader's language when it has one, else in the other.</summary>
public static class RecommendationText
{
    public const int ExcerptLength = 220;

    public static string For(string? textEn, string? textRu) =>
        (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ru" ? textRu ?? textEn : textEn ?? textRu) ?? "—";

    public static string Excerpt(string? textEn, string? textRu)
    {
        var text = For(textEn, textRu);
        return text.Length <= ExcerptLength ? text : text[..ExcerptLength].TrimEnd() + "…";
    }
}
