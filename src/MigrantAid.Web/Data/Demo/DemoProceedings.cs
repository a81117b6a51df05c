using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Web.Data.Demo;

/// <summary>
/// Court proceedings, hearings and decisions on some of the demo cases of <see cref="DemoCases"/> (courts in real
/// cities; case numbers and judges invented). Dates are relative to the clock, so there are hearings still to come,
/// and recent decisions go through <see cref="IDeadlineTriggers"/> like a lawyer's entry, so the deadlines desk has
/// work. Idempotent: a case that already has a proceeding is left alone, and each case is written in one transaction.
/// </summary>
public sealed class DemoProceedings(AppDbContext db, IDeadlineTriggers triggers, TimeProvider clock)
{
    private DemoCase _case = null!;
    private DateTimeOffset _now;
    private DateOnly _today;
    private Guid _coordinator;

    private sealed record DemoCase(Guid Id, Guid? Lawyer, TimeZoneInfo Zone);

    /// <summary>Writes the proceedings of the demo cases that have none yet; returns how many cases got some.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        _now = clock.GetUtcNow();
        _coordinator = await db.Users.AsNoTracking().Where(u => u.Email == "coordinator@demo.local").Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        var added = 0;
        foreach (var (officeName, title, write) in Stories())
        {
            // A case renamed, or an office renamed, since the demo was seeded is left alone.
            var found = await db.Cases.AsNoTracking()
                .Where(c => c.Title == title && db.Offices.Any(o => o.Id == c.OfficeId && o.Name == officeName))
                .Select(c => new { c.Id, c.LeadLawyerId, c.CaseworkerId, Zone = db.Offices.Where(o => o.Id == c.OfficeId).Select(o => o.TimeZoneId).FirstOrDefault() })
                .FirstOrDefaultAsync(cancellationToken);
            if (found is null || await db.CourtProceedings.AnyAsync(p => p.CaseId == found.Id, cancellationToken))
            {
                continue;
            }

            var zone = LocalTimes.ZoneOrUtc(found.Zone);
            _case = new DemoCase(found.Id, found.LeadLawyerId ?? found.CaseworkerId, zone);
            _today = LocalTimes.Today(_now, zone);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await write(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            added++;
        }

        return added;
    }

    private IEnumerable<(string Office, string CaseTitle, Func<CancellationToken, Task> Write)> Stories() =>
    [
        (DemoCases.SpbOffice, "Невыплата зарплаты на стройке в Мурино", WageClaimInMurinoAsync),
        (DemoCases.SpbOffice, "Выдворение ребёнка отдельно от родителей", ChildExpulsionAppealAsync),
        (DemoCases.MoscowOffice, "Обжалование выдворения за превышение срока", OverstayExpulsionAsync),
        (DemoCases.SpbOffice, "Запрет на въезд, семья в России", EntryBanClaimAsync),
        (DemoCases.SpbOffice, "Отказ в зачислении в первый класс", SchoolEnrolmentClaimAsync),
        (DemoCases.AlmatyOffice, "Domestic worker: passport kept by the employer", PassportAndWagesClaimAsync),
    ];

    private Guid Actor => _case.Lawyer ?? _coordinator;

    private DateOnly Day(int offsetFromToday) => _today.AddDays(offsetFromToday);

    private CourtProceeding Proceeding(string country, string court, CourtInstance instance, ProceedingType type, string number, string? judge,
        string subject, ProceedingClientRole role, int openedDaysAgo, int? closedDaysAgo = null, CourtProceeding? challenges = null)
    {
        var proceeding = new CourtProceeding(_case.Id, country, court, instance, type, subject, role, Day(-openedDaysAgo), Actor, _now)
        {
            CourtCaseNumber = number,
            Judge = judge,
            ClosedOn = closedDaysAgo is { } closed ? Day(-closed) : null,
            ChallengesId = challenges?.Id,
        };
        db.CourtProceedings.Add(proceeding);
        return proceeding;
    }

    /// <summary>A hearing at a wall-clock time of the case office's zone; one still to come starts the "hearing set" clock.</summary>
    private async Task<Hearing> HearingAsync(CourtProceeding proceeding, int dayOffset, int hour, int minute, string place, string? result, CancellationToken cancellationToken)
    {
        var local = Day(dayOffset).ToDateTime(new TimeOnly(hour, minute));
        var startsAt = LocalTimes.ToInstant(local, _case.Zone) ?? new DateTimeOffset(local, TimeSpan.Zero);
        var hearing = new Hearing(proceeding.Id, _case.Id, startsAt, place, Actor, _now) { Result = result, IsHeld = result is not null };
        db.Hearings.Add(hearing);
        if (!hearing.IsHeld)
        {
            await triggers.RecordAsync(new DeadlineTrigger(_case.Id, TriggerEvent.HearingSet, proceeding.Jurisdiction, Day(dayOffset), "hearing", hearing.Id,
                proceeding.Type, proceeding.Instance), Actor, cancellationToken);
        }

        return hearing;
    }

    /// <summary>A decision; a copy received recently starts its clocks (older ones belong to finished work and start none).</summary>
    private async Task DecisionAsync(CourtProceeding proceeding, int decidedDaysAgo, DecisionOutcome outcome, string summary, int? receivedDaysAgo, CancellationToken cancellationToken)
    {
        var decision = new CourtDecision(proceeding.Id, _case.Id, Day(-decidedDaysAgo), outcome, Actor, _now)
        {
            ReceivedOn = receivedDaysAgo is { } received ? Day(-received) : null,
            Summary = summary,
        };
        db.CourtDecisions.Add(decision);
        if (decision.ReceivedOn is { } on && receivedDaysAgo <= 30)
        {
            await triggers.RecordAsync(new DeadlineTrigger(_case.Id, TriggerEvent.DecisionReceived, proceeding.Jurisdiction, on, "decision", decision.Id,
                proceeding.Type, proceeding.Instance), Actor, cancellationToken);
        }
    }

    private async Task WageClaimInMurinoAsync(CancellationToken cancellationToken)
    {
        var claim = Proceeding("RU", "Всеволожский городской суд Ленинградской области", CourtInstance.FirstInstance, ProceedingType.Civil,
            $"2-4187/{Day(-6).Year}", "Кравцова Е. А.",
            "Иск о взыскании заработной платы за три месяца, процентов за задержку выплаты и компенсации морального вреда к ООО «Невский Монолит»; второй истец — Назаров Б. Ш.",
            ProceedingClientRole.Claimant, 6);
        await HearingAsync(claim, 15, 10, 30, "Зал № 12 (предварительное заседание)", null, cancellationToken);
    }

    private async Task ChildExpulsionAppealAsync(CancellationToken cancellationToken)
    {
        var first = Proceeding("RU", "Красногвардейский районный суд Санкт-Петербурга", CourtInstance.FirstInstance, ProceedingType.AdministrativeOffence,
            $"5-1093/{Day(-9).Year}", "Лебедев О. В.",
            "Дело об административном правонарушении (ч. 3.1 ст. 18.8 КоАП РФ) в отношении несовершеннолетнего: штраф и принудительное выдворение с помещением в центр временного содержания.",
            ProceedingClientRole.PersonConcerned, 9, closedDaysAgo: 9);
        await HearingAsync(first, -9, 15, 0, "Зал № 3",
            "Рассмотрено в тот же день без защитника и переводчика; родителей о заседании не известили.", cancellationToken);
        await DecisionAsync(first, 9, DecisionOutcome.Rejected,
            "Назначены штраф и принудительное выдворение; доводы о проживании семьи в России и об учёбе в школе суд не рассматривал.",
            receivedDaysAgo: 7, cancellationToken);

        var appeal = Proceeding("RU", "Санкт-Петербургский городской суд", CourtInstance.Appeal, ProceedingType.AdministrativeOffence,
            $"12-2214/{Day(-5).Year}", null,
            "Жалоба на постановление о выдворении с ходатайством о приостановлении исполнения: ребёнок разлучён с родителями, интересы ребёнка не учтены.",
            ProceedingClientRole.PersonConcerned, 5, challenges: first);
        await HearingAsync(appeal, 2, 14, 0, "Зал № 510", null, cancellationToken);
    }

    private async Task OverstayExpulsionAsync(CancellationToken cancellationToken)
    {
        var first = Proceeding("RU", "Головинский районный суд города Москвы", CourtInstance.FirstInstance, ProceedingType.AdministrativeOffence,
            $"5-2871/{Day(-8).Year}", "Сафонова И. Р.",
            "Дело об административном правонарушении (ч. 1.1 ст. 18.8 КоАП РФ): нарушение режима пребывания, штраф и выдворение.",
            ProceedingClientRole.PersonConcerned, 8, closedDaysAgo: 8);
        await HearingAsync(first, -8, 11, 0, "Зал № 7", "Рассмотрено в день доставления в суд; вину признал без консультации.", cancellationToken);
        await DecisionAsync(first, 8, DecisionOutcome.Rejected,
            "Штраф 2 000 рублей и принудительное выдворение; самостоятельный контролируемый выезд суд не обсуждал.",
            receivedDaysAgo: 7, cancellationToken);
    }

    private async Task EntryBanClaimAsync(CancellationToken cancellationToken)
    {
        var claim = Proceeding("RU", "Дзержинский районный суд Санкт-Петербурга", CourtInstance.FirstInstance, ProceedingType.AdministrativeCase,
            $"2а-3550/{Day(-28).Year}", "Орлова Т. С.",
            "Административный иск о признании незаконным решения о неразрешении въезда в Российскую Федерацию: жена — гражданка России, двое детей живут в Петербурге.",
            ProceedingClientRole.Applicant, 28);
        await HearingAsync(claim, -10, 11, 0, "Зал № 4", "Отложено: суд истребовал материалы проверки у управления по вопросам миграции.", cancellationToken);
        await HearingAsync(claim, 6, 11, 30, "Зал № 4", null, cancellationToken);
    }

    private async Task SchoolEnrolmentClaimAsync(CancellationToken cancellationToken)
    {
        var claim = Proceeding("RU", "Невский районный суд Санкт-Петербурга", CourtInstance.FirstInstance, ProceedingType.AdministrativeCase,
            $"2а-1187/{Day(-100).Year}", "Гусева Н. П.",
            "Административный иск о признании незаконным отказа в приёме ребёнка в первый класс из-за срока регистрации по месту пребывания.",
            ProceedingClientRole.Applicant, 100, closedDaysAgo: 72);
        await HearingAsync(claim, -80, 10, 0, "Зал № 21", "Отложено по ходатайству школы: представитель ответчика не явился.", cancellationToken);
        await DecisionAsync(claim, 72, DecisionOutcome.Discontinued,
            "Производство прекращено в связи с отказом от иска: девочку зачислили в первый класс после проверки прокуратуры.",
            receivedDaysAgo: null, cancellationToken);
    }

    private async Task PassportAndWagesClaimAsync(CancellationToken cancellationToken)
    {
        var claim = Proceeding("KZ", "Медеуский районный суд г. Алматы", CourtInstance.FirstInstance, ProceedingType.Civil,
            $"7511-{Day(-2).Year % 100}-00-2/1406", null,
            "Claim against the former employer to return the claimant's passport and pay the wages owed for ten months of domestic work.",
            ProceedingClientRole.Claimant, 2);
        await HearingAsync(claim, 8, 10, 0, "Courtroom 9 (preparation of the case)", null, cancellationToken);
    }
}
