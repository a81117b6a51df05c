using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Web.Domain.Deadlines;

/// <summary>
/// An administrator-maintained rule: when <see cref="Trigger"/> happens in <see cref="Forum"/> (a country
/// code such as "RU" for national courts, or an international body code such as "CRC"), a deadline falls
/// <see cref="Period"/> <see cref="Unit"/> later. The shipped rules are examples that need confirmation.
/// </summary>
public class DeadlineRule
{
    public const int NameMaxLength = 300;
    public const int TextMaxLength = 2000;

    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The name in Russian, shown on Russian pages and given to the deadlines the rule computes; null: the English name is shown.</summary>
    public string? NameRu { get; set; }

    /// <summary>A country code (national courts, see Countries.Codes) or an international body (InternationalBodies).</summary>
    public string Forum { get; set; } = "";

    public string Procedure { get; set; } = "";

    public TriggerEvent Trigger { get; set; }

    /// <summary>Only decisions in proceedings of this type (national courts); null: any.</summary>
    public ProceedingType? ProceedingType { get; set; }

    /// <summary>Only decisions of this instance (e.g. cassation follows an appeal decision); null: any.</summary>
    public CourtInstance? Instance { get; set; }

    public int Period { get; set; }

    public PeriodUnit Unit { get; set; }

    public string? LegalBasis { get; set; }

    /// <summary>The legal basis in Russian, shown on Russian pages; null: the English text is shown.</summary>
    public string? LegalBasisRu { get; set; }

    /// <summary>The legal basis in the reader's language: the Russian text on Russian pages when there is one.</summary>
    public static string? LegalBasisIn(string? legalBasis, string? legalBasisRu, bool russian) =>
        russian && !string.IsNullOrEmpty(legalBasisRu) ? legalBasisRu : legalBasis;

    public string? Notes { get; set; }

    /// <summary>Shipped starter values the organisation's lawyers have not confirmed yet.</summary>
    public bool NeedsVerification { get; set; }

    public bool IsActive { get; set; } = true;

    public uint Version { get; private set; }
}

/// <summary>A country's non-working day (holiday) or a weekend day that is worked. Saturdays and Sundays are otherwise non-working.</summary>
public class CountryCalendarDay
{
    public const int NameMaxLength = 200;

    public string Country { get; set; } = "";

    public DateOnly Date { get; set; }

    public CalendarDayKind Kind { get; set; }

    public string Name { get; set; } = "";

    public bool NeedsVerification { get; set; }
}
