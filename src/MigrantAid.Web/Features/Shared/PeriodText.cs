using System.Globalization;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain.Deadlines;

namespace MigrantAid.Web.Features.Shared;

/// <summary>A rule's period in words, with the plural form of the user's language: "1 month", "5 рабочих дней".</summary>
public static class PeriodText
{
    public static string Format(IStringLocalizer l, int period, PeriodUnit unit) =>
        (unit, Plural.Form(period, CultureInfo.CurrentUICulture)) switch
        {
            (PeriodUnit.CalendarDays, PluralForm.One) => l["PeriodCount.CalendarDays.One", period].Value,
            (PeriodUnit.CalendarDays, PluralForm.Few) => l["PeriodCount.CalendarDays.Few", period].Value,
            (PeriodUnit.CalendarDays, _) => l["PeriodCount.CalendarDays.Many", period].Value,
            (PeriodUnit.WorkingDays, PluralForm.One) => l["PeriodCount.WorkingDays.One", period].Value,
            (PeriodUnit.WorkingDays, PluralForm.Few) => l["PeriodCount.WorkingDays.Few", period].Value,
            (PeriodUnit.WorkingDays, _) => l["PeriodCount.WorkingDays.Many", period].Value,
            (PeriodUnit.Months, PluralForm.One) => l["PeriodCount.Months.One", period].Value,
            (PeriodUnit.Months, PluralForm.Few) => l["PeriodCount.Months.Few", period].Value,
            (PeriodUnit.Months, _) => l["PeriodCount.Months.Many", period].Value,
            (_, PluralForm.One) => l["PeriodCount.Years.One", period].Value,
            (_, PluralForm.Few) => l["PeriodCount.Years.Few", period].Value,
            _ => l["PeriodCount.Years.Many", period].Value,
        };
}
