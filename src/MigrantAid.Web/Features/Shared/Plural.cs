using System.Globalization;

namespace MigrantAid.Web.Features.Shared;

/// <summary>The grammatical number a count takes: English has one/other, Russian one/few/many.</summary>
public enum PluralForm
{
    One,
    Few,
    Many,
}

/// <summary>Chooses the plural form of a count for a language (CLDR cardinal rules for whole numbers).</summary>
public static class Plural
{
    public static PluralForm Form(int n, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "ru" ? Russian(n) : n == 1 ? PluralForm.One : PluralForm.Many;

    /// <summary>1, 21, 101 → one; 2–4, 22–24 → few; 0, 5–20, 11–14, 25 → many.</summary>
    public static PluralForm Russian(int n)
    {
        var abs = Math.Abs(n);
        var last = abs % 10;
        var lastTwo = abs % 100;
        if (last == 1 && lastTwo != 11)
        {
            return PluralForm.One;
        }

        return last is >= 2 and <= 4 && lastTwo is < 12 or > 14 ? PluralForm.Few : PluralForm.Many;
    }
}
