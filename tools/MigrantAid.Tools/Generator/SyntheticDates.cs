using System.Globalization;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;
using static MigrantAid.Tools.Generator.SyntheticRandom;

namespace MigrantAid.Tools.Generator;

/// <summary>
/// Issue 4's dates on a case: court proceedings (sometimes an appeal of the first), hearings in
/// office hours of the office's time zone, and deadlines (computed from a decision, manual, tasks
/// with an assignee). About <see cref="GeneratorOptions.DatesPerCase"/> deadlines and hearings per
/// case, spread over the case's life: a closed case's dates are all past and settled; an open case
/// has dates ahead of it too, and a few past ones nobody closed (overdue). These come from a random
/// source of their own, so the rest of the data of a seed is the same as without them.
/// </summary>
internal sealed class SyntheticDates(SyntheticWorld world, GeneratorOptions options)
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

    private readonly Random _rng = new(unchecked(options.Seed * 7919 + 4));
    private readonly double _datesPerCase = Math.Max(0, options.DatesPerCase);

    /// <param name="end">The case's closing date; null while it is open.</param>
    public void Generate(SyntheticBatch b, SyntheticOffice office, Guid caseId, DateOnly openedOn, DateOnly? end, DateTimeOffset createdAt,
        Guid? caseworker, Guid? lead, Guid worker)
    {
        var rng = _rng;
        var count = DateCount(rng);
        if (count == 0)
        {
            return;
        }

        // Dates fall between the opening and the closing, or for an open case up to some months ahead.
        var first = openedOn.AddDays(3);
        var last = end ?? world.Today.AddDays(rng.Next(20, 200));
        if (last < first)
        {
            last = first;
        }

        var hearings = 0;
        if (rng.NextDouble() < CourtShare)
        {
            hearings = count == 1 ? 1 : rng.Next(1, count);
        }

        var c = new DatedCase(office, caseId, createdAt, end, caseworker, lead, worker, first, last);
        var proceedings = hearings > 0 ? Proceedings(b, c, hearings) : new List<ProceedingRow>();
        for (var i = 0; i < hearings; i++)
        {
            Hearing(b, c, proceedings[i * proceedings.Count / hearings]);
        }

        for (var i = hearings; i < count; i++)
        {
            Deadline(b, c, proceedings);
        }
    }

    /// <summary>The first-instance proceeding, and now and then its appeal.</summary>
    private List<ProceedingRow> Proceedings(SyntheticBatch b, DatedCase c, int hearings)
    {
        var rng = _rng;
        var proceedings = new List<ProceedingRow>();
        var district = rng.Next(DistrictsRu.Length);
        var opened = Between(rng, c.First, c.Last);
        var court = c.Russian ? DistrictsRu[district] + " районный суд" : DistrictsEn[district] + " District Court";
        var type = (ProceedingType)rng.PickWeighted([50, 30, 15, 0, 0, 5]);
        var number = (type == ProceedingType.AdministrativeOffence ? "5-" : "2-") + rng.Next(100, 9999).ToString(CultureInfo.InvariantCulture)
            + "/" + opened.Year.ToString(CultureInfo.InvariantCulture);
        var subject = c.Russian ? "Взыскание невыплаченной заработной платы" : "Recovery of unpaid wages";
        var firstInstance = new ProceedingRow(rng.NewId(), c.CaseId, c.Office.Country, court, CourtInstance.FirstInstance, type, number, subject,
            ProceedingClientRole.Claimant, opened, c.End, null, c.Worker, Earlier(At(opened, 10 * 60), c.CreatedAt));
        proceedings.Add(firstInstance);
        if (hearings > 1 && rng.NextDouble() < 0.25)
        {
            var appealOpened = Between(rng, opened, c.Last);
            proceedings.Add(firstInstance with
            {
                Id = rng.NewId(),
                Court = c.Russian ? "Областной суд" : "Regional Court",
                Instance = CourtInstance.Appeal,
                CourtCaseNumber = "33-" + rng.Next(100, 9999).ToString(CultureInfo.InvariantCulture) + "/" + appealOpened.Year.ToString(CultureInfo.InvariantCulture),
                ClientRole = rng.NextDouble() < 0.6 ? ProceedingClientRole.Claimant : ProceedingClientRole.Respondent,
                OpenedOn = appealOpened,
                ChallengesId = firstInstance.Id,
                CreatedAt = Earlier(At(appealOpened, 10 * 60), c.CreatedAt),
            });
        }

        b.Proceedings.AddRange(proceedings);
        return proceedings;
    }

    private void Hearing(SyntheticBatch b, DatedCase c, ProceedingRow proceeding)
    {
        var rng = _rng;
        var day = WorkingDay(Between(rng, proceeding.OpenedOn, c.Last));
        var local = day.ToDateTime(new TimeOnly(9, 0)).AddMinutes(rng.Next(0, 17) * 30);
        var startsAt = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), c.Office.Zone), TimeSpan.Zero);
        var held = startsAt < world.Now;
        var result = !held ? null : rng.NextDouble() < 0.6
            ? c.Russian ? "Отложено" : "Adjourned"
            : c.Russian ? "Решение оглашено" : "Decision announced";
        var place = (c.Russian ? "Зал " : "Courtroom ") + rng.Next(1, 30).ToString(CultureInfo.InvariantCulture);
        b.Hearings.Add(new HearingRow(rng.NewId(), proceeding.Id, c.CaseId, c.Office.Id, c.Lead, c.Caseworker, startsAt, place, result, held, c.Worker,
            Earlier(startsAt.AddDays(-rng.Next(7, 60)), c.CreatedAt)));
    }

    private void Deadline(SyntheticBatch b, DatedCase c, List<ProceedingRow> proceedings)
    {
        var rng = _rng;
        var kind = (DeadlineKind)rng.PickWeighted([55, 25, 20]);
        var due = Between(rng, c.First, c.Last);
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
                overrideReason = c.Russian ? "Суд продлил срок" : "The court extended the time limit";
            }
        }

        Guid? assignee = kind == DeadlineKind.Task ? c.Caseworker ?? c.Lead : null;
        var (status, note) = Settled(rng, due, c.End, c.Russian);
        var closedAt = status == DeadlineStatus.Open ? (DateTimeOffset?)null : Earlier(At(Earlier(due, world.Today), rng.Next(9 * 60, 18 * 60)), c.CreatedAt);
        b.Deadlines.Add(new DeadlineRow(rng.NewId(), c.CaseId, c.Office.Id, c.Lead, c.Caseworker, kind, c.Russian ? ru : en, due, computedOn, trigger, triggerDate,
            kind == DeadlineKind.Computed && proceedings.Count > 0 ? "decision" : null, kind == DeadlineKind.Computed && proceedings.Count > 0 ? proceedings[0].Id : null,
            arithmetic, assignee, status, overrideReason, note, status == DeadlineStatus.Open ? null : c.Worker, closedAt, c.Worker,
            Earlier(At(due.AddDays(-rng.Next(5, 60)), 12 * 60), c.CreatedAt)));
    }

    /// <summary>How many dates a case gets: the mean is <see cref="GeneratorOptions.DatesPerCase"/>, spread two either side.</summary>
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
            : due < world.Today
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
    private DateTimeOffset Earlier(DateTimeOffset at, DateTimeOffset notBefore) => SyntheticRandom.Min(SyntheticRandom.Max(at, notBefore), world.Now);

    /// <summary>The case whose dates are drawn, and the span they fall in.</summary>
    private sealed record DatedCase(
        SyntheticOffice Office, Guid CaseId, DateTimeOffset CreatedAt, DateOnly? End, Guid? Caseworker, Guid? Lead, Guid Worker, DateOnly First, DateOnly Last)
    {
        public bool Russian => Office.Russian;
    }
}
