using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Data.Demo;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tools.Generator;

/// <summary>
/// The offices of the generated data: the demo offices first, then more cities as the cases grow (about one office per
/// 25,000 cases), each with a unique code, and weights (the demo cities see twice the cases); and the categories with
/// how often each occurs.
/// </summary>
internal static class SyntheticOffices
{
    private static readonly Dictionary<string, string> DemoCodes = new()
    {
        ["St Petersburg"] = "SPB",
        ["Moscow"] = "MSK",
        ["Almaty"] = "ALA",
        ["Bishkek"] = "BIS",
    };

    public static async Task PrepareAsync(AppDbContext db, SyntheticWorld world, GeneratorOptions options, CancellationToken cancellationToken)
    {
        var offices = await db.Offices.ToListAsync(cancellationToken);
        var maxOffices = DemoSeeder.Offices.Count + SyntheticNames.OfficeCities.Length;
        var target = Math.Clamp(options.Cases / 25_000, 4, maxOffices);
        var prefixes = offices.Select(o => o.CasePrefix).ToHashSet(StringComparer.Ordinal);
        var candidates = DemoSeeder.Offices.Select(o => (o.Name, o.City, o.Country, o.TimeZone))
            .Concat(SyntheticNames.OfficeCities.Select(c => (Name: c.City, c.City, c.Country, c.TimeZone)));
        foreach (var (name, city, country, zone) in candidates)
        {
            if (offices.Count >= target)
            {
                break;
            }

            if (offices.Any(o => o.Name == name))
            {
                continue;
            }

            var office = new Office(name, city, country, zone, world.Now);
            var code = UniqueCode(DemoCodes.GetValueOrDefault(name), city, prefixes);
            office.SetCode(code, world.Now);
            prefixes.Add(code);
            db.Offices.Add(office);
            offices.Add(office);
        }

        await db.SaveChangesAsync(cancellationToken);

        // Sorted by name so that the same seed gives the same spread whatever order the database returns.
        foreach (var office in offices.OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            world.Offices.Add(new SyntheticOffice(office.Id, office.CasePrefix, office.City, office.CountryCode, office.TimeZoneId));
        }

        world.OfficeWeights = world.Offices.Select(o => DemoCodes.ContainsKey(o.City) ? 2.0 : 1.0).ToArray();
    }

    /// <summary>The active categories and their weights, in id order.</summary>
    public static async Task LoadCategoriesAsync(AppDbContext db, SyntheticWorld world, CancellationToken cancellationToken)
    {
        world.Categories = await db.ComplaintCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        if (world.Categories.Count == 0)
        {
            throw new InvalidOperationException("No complaint categories: migrate the database first.");
        }

        world.CategoryWeights = world.Categories.Select(c => CategoryWeight(c.Code)).ToArray();
    }

    /// <summary>How often a category occurs, relative: unpaid wages and documents are the daily work.</summary>
    private static double CategoryWeight(string code) => code switch
    {
        "labour.unpaid-wages" => 20,
        "labour.documents-confiscated" or "detention.expulsion" or "documents.registration" or "documents.work-patent" => 8,
        "labour.unsafe-work" or "detention.arbitrary" or "detention.entry-ban" or "documents.passport" => 5,
        "labour.recruitment-agency" or "violence.police-abuse" => 4,
        "labour.forced-labour" or "labour.domestic-worker-abuse" or "detention.centre" or "children.school-access" or "health.health-care" => 3,
        "documents.citizenship" or "health.social-benefits" or "violence.hate-violence" or "violence.discrimination" => 2,
        "trafficking.sexual" or "trafficking.slavery" => 0.5,
        _ => 1,
    };

    private static string UniqueCode(string? preferred, string city, HashSet<string> taken)
    {
        if (preferred is not null && !taken.Contains(preferred))
        {
            return preferred;
        }

        var letters = Transliteration.ToLatin(city).Where(char.IsAsciiLetter).Select(char.ToUpperInvariant).ToArray();
        for (var second = 1; second < letters.Length; second++)
        {
            for (var third = second + 1; third < letters.Length; third++)
            {
                var code = new string([letters[0], letters[second], letters[third]]);
                if (!taken.Contains(code))
                {
                    return code;
                }
            }
        }

        for (var n = 0; ; n++)
        {
            var code = "X" + (char)('A' + (n / 26 % 26)) + (char)('A' + (n % 26));
            if (!taken.Contains(code))
            {
                return code;
            }
        }
    }
}
