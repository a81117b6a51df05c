using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Security;

namespace MigrantAid.Tools.Benchmark;

/// <summary>
/// Who asks and what: staff of the generated data, signed in as the portal would sign them in (the
/// portal's own claims factory, so <see cref="Viewer.From"/> reads them as a request would), and
/// parameters drawn evenly from the cases.
/// </summary>
internal sealed record BenchmarkFixtures(
    long Cases, Viewer Coordinator, IReadOnlyList<Viewer> Lawyers, IReadOnlyList<Viewer> Caseworkers,
    IReadOnlyList<(DateOnly, Guid)> Positions, IReadOnlyList<string> Names, IReadOnlyList<string> Respondents,
    IReadOnlyList<string> References, IReadOnlyList<Guid> CaseIds, IReadOnlyDictionary<Guid, ClaimsPrincipal> Principals)
{
    /// <summary>How many of the busiest lawyers and largest offices the runs cycle through.</summary>
    public const int Busiest = 5;

    /// <summary>The lawyers with the most cases (issue 4's "busy lawyer"), busiest first.</summary>
    public IReadOnlyList<Viewer> BusyLawyers { get; private init; } = [];

    /// <summary>Offices by their number of cases, largest first.</summary>
    public IReadOnlyList<Guid> Offices { get; private init; } = [];

    /// <summary>The signed-in user of a viewer, for the handlers that take the request's user.</summary>
    public ClaimsPrincipal Principal(Viewer viewer) => Principals[viewer.UserId];

    public static async Task<BenchmarkFixtures> LoadAsync(IServiceProvider services, int count, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var total = await db.Cases.LongCountAsync(cancellationToken);
        if (total == 0)
        {
            throw new InvalidOperationException("No cases: run 'generate' first.");
        }

        Task<List<Guid>> StaffAsync(string role) =>
            db.Users.AsNoTracking()
                .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)))
                .OrderBy(u => u.Id).Take(count).Select(u => u.Id).ToListAsync(cancellationToken);

        var coordinator = (await StaffAsync(Roles.Coordinator))[0];
        var lawyers = await StaffAsync(Roles.Lawyer);
        var caseworkers = await StaffAsync(Roles.Caseworker);

        // The lawyers with most cases, and the offices by size.
        var busy = await db.Cases.AsNoTracking().Where(c => c.LeadLawyerId != null)
            .GroupBy(c => c.LeadLawyerId!.Value).Select(g => new { Id = g.Key, Cases = g.Count() })
            .OrderByDescending(g => g.Cases).Take(count).Select(g => g.Id).ToListAsync(cancellationToken);
        var offices = await db.Cases.AsNoTracking().GroupBy(c => c.OfficeId).OrderByDescending(g => g.Count()).Select(g => g.Key).ToListAsync(cancellationToken);
        var principals = await PrincipalsAsync(services, [coordinator, .. lawyers, .. caseworkers, .. busy], cancellationToken);
        Viewer ViewerOf(Guid id) => Viewer.From(principals[id]);

        var sample = await SampleAsync(db, count, cancellationToken);

        return new BenchmarkFixtures(
            total,
            ViewerOf(coordinator),
            lawyers.Select(ViewerOf).ToList(),
            caseworkers.Select(ViewerOf).ToList(),
            sample.Select(s => (s.OpenedOn, s.Id)).ToList(),

            // Typed the other way round from how the name was saved (Cyrillic → Latin), as the search must cope with.
            sample.Select(s => Transliteration.ToLatin(s.Client)).ToList(),
            sample.Where(s => s.Respondent is not null).Select(s => s.Respondent!).DefaultIfEmpty("ООО").ToList(),

            // "SPB-2025-01": the office, year and the start of the number, as someone types a reference from memory.
            sample.Select(s => s.Reference[..^2]).ToList(),
            sample.Select(s => s.Id).ToList(),
            principals)
        {
            BusyLawyers = busy.Select(ViewerOf).ToList(),
            Offices = offices,
        };
    }

    private sealed record SampleCase(Guid Id, DateOnly OpenedOn, string Reference, string Client, string? Respondent);

    /// <summary>Cases at random (uuid order): their positions are at random depths, their clients random people.</summary>
    private static Task<List<SampleCase>> SampleAsync(AppDbContext db, int count, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking().OrderBy(c => c.Id).Take(count)
            .Select(c => new SampleCase(
                c.Id,
                c.OpenedOn,
                c.Reference,
                db.Clients.Where(cl => cl.Id == c.PrincipalClientId).Select(cl => cl.FullName).First(),
                db.Respondents.Where(r => r.IntakeId == c.IntakeId && r.Type == RespondentType.Employer).Select(r => r.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);

    /// <summary>Each user as the sign-in cookie would carry them: the portal's claims factory (roles, office).</summary>
    private static async Task<Dictionary<Guid, ClaimsPrincipal>> PrincipalsAsync(IServiceProvider services, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var wanted = ids.Distinct().ToList();
        var users = await services.GetRequiredService<AppDbContext>().Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToListAsync(cancellationToken);
        var principals = new Dictionary<Guid, ClaimsPrincipal>();
        foreach (var user in users)
        {
            principals[user.Id] = await factory.CreateAsync(user);
        }

        return principals;
    }
}
