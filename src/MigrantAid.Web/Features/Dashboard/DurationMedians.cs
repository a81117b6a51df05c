using Microsoft.EntityFrameworkCore;

namespace MigrantAid.Web.Features.Dashboard;

/// <summary>The dashboard's medians: days from intake to first assignment and to closure, from the histogram the triggers keep.</summary>
public static class DurationMedians
{
    /// <summary>The exact median of a histogram of whole days: the middle value, or the mean of the two middle values.</summary>
    public static double? Median(IReadOnlyList<(int Days, int Cases)> histogram)
    {
        var total = histogram.Sum(h => h.Cases);
        if (total <= 0)
        {
            return null;
        }

        int At(int position)
        {
            var seen = 0;
            foreach (var (days, cases) in histogram.OrderBy(h => h.Days))
            {
                seen += cases;
                if (seen >= position)
                {
                    return days;
                }
            }

            return histogram.Max(h => h.Days);
        }

        return total % 2 == 1 ? At((total + 1) / 2) : (At(total / 2) + At((total / 2) + 1)) / 2.0;
    }

    /// <summary>The median of <paramref name="kind"/> over the period and office of <paramref name="scope"/>, with the list of the cases it covers.</summary>
    public static async Task<DashboardMedian> ReadAsync(DashboardScope scope, DashboardDurationKind kind, string url, CancellationToken cancellationToken)
    {
        var (office, filter) = (scope.Office, scope.Filter);
        var rows = await scope.Db.Set<DashboardDuration>().AsNoTracking()
            .Where(x => x.Kind == kind && x.OnDate >= filter.From && x.OnDate <= filter.To && (office == null || x.OfficeId == office))
            .GroupBy(x => x.Days).Select(g => new { Days = g.Key, Cases = g.Sum(x => x.Cases) })
            .ToListAsync(cancellationToken);
        var histogram = rows.Where(r => r.Cases > 0).Select(r => (r.Days, r.Cases)).ToList();
        return new DashboardMedian(Median(histogram), histogram.Sum(h => h.Cases), url);
    }
}
