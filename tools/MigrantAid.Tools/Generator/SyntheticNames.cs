namespace MigrantAid.Tools.Generator;

/// <summary>
/// Name material for synthetic people and organisations: common surnames and given names of
/// the region, written in Cyrillic as they appear in Russian-language documents. Combined at
/// random they make invented people; a combination that matches a real person is chance.
/// </summary>
internal static class SyntheticNames
{
    /// <summary>A naming tradition: surnames (male form), male and female given names.</summary>
    internal sealed record Group(string Citizenship, string Languages, string[] Surnames, string[] Male, string[] Female);

    public static readonly Group Uzbek = new("UZ", "uz, ru",
        ["Рахимов", "Каримов", "Юсупов", "Алиев", "Хасанов", "Турсунов", "Юлдашев", "Абдуллаев", "Исмоилов", "Эргашев",
         "Мирзаев", "Холматов", "Норматов", "Султанов", "Рашидов", "Усмонов", "Хамроев", "Содиков", "Ахмедов", "Жураев",
         "Саидов", "Умаров", "Латипов", "Маматов", "Қодиров", "Тошматов", "Эшонқулов", "Бердиев", "Нуриддинов", "Ғуломов",
         "Абдурахмонов", "Исаков", "Шукуров", "Азимов", "Турдиев", "Рузиев", "Файзуллаев", "Хайдаров", "Мамадалиев", "Ўроқов"],
        ["Фаррух", "Дилшод", "Шерзод", "Жасур", "Алишер", "Улугбек", "Шохрух", "Отабек", "Бахтиёр", "Акмал",
         "Санжар", "Азиз", "Бобур", "Жамшид", "Темур", "Шухрат", "Рустам", "Фарход", "Ильхом", "Нодир",
         "Сардор", "Бекзод", "Зафар", "Ойбек", "Хуршид", "Анвар", "Умид", "Элёр", "Равшан", "Достон"],
        ["Малика", "Нилуфар", "Дилноза", "Гулнора", "Мадина", "Шахноза", "Зарина", "Феруза", "Нигора", "Севара",
         "Дильфуза", "Мохира", "Гульчехра", "Ойгул", "Камола", "Нодира", "Юлдуз", "Лола", "Сайёра", "Мунира"]);

    public static readonly Group Tajik = new("TJ", "tg, ru",
        ["Шарипов", "Назаров", "Каримов", "Сафаров", "Рахмонов", "Давлатов", "Мирзоев", "Бобоев", "Шодиев", "Раджабов",
         "Хакимов", "Одинаев", "Сайфуллоев", "Зоиров", "Қурбонов", "Нуров", "Ҷалолов", "Гафуров", "Файзуллоев", "Ашуров",
         "Исмоилов", "Ёров", "Холов", "Маҳмадов", "Шамсиев", "Абдуллоев", "Азизов", "Шарифов", "Ҳамидов", "Олимов",
         "Рахимзода", "Сафарзода", "Курбонзода", "Давлатзода", "Мирзозода"],
        ["Далер", "Бахром", "Фирдавс", "Исмоил", "Умед", "Бехруз", "Рустам", "Фаррух", "Сухроб", "Манучехр",
         "Парвиз", "Шахром", "Джамшед", "Носир", "Комрон", "Фаридун", "Сиёвуш", "Хуршед", "Навруз", "Бахтовар",
         "Мехрубон", "Зафар", "Хусрав", "Абдулло", "Шерали", "Фируз", "Рахмон", "Искандар", "Ҷамшед", "Сорбон"],
        ["Зарина", "Мадина", "Зебо", "Шахло", "Гулшан", "Нигина", "Фарзона", "Мехрангез", "Тахмина", "Сабина",
         "Мавзуна", "Дилафруз", "Нилуфар", "Фотима", "Манижа", "Парвина", "Гулноза", "Шабнам", "Рухшона", "Ситора"]);

    public static readonly Group Kyrgyz = new("KG", "ky, ru",
        ["Абдыкадыров", "Токтогулов", "Бекмуратов", "Абдыраимов", "Осмонов", "Жумабаев", "Сыдыков", "Асанов", "Мамытов", "Турдубаев",
         "Садыков", "Кадыров", "Исаков", "Эсенов", "Молдокулов", "Жээнбеков", "Байсалов", "Касымов", "Акматов", "Табалдиев",
         "Шаршеев", "Орозбеков", "Дуйшеев", "Кудайбергенов", "Сатыбалдиев", "Ырысбаев", "Чынгышев", "Алымкулов", "Бообеков", "Кенжебаев"],
        ["Эрлан", "Азамат", "Нурбек", "Нурлан", "Адилет", "Бакыт", "Талант", "Улан", "Мирлан", "Айбек",
         "Эрмек", "Чингиз", "Данияр", "Бектур", "Калыс", "Медер", "Элдияр", "Марат", "Жыргал", "Нурсултан"],
        ["Айпери", "Гулзат", "Айгерим", "Жылдыз", "Асель", "Бермет", "Нургуль", "Чолпон", "Айзада", "Динара",
         "Мээрим", "Назгуль", "Гульнара", "Айжан", "Каныкей", "Салтанат", "Элнура", "Бактыгуль", "Акылай", "Айнура"]);

    public static readonly Group Kazakh = new("KZ", "kk, ru",
        ["Сейтжанов", "Жаксылыков", "Нурланов", "Ахметов", "Бекенов", "Оспанов", "Сулейменов", "Абенов", "Қасымов", "Ермеков",
         "Тлеубаев", "Мухамеджанов", "Жумагулов", "Искаков", "Байжанов", "Кенесов", "Омаров", "Садвакасов", "Утепов", "Шайхиев"],
        ["Ерлан", "Данияр", "Нурлан", "Асхат", "Бауыржан", "Ерболат", "Арман", "Жандос", "Серик", "Талгат",
         "Кайрат", "Мейрам", "Ержан", "Руслан", "Алибек", "Санжар"],
        ["Айгуль", "Дана", "Жанар", "Гульмира", "Асем", "Айдана", "Мадина", "Сауле", "Динара", "Камила",
         "Ботагоз", "Алия", "Жансая", "Толкын"]);

    public static readonly Group Caucasus = new("AZ", "az, ru",
        ["Гасанов", "Мамедов", "Алиев", "Гусейнов", "Исмаилов", "Керимов", "Бабаев", "Рзаев", "Аббасов", "Джафаров",
         "Саркисян", "Петросян", "Оганесян", "Григорян", "Арутюнян"],
        ["Руслан", "Эльдар", "Тимур", "Рамиль", "Фарид", "Самир", "Рашад", "Орхан", "Арсен", "Давид", "Гор", "Нарек"],
        ["Лейла", "Айтен", "Гюнай", "Севиль", "Нармин", "Ануш", "Лусине", "Гаяне", "Арпине", "Сона"]);

    public static readonly Group Other = new("UA", "uk, ru",
        ["Ковальчук", "Бондаренко", "Ткаченко", "Кравчук", "Мельник", "Шевчук", "Бойко", "Чебан", "Русу", "Морару",
         "Михай", "Лупу", "Гуцу", "Балан"],
        ["Андрей", "Игорь", "Виктор", "Сергей", "Олег", "Ион", "Василе", "Николай", "Дмитрий"],
        ["Оксана", "Светлана", "Ирина", "Наталья", "Мария", "Ольга", "Ана", "Елена", "Любовь"]);

    /// <summary>Share of clients per naming group (Uzbek, Tajik, Kyrgyz, Kazakh, Caucasus, other), in per mille.</summary>
    public static readonly (Group Group, int Weight)[] Groups =
    [
        (Uzbek, 360), (Tajik, 310), (Kyrgyz, 190), (Kazakh, 40), (Caucasus, 50), (Other, 50),
    ];

    /// <summary>Citizenship for the "other" group: Ukraine, Moldova, Armenia, Turkmenistan, Afghanistan, stateless.</summary>
    public static readonly string[] OtherCitizenships = ["UA", "MD", "AM", "TM", "AF", "XX", "XX"];

    /// <summary>Female form of a Russian-style surname: -ов/-ев/-ин take -а; others stay.</summary>
    public static string FemaleSurname(string surname) =>
        surname.EndsWith("ов", StringComparison.Ordinal) || surname.EndsWith("ев", StringComparison.Ordinal)
        || surname.EndsWith("ёв", StringComparison.Ordinal) || surname.EndsWith("ин", StringComparison.Ordinal)
            ? surname + "а"
            : surname;

    /// <summary>A Russian-style patronymic from the father's given name.</summary>
    public static string Patronymic(string fatherName, bool female)
    {
        var stem = fatherName.TrimEnd('ь');
        var last = stem[^1];
        if (last is 'й')
        {
            return stem[..^1] + (female ? "евна" : "евич");
        }

        if (last is 'а' or 'я' or 'о' or 'и' or 'у' or 'е' or 'э' or 'ю')
        {
            return stem + (female ? "евна" : "евич");
        }

        return stem + (female ? "овна" : "ович");
    }

    /// <summary>Spelling habits of Latin documents: each turns one transliteration into another.</summary>
    public static readonly (string From, string To)[] LatinVariants =
    [
        ("kh", "h"), ("zh", "j"), ("yo", "e"), ("y", "i"), ("u", "ou"), ("dzh", "j"), ("sh", "ch"), ("ts", "c"), ("j", "dj"), ("ye", "e"),
    ];

    public static readonly string[] CompanyRoots =
    [
        "Строй", "Монолит", "Север", "Гранит", "Восток", "Нева", "Урал", "Альфа", "Агро", "Логистик",
        "Сервис", "Торг", "Маркет", "Профи", "Капитал", "Терра", "Вектор", "Мега", "Стандарт", "Инвест",
        "Трейд", "Дом", "Техно", "Проект", "Ресурс", "Сити", "Пром", "Снаб", "Алатау", "Фасад",
        "Бетон", "Кровля", "Клин", "Фуд", "Овощ", "Склад", "Транс", "Гарант", "Опт", "Мастер",
    ];

    public static readonly string[] CompanyForms = ["ООО", "ООО", "ООО", "ИП", "ТОО", "ОсОО", "LLC", "TOO"];

    public static readonly string[] FileNames =
    [
        "passport_scan", "patent", "migration_card", "employment_contract", "payslips", "photos_of_site", "court_decision",
        "expulsion_order", "complaint_to_prosecutor", "reply_from_employer", "medical_certificate", "birth_certificate",
        "school_refusal", "power_of_attorney", "registration_slip", "witness_statement",
    ];

    public static readonly (string Extension, string ContentType)[] FileTypes =
    [
        (".pdf", "application/pdf"), (".pdf", "application/pdf"), (".pdf", "application/pdf"), (".jpg", "image/jpeg"),
        (".jpg", "image/jpeg"), (".png", "image/png"), (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (".odt", "application/vnd.oasis.opendocument.text"),
    ];

    /// <summary>Cities for synthetic offices beyond the demo ones: (city, country, time zone).</summary>
    public static readonly (string City, string Country, string TimeZone)[] OfficeCities =
    [
        ("Novosibirsk", "RU", "Asia/Novosibirsk"), ("Yekaterinburg", "RU", "Asia/Yekaterinburg"), ("Kazan", "RU", "Europe/Moscow"),
        ("Nizhny Novgorod", "RU", "Europe/Moscow"), ("Samara", "RU", "Europe/Samara"), ("Krasnoyarsk", "RU", "Asia/Krasnoyarsk"),
        ("Chelyabinsk", "RU", "Asia/Yekaterinburg"), ("Omsk", "RU", "Asia/Omsk"), ("Rostov-on-Don", "RU", "Europe/Moscow"),
        ("Ufa", "RU", "Asia/Yekaterinburg"), ("Krasnodar", "RU", "Europe/Moscow"), ("Voronezh", "RU", "Europe/Moscow"),
        ("Perm", "RU", "Asia/Yekaterinburg"), ("Volgograd", "RU", "Europe/Moscow"), ("Tyumen", "RU", "Asia/Yekaterinburg"),
        ("Irkutsk", "RU", "Asia/Irkutsk"), ("Khabarovsk", "RU", "Asia/Vladivostok"), ("Vladivostok", "RU", "Asia/Vladivostok"),
        ("Tomsk", "RU", "Asia/Novosibirsk"), ("Kaliningrad", "RU", "Europe/Kaliningrad"), ("Surgut", "RU", "Asia/Yekaterinburg"),
        ("Orenburg", "RU", "Asia/Yekaterinburg"), ("Astana", "KZ", "Asia/Almaty"), ("Shymkent", "KZ", "Asia/Almaty"),
        ("Karaganda", "KZ", "Asia/Almaty"), ("Aktobe", "KZ", "Asia/Aqtobe"), ("Atyrau", "KZ", "Asia/Aqtobe"),
        ("Pavlodar", "KZ", "Asia/Almaty"), ("Osh", "KG", "Asia/Bishkek"), ("Jalal-Abad", "KG", "Asia/Bishkek"),
        ("Dushanbe", "TJ", "Asia/Dushanbe"), ("Khujand", "TJ", "Asia/Dushanbe"), ("Tashkent", "UZ", "Asia/Tashkent"),
        ("Samarkand", "UZ", "Asia/Tashkent"), ("Fergana", "UZ", "Asia/Tashkent"), ("Andijan", "UZ", "Asia/Tashkent"),
        ("Kursk", "RU", "Europe/Moscow"), ("Tula", "RU", "Europe/Moscow"),
    ];
}
