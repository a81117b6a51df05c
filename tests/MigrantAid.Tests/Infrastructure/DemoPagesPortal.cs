using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Features.Desk.Calendars;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data.Demo;

namespace MigrantAid.Tests.Infrastructure;

/// <summary>
/// The portal with the demo data (Data/Demo) and a statement counter: the pages of issue 14's table with realistic
/// records (a case with its deadlines, proceedings, documents and notes; clients with aliases; a lawyer's calendar feed).
/// </summary>
public sealed class DemoPagesPortal : CountingPortal
{
    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _clients = new();

    /// <summary>The coordinator's office's case with the most deadlines (its page has every section filled).</summary>
    public Guid BusyCaseId { get; private set; }

    public string BusyCaseReference { get; private set; } = "";

    /// <summary>The path of the demo lawyer's calendar feed (the secret address).</summary>
    public string FeedPath { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }

        (BusyCaseId, BusyCaseReference) = await WithDbAsync(async db =>
        {
            var office = await db.Users.Where(u => u.Email == "coordinator@demo.local").Select(u => u.OfficeId).SingleAsync();
            var busy = await db.Cases.Where(c => c.OfficeId == office)
                .OrderByDescending(c => db.CaseDeadlines.Count(d => d.CaseId == c.Id)).ThenBy(c => c.Reference)
                .Select(c => new { c.Id, c.Reference }).FirstAsync();
            return (busy.Id, busy.Reference);
        });
        FeedPath = await CalendarFeedTests.CreateAsync(await SignedInAsync("lawyer@demo.local"));
    }

    /// <summary>A demo user signed in once per portal (the counted requests are the pages, not the sign-ins).</summary>
    public Task<HttpClient> SignedInAsync(string email) =>
        _clients.GetOrAdd(email, e => new Lazy<Task<HttpClient>>(() => SignedInClientAsync(e, DemoSeeder.Password))).Value;
}
