using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Features.Statistics;
using MigrantAid.Tests.Support;
using MigrantAid.Tools.Generator;
using MigrantAid.Web.Data;
using MigrantAid.Web.Data.Encryption;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;
using Npgsql;

namespace MigrantAid.Tests.Tools;

/// <summary>The synthetic data generator on a fresh migrated database: 2,000 cases, checked row by row in SQL.</summary>
public partial class SyntheticDataGeneratorTests(SyntheticDataGeneratorTests.GeneratedPortal portal) : IClassFixture<SyntheticDataGeneratorTests.GeneratedPortal>
{
    public const int Cases = 2000;

    /// <summary>A portal whose database holds the generated data (seed 7) once for the whole class.</summary>
    public sealed class GeneratedPortal() : GeneratedDataPortal(new GeneratorOptions(Cases, Seed: 7, BatchSize: 500));

    [Fact]
    public async Task Every_table_gets_rows_in_proportion_to_the_cases()
    {
        var counts = await CountsAsync();

        counts["cases"].Should().Be(Cases);
        counts["clients"].Should().BeInRange(Cases * 12 / 10, Cases * 15 / 10, "about 1.3 clients per case");
        counts["intakes"].Should().BeGreaterThan(Cases, "every case has its intake, and some intakes are rejected or pending");
        counts["case_clients"].Should().BeGreaterThan(Cases);
        counts["case_categories"].Should().BeGreaterThanOrEqualTo(Cases);
        counts["case_events"].Should().BeGreaterThan(Cases * 3, "a few events per case");
        counts["case_documents"].Should().BeGreaterThan(Cases / 2);
        counts["respondents"].Should().BeGreaterThan(Cases / 2);
        counts["case_document_contents"].Should().Be(0, "only document metadata is generated, no bytes");
        foreach (var (table, rows) in portal.Report.Rows)
        {
            counts.Should().ContainKey(table).WhoseValue.Should().Be(rows, "the report counts what {0} holds", table);
        }
    }

    [Fact]
    public async Task The_statistics_cube_loaded_with_its_triggers_off_is_rebuilt_and_counts_every_case_once()
    {
        (await StatisticsCubeState.CasesAsync(portal)).Should().Be(Cases, "generate rebuilds the cube after its load, and each case is in it once by its first values");
        await StatisticsCubeState.ShouldEqualRebuildAsync(portal, "after generation");
    }

    [Fact]
    public async Task Every_case_has_one_principal_client_and_its_intake()
    {
        (await ScalarAsync("""
            SELECT count(*) FROM cases c
            WHERE (SELECT count(*) FROM case_clients cc WHERE cc.case_id = c.id AND cc.role = 0) <> 1
               OR NOT EXISTS (SELECT 1 FROM case_clients cc WHERE cc.case_id = c.id AND cc.client_id = c.principal_client_id AND cc.role = 0)
            """)).Should().Be(0);
        (await ScalarAsync("SELECT count(*) FROM cases c JOIN intakes i ON i.id = c.intake_id WHERE i.status <> 2 OR i.client_id <> c.principal_client_id")).Should().Be(0);
        (await ScalarAsync("SELECT count(*) FROM intakes i WHERE i.status = 2 AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.intake_id = i.id)")).Should().Be(0);
        (await ScalarAsync("SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_categories k WHERE k.case_id = c.id)")).Should().Be(0);
        (await ScalarAsync("SELECT count(*) FROM cases c WHERE (SELECT e.kind FROM case_events e WHERE e.case_id = c.id ORDER BY e.id LIMIT 1) <> 5"))
            .Should().Be(0, "each timeline starts with the opening");
        (await ScalarAsync("SELECT count(*) FROM cases WHERE (status = 2) <> (closed_on IS NOT NULL AND outcome IS NOT NULL) OR closed_on < opened_on"))
            .Should().Be(0, "closed cases, and only they, have an outcome and a date after the opening");
    }

    [Fact]
    public async Task References_are_unique_and_numbered_per_office_and_year_without_gaps()
    {
        var references = await portal.WithDbAsync(db => db.Cases.Select(c => c.Reference).ToListAsync());
        references.Should().OnlyHaveUniqueItems().And.OnlyContain(r => ReferencePattern().IsMatch(r));
        (await ScalarAsync("""
            SELECT count(*) FROM (SELECT office_id, year, max(number) AS top, count(*) AS n FROM cases GROUP BY office_id, year) g
            LEFT JOIN case_number_counters k ON k.office_id = g.office_id AND k.year = g.year
            WHERE g.top <> g.n OR k.last_number IS DISTINCT FROM g.top
            """)).Should().Be(0, "numbers run 1..n and the counter continues after n");
    }

    [Fact]
    public async Task Search_keys_are_the_portals_own_and_find_people_across_scripts()
    {
        (await ScalarAsync("SELECT count(*) FROM clients WHERE search_key = '' OR latin_name = ''")).Should().Be(0);
        (await ScalarAsync("SELECT count(*) FROM respondents WHERE search_key = ''")).Should().Be(0);

        var sample = await portal.WithDbAsync(db => db.Clients.AsNoTracking().Include(c => c.Aliases).OrderBy(c => c.Id).Take(200).ToListAsync());
        foreach (var stored in sample)
        {
            var derived = new Client(stored.OfficeId, stored.FullName, stored.Patronymic, Guid.Empty, DateTimeOffset.UtcNow);
            foreach (var alias in stored.Aliases)
            {
                derived.AddAlias(alias.Name, alias.Note);
            }

            stored.SearchKey.Should().Be(derived.SearchKey, "{0} is keyed as the portal keys it", stored.FullName);
            stored.LatinName.Should().Be(derived.LatinName);
        }

        var cyrillic = sample.First(c => c.FullName.Any(ch => ch is >= 'А' and <= 'я'));
        var coordinator = new Viewer(Guid.NewGuid(), null, IsCoordinator: true, IsLawyer: false, IsCaseworker: false);
        var found = await portal.WithDbAsync(db => ClientFinder.FindAsync(db, coordinator, Transliteration.ToLatin(cyrillic.FullName), null, null, null, limit: 50));
        found.Should().Contain(c => c.Id == cyrillic.Id, "{0} is found by its Latin spelling", cyrillic.FullName);
    }

    [Fact]
    public async Task The_mix_of_statuses_urgency_confidentiality_and_offices_is_realistic()
    {
        await portal.WithDbAsync(async db =>
        {
            var cases = await db.Cases.AsNoTracking().Select(c => new { c.Status, c.IsUrgent, c.IsConfidential, c.OfficeId, c.OpenedOn, c.CaseworkerId, c.LeadLawyerId }).ToListAsync();
            cases.Select(c => c.Status).Distinct().Should().BeEquivalentTo(Enum.GetValues<CaseStatus>());
            (cases.Count(c => c.IsUrgent) * 100.0 / Cases).Should().BeInRange(5, 16);
            (cases.Count(c => c.IsConfidential) * 100.0 / Cases).Should().BeInRange(1, 7);
            cases.Select(c => c.OfficeId).Distinct().Should().HaveCountGreaterThanOrEqualTo(4);
            var today = DateOnly.FromDateTime(portal.Clock.GetUtcNow().UtcDateTime);
            cases.Min(c => c.OpenedOn).Should().BeOnOrAfter(today.AddYears(-5));
            cases.Max(c => c.OpenedOn).Should().BeOnOrBefore(today);

            // Staff of the case's office work it.
            var staffOffice = await db.Users.AsNoTracking().Where(u => u.OfficeId != null).ToDictionaryAsync(u => u.Id, u => u.OfficeId!.Value);
            cases.Where(c => c.LeadLawyerId is not null).Should().OnlyContain(c => staffOffice[c.LeadLawyerId!.Value] == c.OfficeId);
            cases.Where(c => c.CaseworkerId is not null).Should().OnlyContain(c => staffOffice[c.CaseworkerId!.Value] == c.OfficeId);

            var intakes = await db.Intakes.AsNoTracking().Select(i => i.Status).Distinct().ToListAsync();
            intakes.Should().Contain([IntakeStatus.Accepted, IntakeStatus.Rejected, IntakeStatus.Submitted]);
            return 0;
        });
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_data_and_a_second_run_with_it_is_refused()
    {
        var other = await TestDatabase.CreateMigratedAsync("generator-seed");
        try
        {
            var cipher = new FieldCipher(() => KeyEncryptionKey.Parse(TestKeys.KeyEncryptionKey, "the test key"), () => other);
            await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(other).UseFieldCipher(cipher).Options);
            foreach (var role in Roles.All)
            {
                db.Roles.Add(new AppRole(role) { NormalizedName = role.ToUpperInvariant() });
            }

            await db.SaveChangesAsync();
            await new SyntheticDataGenerator(db, portal.Clock, TextWriter.Null).RunAsync(new GeneratorOptions(Cases, Seed: 7, BatchSize: 700));

            var again = await db.Cases.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Reference, c.Title, c.OpenedOn }).ToListAsync();
            var first = await portal.WithDbAsync(d => d.Cases.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Reference, c.Title, c.OpenedOn }).ToListAsync());
            again.Should().Equal(first, "seed 7 gives the same cases whatever the batch size");
            var names = await db.Clients.AsNoTracking().OrderBy(c => c.Id).Select(c => c.FullName).ToListAsync();
            names.Should().Equal(await portal.WithDbAsync(d => d.Clients.AsNoTracking().OrderBy(c => c.Id).Select(c => c.FullName).ToListAsync()));

            var second = () => new SyntheticDataGenerator(db, portal.Clock, TextWriter.Null).RunAsync(new GeneratorOptions(10, Seed: 7));
            await second.Should().ThrowAsync<InvalidOperationException>().WithMessage("*seed 7*");
        }
        finally
        {
            await TestDatabase.DropAsync(other);
        }
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<Dictionary<string, long>> CountsAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in new[]
        {
            "clients", "client_aliases", "client_contacts", "migration_documents", "stay_periods", "consent_records", "family_links", "intakes",
            "respondents", "cases", "case_clients", "case_lawyers", "case_categories", "case_events", "case_documents", "case_document_contents",
            "court_proceedings", "hearings", "case_deadlines",
        })
        {
            counts[table] = await ScalarAsync($"SELECT count(*) FROM {table}");
        }

        counts["users"] = await ScalarAsync("SELECT count(*) FROM users WHERE email LIKE '%@synthetic.invalid'");
        return counts;
    }

    [GeneratedRegex(@"^[A-Z]{2,5}-\d{4}-\d{4,}$")]
    private static partial Regex ReferencePattern();
}
