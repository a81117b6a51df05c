using MigrantAid.Web.Features.Desk;
using MigrantAid.Web.Security;

namespace MigrantAid.Tools.Benchmark;

/// <summary>
/// The calendar feed a phone or a mail account polls (issue 4, point 5), run through its own handler
/// (<see cref="ReadCalendarFeedHandler"/>): the owner found by the token's hash, then every open
/// deadline (overdue ones however old) up to a year ahead and the hearings from 90 days back, written as iCalendar. The busy lawyers'
/// addresses are made on the first (untimed) warm-up run, as the feed page would make them (audited).
/// No target is set by the issue: calendar programs poll about hourly.
/// </summary>
internal static class FeedScenarios
{
    public static List<BenchmarkScenario> For(BenchmarkFixtures f)
    {
        var lawyers = f.BusyLawyers.Take(BenchmarkFixtures.Busiest).ToList();
        if (lawyers.Count == 0)
        {
            return [];
        }

        string[]? tokens = null;
        return
        [
            new("calendar feed: busy lawyer, every open deadline, hearings 90 days back to a year ahead", 0, async (sp, i) =>
            {
                tokens ??= await FeedTokensAsync(sp, lawyers);
                var document = await sp.GetRequiredService<ReadCalendarFeedHandler>().HandleAsync(tokens[i % tokens.Length], "https://portal.example");
                if (document is null)
                {
                    throw new InvalidOperationException("The feed address made for the benchmark was not found.");
                }
            }),
        ];
    }

    private static async Task<string[]> FeedTokensAsync(IServiceProvider services, IReadOnlyList<Viewer> lawyers)
    {
        var manage = services.GetRequiredService<ManageCalendarFeedHandler>();
        var tokens = new List<string>();
        foreach (var lawyer in lawyers)
        {
            tokens.Add(await manage.CreateAsync(lawyer.UserId));
        }

        return [.. tokens];
    }
}
