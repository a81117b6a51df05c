using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;

namespace MigrantAid.Tools.Generator;

/// <summary>Short invented texts for synthetic intakes and timelines, in Russian and English.</summary>
internal static class SyntheticText
{
    private static readonly Dictionary<string, string[]> AccountsRu = new()
    {
        ["labour"] =
        [
            "Работал на объекте {0} несколько месяцев; расчёт обещали в конце сезона, но так и не выплатили.",
            "Бригадир забрал документы «для оформления», деньги выдаёт частями и грозит позвонить в полицию.",
            "Смены по двенадцать часов без выходных, жильё в бытовке без воды, за травму никто не отвечает.",
            "Посредник взял деньги за трудоустройство, а на месте работы не оказалось.",
        ],
        ["detention"] =
        [
            "Задержан при проверке документов, в отделе составили протокол; суд назначил выдворение.",
            "Находится в центре временного содержания, родственникам не сообщают дату вывоза.",
            "На границе узнал о запрете въезда, о решении его не уведомляли.",
        ],
        ["documents"] =
        [
            "Не может продлить миграционный учёт: собственник жилья отказывается подтверждать проживание.",
            "Патент просрочен из-за задержки зарплаты, теперь боится проверок.",
            "Паспорт утерян, консульство требует документы, которых у него нет.",
        ],
        ["children"] =
        [
            "Ребёнка не принимают в школу без регистрации на длительный срок.",
            "Ребёнок превысил срок пребывания, хотя родители находятся в стране законно.",
        ],
        ["health"] =
        [
            "В больнице отказали в помощи без полиса и потребовали предоплату.",
            "Отказали в пособии, потому что трудовой стаж получен за границей.",
        ],
        ["violence"] =
        [
            "Избит группой людей из-за национальности, полиция не приняла заявление.",
            "Сотрудники полиции при проверке применили силу и забрали телефон.",
        ],
        ["trafficking"] =
        [
            "Вербовщик обещал работу, на месте отобрали паспорт и держали под охраной.",
            "Работала без оплаты «в счёт долга» за дорогу, выйти не разрешали.",
        ],
    };

    private static readonly Dictionary<string, string[]> AccountsEn = new()
    {
        ["labour"] =
        [
            "Worked for {0} for several months; the wages promised at the end of the season were never paid.",
            "The foreman kept the workers' documents and paid only part of the money.",
            "Twelve-hour shifts without days off, housing without water, no help after an injury.",
            "A middleman took a fee for a job that did not exist.",
        ],
        ["detention"] =
        [
            "Detained at a document check; a court ordered expulsion.",
            "Held in a detention centre; the family is not told when the removal will be.",
            "Learned of an entry ban at the border; was never notified of the decision.",
        ],
        ["documents"] =
        [
            "Cannot renew the migration registration because the landlord refuses to confirm the address.",
            "The work permit lapsed while wages were withheld.",
            "Lost the passport; the consulate asks for papers the client does not have.",
        ],
        ["children"] =
        [
            "The school will not enrol the child without a long-term registration.",
            "The child has overstayed although the parents are in the country lawfully.",
        ],
        ["health"] =
        [
            "Refused treatment at a hospital without insurance and asked to pay in advance.",
            "A benefit was refused because the work record was earned abroad.",
        ],
        ["violence"] =
        [
            "Beaten by a group because of his origin; the police refused to take the complaint.",
            "Police officers used force at a check and took the phone.",
        ],
        ["trafficking"] =
        [
            "A recruiter promised work; on arrival the passport was taken and the workers were guarded.",
            "Worked unpaid to settle a \"debt\" for the journey and was not allowed to leave.",
        ],
    };

    private static readonly string[] WishesRu = ["Получить деньги за работу.", "Вернуть документы.", "Остаться в стране законно.", "Вернуться к семье.", "Чтобы нарушителей наказали."];

    private static readonly string[] WishesEn = ["Be paid for the work.", "Get the documents back.", "Stay in the country lawfully.", "Be reunited with the family.", "See those responsible held to account."];

    private static readonly string[] NotesRu =
    [
        "Повторная встреча с клиентом, уточнили обстоятельства.", "Позвонили клиенту, договорились о встрече.", "Отправлен запрос работодателю.",
        "Подана жалоба в прокуратуру.", "Получен ответ на запрос, копия в деле.", "Судебное заседание отложено.", "Клиент принёс дополнительные документы.",
        "Подготовлено заявление в суд.", "Сопроводили клиента в миграционный центр.", "Клиент не отвечает на звонки.",
    ];

    private static readonly string[] NotesEn =
    [
        "Met the client again to clarify the facts.", "Called the client and set a meeting.", "Letter sent to the employer.",
        "Complaint filed with the prosecutor.", "Reply received; copy on file.", "The hearing was adjourned.", "The client brought further documents.",
        "Claim drafted for the court.", "Went with the client to the migration centre.", "The client does not answer calls.",
    ];

    private static readonly string[] OutcomeNotesRu = ["Решение в пользу клиента.", "Удовлетворено частично.", "В удовлетворении отказано.", "Клиент отозвал обращение.", "Связь с клиентом потеряна.", "Передано партнёрской организации."];

    private static readonly string[] OutcomeNotesEn = ["Decided in the client's favour.", "Partly granted.", "Refused.", "The client withdrew.", "Contact with the client was lost.", "Referred to a partner organisation."];

    public static bool Russian(string officeCountry) => officeCountry is "RU" or "KZ" or "KG" or "TJ" or "UZ";

    /// <summary>A list label without narrative: the main category and, when known, who it is against.</summary>
    public static string Title(ComplaintCategory category, string? respondent, bool russian) =>
        (russian ? category.NameRu : category.NameEn) + (respondent is null ? "" : " — " + respondent);

    public static string Account(Random rng, string group, string respondent, bool russian)
    {
        var texts = (russian ? AccountsRu : AccountsEn).GetValueOrDefault(group) ?? (russian ? AccountsRu : AccountsEn)["labour"];
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, texts[rng.Next(texts.Length)], respondent);
    }

    public static string Wishes(Random rng, bool russian) => (russian ? WishesRu : WishesEn)[rng.Next(WishesRu.Length)];

    public static string Note(Random rng, bool russian) => (russian ? NotesRu : NotesEn)[rng.Next(NotesRu.Length)];

    public static string OutcomeNote(CaseOutcome outcome, bool russian) => (russian ? OutcomeNotesRu : OutcomeNotesEn)[(int)outcome];

    /// <summary>An invented organisation of the given type (employer names from two roots).</summary>
    public static string Respondent(Random rng, RespondentType type)
    {
        var roots = SyntheticNames.CompanyRoots;
        switch (type)
        {
            case RespondentType.Employer:
                var form = SyntheticNames.CompanyForms[rng.Next(SyntheticNames.CompanyForms.Length)];
                var name = roots[rng.Next(roots.Length)] + roots[rng.Next(roots.Length)].ToLowerInvariant();
                return form is "LLC" or "TOO" ? $"{form} \"{Transliteration.ToLatin(name)}\"" : $"{form} «{name}»";
            case RespondentType.RecruitmentAgency:
                return $"Кадровое агентство «{roots[rng.Next(roots.Length)]}{roots[rng.Next(roots.Length)].ToLowerInvariant()}»";
            case RespondentType.Police:
                return $"Отдел полиции № {rng.Next(1, 120)}";
            case RespondentType.MigrationAuthority:
                return $"Отдел по вопросам миграции № {rng.Next(1, 60)}";
            case RespondentType.School:
                return $"Школа № {rng.Next(1, 700)}";
            case RespondentType.Hospital:
                return rng.Next(2) == 0 ? $"Городская больница № {rng.Next(1, 60)}" : $"Поликлиника № {rng.Next(1, 120)}";
            default:
                return $"Частное лицо {SyntheticNames.Uzbek.Surnames[rng.Next(SyntheticNames.Uzbek.Surnames.Length)]}";
        }
    }
}
