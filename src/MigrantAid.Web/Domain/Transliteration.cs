using System.Globalization;
using System.Text;

namespace MigrantAid.Web.Domain;

/// <summary>
/// Latin forms of names written in Cyrillic (Russian plus the Kazakh, Kyrgyz, Tajik and Uzbek
/// letters), and a looser "match key" under which the spellings met in documents coincide:
/// Рахимов, Rakhimov and Rahimov all become "rahimov".
/// </summary>
public static class Transliteration
{
    private static readonly Dictionary<char, string> Letters = new()
    {
        ['а'] = "a",
        ['б'] = "b",
        ['в'] = "v",
        ['г'] = "g",
        ['д'] = "d",
        ['е'] = "e",
        ['ё'] = "yo",
        ['ж'] = "zh",
        ['з'] = "z",
        ['и'] = "i",
        ['й'] = "y",
        ['к'] = "k",
        ['л'] = "l",
        ['м'] = "m",
        ['н'] = "n",
        ['о'] = "o",
        ['п'] = "p",
        ['р'] = "r",
        ['с'] = "s",
        ['т'] = "t",
        ['у'] = "u",
        ['ф'] = "f",
        ['х'] = "kh",
        ['ц'] = "ts",
        ['ч'] = "ch",
        ['ш'] = "sh",
        ['щ'] = "shch",
        ['ъ'] = "",
        ['ы'] = "y",
        ['ь'] = "",
        ['э'] = "e",
        ['ю'] = "yu",
        ['я'] = "ya",
        // Kazakh, Kyrgyz, Tajik, Uzbek Cyrillic.
        ['ә'] = "a",
        ['ғ'] = "gh",
        ['қ'] = "q",
        ['ң'] = "ng",
        ['ө'] = "o",
        ['ұ'] = "u",
        ['ү'] = "u",
        ['һ'] = "h",
        ['і'] = "i",
        ['ҳ'] = "h",
        ['ҷ'] = "j",
        ['ӣ'] = "i",
        ['ӯ'] = "u",
        ['ў'] = "o",
    };

    private const string Apostrophes = "'`\u2018\u2019\u02BB\u02BC";

    /// <summary>The name in Latin letters, capitalised as typed; Latin input is returned as it is.</summary>
    public static string ToLatin(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text.Trim())
        {
            var lower = char.ToLowerInvariant(c);
            if (Letters.TryGetValue(lower, out var latin))
            {
                result.Append(char.IsUpper(c) && latin.Length > 0 ? char.ToUpperInvariant(latin[0]) + latin[1..] : latin);
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// A lower-case Latin key that ignores the usual differences between transliterations
    /// (kh/h, zh/dzh/dj/j, ye/e, y/i, ts/c, x/h, doubled letters, apostrophes, accents).
    /// </summary>
    public static string MatchKey(string? text)
    {
        var latin = RemoveAccents(ToLatin(text).ToLowerInvariant());
        var key = new StringBuilder(latin.Length);
        foreach (var c in latin)
        {
            // Uzbek Latin writes o', g' (O'tkir, G'ulomov): the apostrophe is part of the letter, not a word break.
            if (Apostrophes.Contains(c))
            {
                continue;
            }

            key.Append(char.IsLetter(c) ? c : ' ');
        }

        var s = key.ToString()
            .Replace("shch", "sh", StringComparison.Ordinal)
            .Replace("dzh", "j", StringComparison.Ordinal)
            .Replace("dj", "j", StringComparison.Ordinal)
            .Replace("kh", "h", StringComparison.Ordinal)
            .Replace("zh", "j", StringComparison.Ordinal)
            .Replace("ts", "c", StringComparison.Ordinal)
            .Replace("yo", "e", StringComparison.Ordinal)
            .Replace("yu", "u", StringComparison.Ordinal)
            .Replace("ya", "a", StringComparison.Ordinal)
            .Replace("ye", "e", StringComparison.Ordinal)
            .Replace("gh", "g", StringComparison.Ordinal)
            .Replace('y', 'i')
            .Replace('x', 'h')
            .Replace('q', 'k')
            .Replace('w', 'v');

        var collapsed = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (collapsed.Length > 0 && collapsed[^1] == c)
            {
                continue;
            }

            collapsed.Append(c);
        }

        return string.Join(' ', collapsed.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string RemoveAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                result.Append(c);
            }
        }

        return result.ToString().Normalize(NormalizationForm.FormC);
    }
}
