using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data.Demo;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Tests.Data.Demo;

/// <summary>The demo seed (offices, accounts, then clients, intakes and cases) on a database of its own.</summary>
public class DemoCasesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Seeding_the_demo_twice_adds_nothing_the_second_time()
    {
        await SeedAsync();
        var first = await CountsAsync();

        await SeedAsync();

        (await CountsAsync()).Should().Equal(first);
        first["clients"].Should().BeGreaterThanOrEqualTo(30);
        first["cases"].Should().BeGreaterThanOrEqualTo(20);
    }

    [Fact]
    public async Task Demo_cases_cover_every_category_status_outcome_and_office()
    {
        await SeedAsync();

        await portal.WithDbAsync(async db =>
        {
            var categories = await db.ComplaintCategories.Select(c => c.Id).ToListAsync();
            var used = await db.CaseCategories.Select(c => c.CategoryId).Distinct().ToListAsync();
            used.Should().BeEquivalentTo(categories, "every complaint category has at least one demo case");

            var statuses = await db.Cases.Select(c => c.Status).Distinct().ToListAsync();
            statuses.Should().BeEquivalentTo(Enum.GetValues<CaseStatus>());
            var outcomes = await db.Cases.Where(c => c.Outcome != null).Select(c => c.Outcome!.Value).Distinct().ToListAsync();
            outcomes.Should().BeEquivalentTo(Enum.GetValues<CaseOutcome>());

            var offices = await db.Offices.Select(o => o.Id).ToListAsync();
            (await db.Cases.Select(c => c.OfficeId).Distinct().ToListAsync()).Should().BeEquivalentTo(offices);

            var intakes = await db.Intakes.Select(i => new { i.Status, Urgent = i.InDetention || i.ImminentExpulsion || i.SeparatedChild }).ToListAsync();
            intakes.Should().Contain(i => i.Status == IntakeStatus.Submitted && i.Urgent);
            intakes.Should().Contain(i => i.Status == IntakeStatus.Submitted && !i.Urgent);
            intakes.Should().Contain(i => i.Status == IntakeStatus.Rejected);
            intakes.Should().Contain(i => i.Status == IntakeStatus.Draft);

            var names = await db.Clients.Select(c => c.FullName).ToListAsync();
            names.Count(IsCyrillic).Should().BeGreaterThan(20, "most names are typed in Cyrillic");
            names.Count(n => n.All(char.IsAscii)).Should().BeGreaterThanOrEqualTo(3, "some names are typed in Latin");
            (await db.Clients.CountAsync(c => c.SearchKey == "")).Should().Be(0);

            var kinds = await db.CaseEvents.Where(e => e.Kind == CaseEventKind.Note).Select(e => e.NoteKind!.Value).Distinct().ToListAsync();
            kinds.Should().BeEquivalentTo(Enum.GetValues<NoteKind>());
            return 0;
        });
    }

    [Fact]
    public async Task The_separated_child_is_an_urgent_case_linked_to_both_parents()
    {
        await SeedAsync();

        await portal.WithDbAsync(async db =>
        {
            var child = await db.Clients.SingleAsync(c => c.FullName == "Юлдашев Темур");
            child.Vulnerabilities.Should().HaveFlag(Vulnerability.Child).And.HaveFlag(Vulnerability.Detained);
            (await db.FamilyLinks.CountAsync(f => f.RelatedClientId == child.Id && f.Relation == FamilyRelation.Child)).Should().Be(2);

            var @case = await db.Cases.SingleAsync(c => db.CaseClients.Any(cc => cc.CaseId == c.Id && cc.ClientId == child.Id));
            @case.IsUrgent.Should().BeTrue();
            @case.Priority.Should().Be(CasePriority.Urgent);
            @case.Status.Should().Be(CaseStatus.InProgress);
            var intake = await db.Intakes.SingleAsync(i => i.Id == @case.IntakeId);
            intake.SeparatedChild.Should().BeTrue();
            var separated = await db.ComplaintCategories.SingleAsync(c => c.Code == "detention.child-separated");
            (await db.CaseCategories.AnyAsync(c => c.CaseId == @case.Id && c.CategoryId == separated.Id)).Should().BeTrue();

            var stays = await db.Clients.Where(c => c.Id == child.Id).SelectMany(c => c.Stays).Select(s => new { s.EntryDate, s.ExitDate }).ToListAsync();
            StayCalculator.Calculate(stays.Select(s => (s.EntryDate, s.ExitDate)), Today()).Overstay.Should().BeTrue("the child is held for overstaying");
            return 0;
        });
    }

    [Fact]
    public async Task Documents_stays_contacts_and_consent_show_the_warnings_the_demo_is_for()
    {
        await SeedAsync();
        var today = Today();

        await portal.WithDbAsync(async db =>
        {
            var clients = await db.Clients.AsNoTracking().Include(c => c.Documents).Include(c => c.Stays).Include(c => c.Contacts).ToListAsync();

            var stateless = clients.Single(c => c.FullName == "Гасанов Руслан");
            stateless.Citizenship.Should().Be(Citizenships.Stateless);
            stateless.Documents.Should().BeEmpty();

            clients.Should().Contain(c => c.Documents.Any(d => d.Type == MigrationDocumentType.WorkPatent && d.ValidityOn(today, 30) == DocumentValidity.Expired));
            clients.Should().Contain(c => c.Documents.Any(d => d.Type == MigrationDocumentType.Passport && d.ValidityOn(today, 30) == DocumentValidity.ExpiresSoon));

            var stays = clients.Where(c => c.Stays.Count > 0)
                .Select(c => StayCalculator.Calculate(c.Stays.Select(s => (s.EntryDate, s.ExitDate)), today)).ToList();
            stays.Should().Contain(s => !s.Overstay && s.DaysUsed >= 75, "one stay is close to the 90-day limit");
            stays.Should().Contain(s => s.Overstay, "one stay is over the limit");

            clients.Should().Contain(c => c.Contacts.Any(k => !k.SafeToContact) && c.Contacts.Any(k => k.SafeToContact));
            clients.Count(c => c.ConsentStatus == ConsentStatus.Withdrawn).Should().Be(1);
            clients.Count(c => c.ConsentStatus == ConsentStatus.Given).Should().BeGreaterThan(clients.Count * 3 / 4);
            return 0;
        });
    }

    [Fact]
    public async Task Demo_cases_are_assigned_to_the_demo_accounts_by_office()
    {
        await SeedAsync();

        await portal.WithDbAsync(async db =>
        {
            var users = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
            var offices = await db.Offices.AsNoTracking().ToDictionaryAsync(o => o.Name);
            var cases = await db.Cases.AsNoTracking().ToListAsync();

            var spb = cases.Where(c => c.OfficeId == offices["St Petersburg"].Id).ToList();
            spb.Where(c => c.LeadLawyerId != null).Should().OnlyContain(c => c.LeadLawyerId == users["lawyer@demo.local"]).And.NotBeEmpty();
            spb.Should().OnlyContain(c => c.CaseworkerId == users["caseworker@demo.local"]);
            spb.Select(c => c.Reference).Should().OnlyContain(r => r.StartsWith(offices["St Petersburg"].CasePrefix + "-", StringComparison.Ordinal));

            var almaty = cases.Where(c => c.OfficeId == offices["Almaty"].Id && c.LeadLawyerId != null).ToList();
            almaty.Should().NotBeEmpty().And.OnlyContain(c => c.LeadLawyerId == users["lawyer2@demo.local"]);

            cases.Should().Contain(c => c.IsConfidential);
            cases.Select(c => c.Reference).Should().OnlyHaveUniqueItems();
            return 0;
        });
    }

    private static bool IsCyrillic(string name) => name.Any(ch => ch is >= 'А' and <= 'я');

    private DateOnly Today() => DateOnly.FromDateTime(portal.Clock.GetUtcNow().UtcDateTime);

    private async Task SeedAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    private Task<Dictionary<string, int>> CountsAsync() => portal.WithDbAsync(async db => new Dictionary<string, int>
    {
        ["offices"] = await db.Offices.CountAsync(),
        ["users"] = await db.Users.CountAsync(),
        ["clients"] = await db.Clients.CountAsync(),
        ["family_links"] = await db.FamilyLinks.CountAsync(),
        ["intakes"] = await db.Intakes.CountAsync(),
        ["respondents"] = await db.Respondents.CountAsync(),
        ["cases"] = await db.Cases.CountAsync(),
        ["case_clients"] = await db.CaseClients.CountAsync(),
        ["case_categories"] = await db.CaseCategories.CountAsync(),
        ["case_events"] = await db.CaseEvents.CountAsync(),
        ["case_number_counters"] = await db.CaseNumberCounters.SumAsync(c => c.LastNumber),
    });
}
