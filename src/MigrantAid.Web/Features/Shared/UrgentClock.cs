using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;

namespace MigrantAid.Web.Features.Shared;

/// <summary>
/// Urgent intakes waiting for a decision (within their response target or late), the time left on the
/// most pressing one, and the link of the intake queue that lists exactly them.
/// </summary>
public sealed record UrgentClock(int Count, DateTimeOffset? FirstDue, string TimeLeft, string Url)
{
    /// <summary>The most pressing intake is past its response target.</summary>
    public bool Late { get; init; }

    /// <summary>How many of them are past their response target.</summary>
    public int LateCount { get; init; }

    /// <summary>One query (counts and earliest target) on the (status, office, response_due_at) index.</summary>
    public static async Task<UrgentClock> ReadAsync(AppDbContext db, Guid? office, DateTimeOffset now, IStringLocalizer l, CancellationToken cancellationToken)
    {
        var figures = await db.Intakes.AsNoTracking()
            .Where(Domain.Cases.Intake.UrgentAndWaiting)
            .Where(i => office == null || i.OfficeId == office)
            .GroupBy(i => 1)
            .Select(g => new { Count = g.Count(), Late = g.Count(i => i.ResponseDueAt < now), FirstDue = g.Min(i => i.ResponseDueAt) })
            .SingleOrDefaultAsync(cancellationToken);
        var url = new IntakeFilterQuery { Office = office?.ToString(), Overdue = IntakeFilterQuery.UrgentWaiting }.ToUrl();
        var due = figures?.FirstDue;
        return new UrgentClock(figures?.Count ?? 0, due, due is { } d ? Describe(d - now, l) : "", url) { Late = due < now, LateCount = figures?.Late ?? 0 };
    }

    /// <summary>"3 h 20 min left" or "overdue by 1 h", to the minute.</summary>
    public static string Describe(TimeSpan left, IStringLocalizer l)
    {
        // To the nearest minute: stored times lose their sub-microsecond ticks.
        var span = TimeSpan.FromMinutes(Math.Round(left.Duration().TotalMinutes));
        var hours = (int)span.TotalHours;
        var text = hours > 0
            ? (span.Minutes > 0 ? l["{0} h {1} min", hours, span.Minutes].Value : l["{0} h", hours].Value)
            : l["{0} min", span.Minutes].Value;
        return left < TimeSpan.Zero ? l["Overdue by {0}", text].Value : l["{0} left", text].Value;
    }
}
