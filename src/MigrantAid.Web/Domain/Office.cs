namespace MigrantAid.Web.Domain;

/// <summary>An office of the organisation (a city where caseworkers and lawyers work).</summary>
public class Office
{
    public const int NameMaxLength = 120;
    public const int CityMaxLength = 120;

    private Office()
    {
    }

    public Office(string name, string city, string countryCode, string timeZoneId, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        CreatedAt = now;
        Update(name, city, countryCode, timeZoneId, now);
    }

    public Guid Id { get; private set; }

    /// <summary>Two to five capital Latin letters that start the office's case references (SPB-2026-0042).</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string City { get; private set; } = "";

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string CountryCode { get; private set; } = "";

    /// <summary>IANA time zone, e.g. Europe/Moscow; dates of this office are shown in it.</summary>
    public string TimeZoneId { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>PostgreSQL xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public static bool IsValidCode(string? code) =>
        code is { Length: >= 2 and <= 5 } && code.All(c => c is >= 'A' and <= 'Z');

    public void SetCode(string code, DateTimeOffset now)
    {
        if (!IsValidCode(code))
        {
            throw new ArgumentException("An office code is 2 to 5 capital Latin letters.", nameof(code));
        }

        Code = code;
        UpdatedAt = now;
    }

    /// <summary>The prefix of case references: the code, or letters of the city while no code is set.</summary>
    public string CasePrefix
    {
        get
        {
            if (Code.Length > 0)
            {
                return Code;
            }

            var letters = Transliteration.ToLatin(City).Where(char.IsAsciiLetter).Select(char.ToUpperInvariant).Take(3).ToArray();
            return letters.Length >= 2 ? new string(letters) : "OFF";
        }
    }

    public void Update(string name, string city, string countryCode, string timeZoneId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
        {
            throw new ArgumentException("An office needs a name of at most " + NameMaxLength + " characters.", nameof(name));
        }

        if (string.IsNullOrWhiteSpace(city) || city.Trim().Length > CityMaxLength)
        {
            throw new ArgumentException("An office needs a city of at most " + CityMaxLength + " characters.", nameof(city));
        }

        if (!Countries.IsKnown(countryCode))
        {
            throw new ArgumentException("Unknown country code.", nameof(countryCode));
        }

        if (!TimeZones.IsKnown(timeZoneId))
        {
            throw new ArgumentException("Unknown time zone.", nameof(timeZoneId));
        }

        Name = name.Trim();
        City = city.Trim();
        CountryCode = countryCode;
        TimeZoneId = timeZoneId;
        UpdatedAt = now;
    }

    /// <summary>Old and new values of the fields an update would change, for the audit log.</summary>
    public IReadOnlyDictionary<string, string[]> Differences(string name, string city, string countryCode, string timeZoneId)
    {
        var changes = new Dictionary<string, string[]>();
        void Compare(string field, string before, string after)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                changes[field] = [before, after];
            }
        }

        Compare(nameof(Name), Name, name.Trim());
        Compare(nameof(City), City, city.Trim());
        Compare(nameof(CountryCode), CountryCode, countryCode);
        Compare(nameof(TimeZoneId), TimeZoneId, timeZoneId);
        return changes;
    }
}
