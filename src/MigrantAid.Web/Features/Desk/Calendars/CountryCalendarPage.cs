using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security.Audit;
using Npgsql;

namespace MigrantAid.Web.Features.Desk.Calendars;

public sealed class AddCalendarDayInput
{
    [Required(ErrorMessage = "Choose the country.")]
    [Display(Name = "Country")]
    public string? Country { get; set; }

    [Required(ErrorMessage = "Enter the date.")]
    [Display(Name = "Date")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Choose whether the day is a holiday or a worked weekend day.")]
    [Display(Name = "Kind of day")]
    public CalendarDayKind? Kind { get; set; } = CalendarDayKind.Holiday;

    [Required(ErrorMessage = "Enter the name of the day.")]
    [StringLength(CountryCalendarDay.NameMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Name")]
    public string? Name { get; set; }
}

public sealed record CalendarDayRow(DateOnly Date, CalendarDayKind Kind, string Name, bool NeedsVerification);

public sealed record CalendarPageModel(string Country, int Year, int CurrentYear, IReadOnlyList<CalendarDayRow> Days, AddCalendarDayInput Add)
{
    /// <summary>The years offered: last year to two years ahead, and the year shown.</summary>
    public IReadOnlyList<int> Years => Enumerable.Range(CurrentYear - 1, 4).Append(Year).Distinct().Order().ToList();
}

/// <summary>
/// A country's exceptions to the Saturday/Sunday week, a year at a time: public holidays and
/// transferred days off (holidays), and weekend days that are worked. Administrators add, remove
/// and confirm them; every change is audited. Deadlines already on cases keep their dates.
/// </summary>
public sealed class CountryCalendarHandler(AppDbContext db, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>The add form's fields are named "Add.Date" and so on: they sit on the page's model.</summary>
    public const string Prefix = "Add";

    private const string PrimaryKey = "pk_country_calendar_days";

    public int CurrentYear => clock.GetUtcNow().Year;

    public async Task<CalendarPageModel?> LoadAsync(string? country, int? year, AddCalendarDayInput? add = null, CancellationToken ct = default)
    {
        country ??= "RU";
        var shownYear = year is >= 1990 and <= 2100 ? year.Value : CurrentYear;
        if (!Countries.IsKnown(country))
        {
            return null;
        }

        var first = new DateOnly(shownYear, 1, 1);
        var last = new DateOnly(shownYear, 12, 31);
        var days = await db.CountryCalendarDays.AsNoTracking()
            .Where(d => d.Country == country && d.Date >= first && d.Date <= last)
            .OrderBy(d => d.Date)
            .Select(d => new CalendarDayRow(d.Date, d.Kind, d.Name, d.NeedsVerification))
            .ToListAsync(ct);
        return new CalendarPageModel(country, shownYear, CurrentYear, days, add ?? new AddCalendarDayInput { Country = country });
    }

    public async Task<FormOutcome> AddAsync(AddCalendarDayInput input, FormErrors errors, CancellationToken ct = default)
    {
        if (input.Country is not null && !Countries.IsKnown(input.Country))
        {
            errors.Add(Prefix + "." + nameof(input.Country), l["Choose the country."]);
        }

        if (input.Kind == CalendarDayKind.WorkingDay && input.Date is { DayOfWeek: not (DayOfWeek.Saturday or DayOfWeek.Sunday) })
        {
            errors.Add(Prefix + "." + nameof(input.Date), l["A worked day must be a Saturday or a Sunday: other days are working days already."]);
        }

        if (errors.IsValid && await db.CountryCalendarDays.AnyAsync(d => d.Country == input.Country && d.Date == input.Date, ct))
        {
            errors.Add(Prefix + "." + nameof(input.Date), l["This date is listed already. Remove it first to change it."]);
        }

        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        var day = new CountryCalendarDay { Country = input.Country!, Date = input.Date!.Value, Kind = input.Kind!.Value, Name = input.Name!.Trim() };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.CountryCalendarDays.Add(day);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: PrimaryKey })
        {
            // Another administrator added the same date in between.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            errors.Add(Prefix + "." + nameof(input.Date), l["This date is listed already. Remove it first to change it."]);
            return FormOutcome.Invalid;
        }

        await audit.RecordAsync(DeadlineAuditActions.CalendarDayAdded, "calendar-day", Key(day.Country, day.Date),
            new { country = day.Country, date = day.Date, kind = day.Kind.ToString(), name = day.Name }, cancellationToken: ct);
        await transaction.CommitAsync(ct);
        return FormOutcome.Saved();
    }

    public async Task<FormOutcome> RemoveAsync(string country, DateOnly date, CancellationToken ct = default)
    {
        var day = await db.CountryCalendarDays.FirstOrDefaultAsync(d => d.Country == country && d.Date == date, ct);
        if (day is null)
        {
            return FormOutcome.NotFound;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.CountryCalendarDays.Remove(day);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(DeadlineAuditActions.CalendarDayRemoved, "calendar-day", Key(country, date),
            new { country, date, kind = day.Kind.ToString(), name = day.Name, needsVerification = day.NeedsVerification }, cancellationToken: ct);
        await transaction.CommitAsync(ct);
        return FormOutcome.Saved();
    }

    /// <summary>Confirms one day, or (without a day) every unconfirmed day of the year.</summary>
    public async Task<FormOutcome> ConfirmAsync(string country, int year, DateOnly? date, CancellationToken ct = default)
    {
        if (!Countries.IsKnown(country))
        {
            return FormOutcome.NotFound;
        }

        var first = date ?? new DateOnly(year, 1, 1);
        var last = date ?? new DateOnly(year, 12, 31);
        var days = await db.CountryCalendarDays
            .Where(d => d.Country == country && d.Date >= first && d.Date <= last && d.NeedsVerification)
            .ToListAsync(ct);
        if (days.Count == 0)
        {
            return date is not null && !await db.CountryCalendarDays.AnyAsync(d => d.Country == country && d.Date == date, ct)
                ? FormOutcome.NotFound
                : FormOutcome.Unchanged;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        days.ForEach(d => d.NeedsVerification = false);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(DeadlineAuditActions.CalendarDaysConfirmed, "calendar-day",
            date is { } one ? Key(country, one) : country + ":" + year.ToString(CultureInfo.InvariantCulture),
            new { country, dates = days.Select(d => d.Date).ToList() }, cancellationToken: ct);
        await transaction.CommitAsync(ct);
        return FormOutcome.Saved();
    }

    private static string Key(string country, DateOnly date) => country + ":" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
