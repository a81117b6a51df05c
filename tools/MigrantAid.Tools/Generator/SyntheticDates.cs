using System.Globalization;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Tools.Generator;

/// <summary>
/// Issue 4's dates on a case: court proceedings (sometimes an appeal of the first), hearings in
/// office hours of the office's time zone, and deadlines (computed from a decision, manual, tasks
/// with an assignee). About <see cref="GeneratorOptions.DatesPerCase"/> deadlines and hearings per
/// case, spread over the case's life: a closed case's dates are all past and settled; an open case
/// has dates ahead of it too, and a few past ones nobody closed (overdue). These come from a random
/// source of their own, so the rest of the data of a seed is the same as without them.
/// </summary>
public sealed partial class SyntheticDataGenerator
{
    /// <summary>Share of cases that go to court (the others have deadlines only).</summary>
    private const double CourtShare = 0.45;

    private static readonly string[] DistrictsRu = ["Ленинский", "Октябрьский", "Советский", "Первомайский", "Центральный", "Кировский", "Фрунзенский", "Московский", "Свердловский", "Железнодорожный"];
    private static readonly string[] DistrictsEn = ["Leninsky", "Oktyabrsky", "Sovetsky", "Pervomaisky", "Tsentralny", "Kirovsky", "Frunzensky", "Moskovsky", "Sverdlovsky", "Zheleznodorozhny"];

    private static readonly (string Ru, string En)[] ComputedTitles =
    [
        ("Апелляционная жалоба на решение суда", "Appeal against the court's decision"),
        ("Кассационная жалоба", "Cassation complaint"),
        ("Частная жалоба на определение", "Complaint against the ruling"),
        ("Возражения на апелляционную жалобу", "Objections to the appeal"),
        ("Жалоба на постановление по делу об административном правонарушении", "Complaint against the administrative offence ruling"),
        ("Комментарии на замечания государства", "Comments on the state's observations"),
        ("Индивидуальное сообщение в комитет ООН", "Individual communication to the UN committee"),
    ];

    private static readonly (string Ru, string En)[] ManualTitles =
    [
        ("Представить доказательства в суд", "Submit the evidence to the court"),
        ("Ответ на запрос трудовой инспекции", "Reply to the labour inspectorate"),
        ("Подать заявление в прокуратуру", "File the complaint with the prosecutor"),
        ("Продлить регистрацию клиента", "Extend the client's registration"),
        ("Получить копию решения", "Obtain a copy of the decision"),
    ];

    private static readonly (string Ru, string En)[] TaskTitles =
    [
        ("Позвонить клиенту", "Call the client"),
        ("Подготовить исковое заявление", "Draft the statement of claim"),
        ("Собрать расчётные листки", "Collect the payslips"),
        ("Перевести документы", "Have the documents translated"),
        ("Встретиться с клиентом в центре содержания", "Visit the client in the detention centre"),
    ];

    private Random _datesRng = new(0);
    private double _datesPerCase;

    private void StartDates(GeneratorOptions options)
    {
        _datesRng = new Random(unchecked(options.Seed * 7919 + 4));
        _datesPerCase = Math.Max(0, options.DatesPerCase);
    }

    /// <param name="end">The case's closing date; null while it is open.</param>
    private void GenerateDates(SyntheticBatch b, OfficeInfo office, Guid caseId, DateOnly openedOn, DateOnly? end, DateTimeOffset createdAt,
        Guid? caseworker, Guid? lead, Guid worker)
    {
        var rng = _datesRng;
        var count = DateCount(rng);
        if (count == 0)
        {
            return;
        }

        // Dates fall between the opening and the closing, or for an open case up to some months ahead.
        var first = openedOn.AddDays(3);
        var last = end ?? _today.AddDays(rng.Next(20, 200));
        if (last < first)
        {
            last = first;
        }

        var hearings = 0;
        if (rng.NextDouble() < CourtShare)
        {
            hearings = count == 1 ? 1 : rng.Next(1, count);
        }

        var russian = office.Russian;
        var proceedings = new List<ProceedingRow>();
        if (hearings > 0)
        {
            var district = rng.Next(DistrictsRu.Length);
            var opened = Between(rng, first, last);
            var court = russian ? DistrictsRu[district] + " районный суд" : DistrictsEn[district] + " District Court";
            var type = (ProceedingType)PickWeighted(rng, [50, 30, 15, 0, 0, 5]);
            var number = (type == ProceedingType.AdministrativeOffence ? "5-" : "2-") + rng.Next(100, 9999).ToString(CultureInfo.InvariantCulture)
                + "/" + opened.Year.ToString(CultureInfo.InvariantCulture);
            var subject = russian ? "Взыскание невыплаченной заработной платы" : "Recovery of unpaid wages";
            var firstInstance = new ProceedingRow(NewId(rng), caseId, office.Country, court, CourtInstance.FirstInstance, type, number, subject,
                ProceedingClientRole.Claimant, opened, end, null, worker, Earlier(At(opened, 10 * 60), createdAt));
            proceedings.Add(firstInstance);
            if (hearings > 1 && rng.NextDouble() < 0.25)
            {
                var appealOpened = Between(rng, opened, last);
                proceedings.Add(firstInstance with
                {
                    Id = NewId(rng),
                    Court = russian ? "Областной суд" : "Regional Court",
                    Instance = CourtInstance.Appeal,
                    CourtCaseNumber = "33-" + rng.Next(100, 9999).ToString(CultureInfo.InvariantCulture) + "/" + appealOpened.Year.ToString(CultureInfo.InvariantCulture),
                    ClientRole = rng.NextDouble() < 0.6 ? ProceedingClientRole.Claimant : ProceedingClientRole.Respondent,
                    OpenedOn = appealOpened,
                    ChallengesId = firstInstance.Id,
                    CreatedAt = Earlier(At(appealOpened, 10 * 60), createdAt),
                });
            }

            b.Proceedings.AddRange(proceedings);
        }

        for (var i = 0; i < hearings; i++)
        {
            var proceeding = proceedings[i * proceedings.Count / hearings];
            var day = WorkingDay(Between(rng, proceeding.OpenedOn, last));
            var local = day.ToDateTime(new TimeOnly(9, 0)).AddMinutes(rng.Next(0, 17) * 30);
            var startsAt = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), office.Zone), TimeSpan.Zero);
            var held = startsAt < _now;
            var result = !held ? null : rng.NextDouble() < 0.6
                ? russian ? "Отложено" : "Adjourned"
                : russian ? "Решение оглашено" : "Decision announced";
            var place = (russian ? "Зал " : "Courtroom ") + rng.Next(1, 30).ToString(CultureInfo.InvariantCulture);
            b.Hearings.Add(new HearingRow(NewId(rng), proceeding.Id, caseId, office.Id, lead, caseworker, startsAt, place, result, held, worker,
                Earlier(startsAt.AddDays(-rng.Next(7, 60)), createdAt)));
        }

        for (var i = hearings; i < count; i++)
        {
            var kind = (DeadlineKind)PickWeighted(rng, [55, 25, 20]);
            var due = Between(rng, first, last);
            var (ru, en) = kind switch
            {
                DeadlineKind.Computed => ComputedTitles[rng.Next(ComputedTitles.Length)],
                DeadlineKind.Manual => ManualTitles[rng.Next(ManualTitles.Length)],
                _ => TaskTitles[rng.Next(TaskTitles.Length)],
            };
            DateOnly? computedOn = null;
            TriggerEvent? trigger = null;
            DateOnly? triggerDate = null;
            string? arithmetic = null;
            string? overrideReason = null;
            if (kind == DeadlineKind.Computed)
            {
                var period = rng.Next(2) == 0 ? 30 : 10;
                triggerDate = due.AddDays(-period);
                computedOn = due;
                trigger = rng.Next(2) == 0 ? TriggerEvent.DecisionReceived : TriggerEvent.DecisionInFinalForm;
                arithmetic = string.Create(CultureInfo.InvariantCulture,
                    $$"""{"start":"{{triggerDate:yyyy-MM-dd}}","period":{{period}},"unit":"CalendarDays","result":"{{due:yyyy-MM-dd}}"}""");
                if (rng.NextDouble() < 0.03)
                {
                    due = due.AddDays(rng.Next(1, 5));
                    overrideReason = russian ? "Суд продлил срок" : "The court extended the time limit";
                }
            }

            Guid? assignee = kind == DeadlineKind.Task ? caseworker ?? lead : null;
            var (status, note) = Settled(rng, due, end, russian);
            var closedAt = status == DeadlineStatus.Open ? (DateTimeOffset?)null : Earlier(At(Earlier(due, _today), rng.Next(9 * 60, 18 * 60)), createdAt);
            b.Deadlines.Add(new DeadlineRow(NewId(rng), caseId, office.Id, lead, caseworker, kind, russian ? ru : en, due, computedOn, trigger, triggerDate,
                kind == DeadlineKind.Computed && proceedings.Count > 0 ? "decision" : null, kind == DeadlineKind.Computed && proceedings.Count > 0 ? proceedings[0].Id : null,
                arithmetic, assignee, status, overrideReason, note, status == DeadlineStatus.Open ? null : worker, closedAt, worker,
                Earlier(At(due.AddDays(-rng.Next(5, 60)), 12 * 60), createdAt)));
        }
    }

    /// <summary>How many dates a case gets: the mean is <see cref="_datesPerCase"/>, spread two either side.</summary>
    private int DateCount(Random rng)
    {
        if (_datesPerCase <= 0)
        {
            return 0;
        }

        var whole = (int)Math.Floor(_datesPerCase);
        var count = whole + (rng.NextDouble() < _datesPerCase - whole ? 1 : 0);
        return whole >= 2 ? Math.Max(0, count + rng.Next(-2, 3)) : count;
    }

    /// <summary>
    /// Where a deadline stands: a closed case's are all done or dismissed; of an open case's, past
    /// ones are mostly done (some dismissed, a few overdue), future ones open (a few filed early).
    /// </summary>
    private (DeadlineStatus Status, string? Note) Settled(Random rng, DateOnly due, DateOnly? caseClosed, bool russian)
    {
        var roll = rng.NextDouble();
        var status = caseClosed is not null
            ? roll < 0.88 ? DeadlineStatus.Done : DeadlineStatus.Dismissed
            : due < _today
                ? roll < 0.85 ? DeadlineStatus.Done : roll < 0.93 ? DeadlineStatus.Dismissed : DeadlineStatus.Open
                : roll < 0.96 ? DeadlineStatus.Open : DeadlineStatus.Done;
        return status switch
        {
            DeadlineStatus.Done => (status, russian ? "Подано" : "Filed"),
            DeadlineStatus.Dismissed => (status, russian ? "Больше не требуется" : "No longer needed"),
            _ => (status, null),
        };
    }

    private static DateOnly Between(Random rng, DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(rng.Next(0, to.DayNumber - from.DayNumber + 1));

    /// <summary>Courts sit Monday to Friday.</summary>
    private static DateOnly WorkingDay(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>Not before the case was created, and never in the future.</summary>
    private DateTimeOffset Earlier(DateTimeOffset at, DateTimeOffset notBefore) => Min(Max(at, notBefore), _now);

    private static Guid NewId(Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
