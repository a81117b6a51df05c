using Microsoft.EntityFrameworkCore;

namespace MigrantAid.Web.Data.Demo;

/// <summary>
/// Demo clients, intakes and cases for the demo offices and accounts of <see cref="DemoSeeder"/>
/// (invented people, employers and stories; real cities), told by theme in <see cref="WorkStories"/>,
/// <see cref="DetentionStories"/>, <see cref="FamilyAndHealthStories"/> and <see cref="TraffickingAndViolenceStories"/>.
/// St Petersburg cases go to lawyer@ and caseworker@, Almaty cases to lawyer2@; the coordinator
/// accepts intakes and works the Moscow and Bishkek cases. Idempotent: a story is keyed by its office
/// and the name of its first client and is written in one transaction, so a second run adds nothing.
/// Dates are relative to the clock, so "expires within 30 days" and "near the 90-day limit" stay true.
/// </summary>
public sealed class DemoCases(AppDbContext db, TimeProvider clock)
{
    public const string SpbOffice = "St Petersburg";
    public const string MoscowOffice = "Moscow";
    public const string AlmatyOffice = "Almaty";
    public const string BishkekOffice = "Bishkek";

    /// <summary>Writes the stories not yet in the database; returns how many were added.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var directory = await DemoDirectory.LoadAsync(db, clock, cancellationToken);
        var added = 0;
        foreach (var (officeName, firstClient, write) in Stories(directory))
        {
            // An office renamed since the demo was first seeded is left alone.
            if (!directory.Offices.TryGetValue(officeName, out var office)
                || await db.Clients.AnyAsync(c => c.OfficeId == office.Id && c.FullName == firstClient, cancellationToken))
            {
                continue;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await write();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            added++;
        }

        return added;
    }

    /// <summary>Office, the exact name of the story's first client (its idempotency key), and the writer, in the order they are told.</summary>
    private IEnumerable<(string Office, string FirstClient, Func<Task> Write)> Stories(DemoDirectory directory)
    {
        var work = new WorkStories(db, directory);
        var detention = new DetentionStories(db, directory);
        var family = new FamilyAndHealthStories(db, directory);
        var harm = new TraffickingAndViolenceStories(db, directory);
        return
        [
            (SpbOffice, "Шарипов Далер", work.UnpaidWagesOnBuildingSiteAsync),
            (SpbOffice, "Юлдашева Малика", detention.ChildHeldForDeportationAsync),
            (MoscowOffice, "Гасанов Руслан", detention.StatelessManAsync),
            (SpbOffice, "Каримова Зарина", family.SchoolRefusesChildAsync),
            (AlmatyOffice, "Абдыкадырова Айпери", work.DomesticWorkerPassportKeptAsync),
            (SpbOffice, "Турсунов Акмал", detention.PassportExpiringSoonAsync),
            (SpbOffice, "Мирзоев Фирдавс", detention.StayNearTheLimitAsync),
            (MoscowOffice, "Холматов Жасур", detention.OverstayAndExpulsionAsync),
            (MoscowOffice, "Эргашев Улугбек", harm.LabourTraffickingAsync),
            (AlmatyOffice, "Жумабаева Гулзат", harm.SexualTraffickingAsync),
            (SpbOffice, "Сафаров Исмоил", harm.HateViolenceConsentWithdrawnAsync),
            (MoscowOffice, "Бобоева Гулшан", family.RomaRefusedAtClinicAsync),
            (SpbOffice, "Исмоилова Нилуфар", family.MaternityCareAsync),
            (BishkekOffice, "Токтогулов Эрлан", work.InjuredReturneeAsync),
            (BishkekOffice, "Бекмуратов Азамат", work.RecruitmentFeeAsync),
            (SpbOffice, "Усмонов Шохрух", work.CourierUnionAsync),
            (AlmatyOffice, "Давлатова Зебо", family.ChildLabourAtMarketAsync),
            (AlmatyOffice, "Исаков Бахтиёр", detention.CitizenshipInDoubtAsync),
            (MoscowOffice, "Норматов Алишер", detention.DetentionReopenedAsync),
            (SpbOffice, "Рашидов Бехруз", detention.EntryBanAsync),
            (AlmatyOffice, "Хамроев Шухрат", work.AlmatyWagesAsync),
            (BishkekOffice, "Nurmatova Dilnoza", family.ClinicWithoutRegistrationAsync),
            (MoscowOffice, "Шодиев Умед", detention.DetainedAwaitingDecisionAsync),
            (AlmatyOffice, "Рахмонова Шахло", family.ChildLeftBehindAsync),
            (BishkekOffice, "Абдыраимов Нурбек", work.ReturneeWageClaimAsync),
            (SpbOffice, "Ковальчук Андрей", harm.OutsideMandateAsync),
            (SpbOffice, "Olimov Sardor", harm.DraftInterviewAsync),
        ];
    }
}
