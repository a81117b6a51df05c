using System.Globalization;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Features.Clients;

/// <summary>The core fields of a client as stored, with the row version they were read at.</summary>
public sealed record ClientValues(
    string FullName,
    string? Patronymic,
    DateOnly? BirthDate,
    int? BirthYear,
    Sex Sex,
    string? Citizenship,
    string? Languages,
    string? CurrentCountry,
    string? CurrentCity,
    Vulnerability Vulnerabilities,
    DateOnly? SeparatedOn,
    string? SeparatedFrom,
    uint Version)
{
    public static ClientValues Of(Client c) => new(c.FullName, c.Patronymic, c.BirthDate, c.BirthYear, c.Sex, c.Citizenship, c.Languages,
        c.CurrentCountry, c.CurrentCity, c.Vulnerabilities, c.SeparatedOn, c.SeparatedFrom, c.Version);

    /// <summary>The fields that differ, with their old and new values, for the audit trail.</summary>
    public IReadOnlyList<FieldChange> Differences(ClientValues after)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string? before, string? now)
        {
            if (!string.Equals(before, now, StringComparison.Ordinal))
            {
                changes.Add(new(field, before, now));
            }
        }

        Compare(nameof(FullName), FullName, after.FullName);
        Compare(nameof(Patronymic), Patronymic, after.Patronymic);
        Compare(nameof(BirthDate), Format(BirthDate), Format(after.BirthDate));
        Compare(nameof(BirthYear), Format(BirthYear), Format(after.BirthYear));
        Compare(nameof(Sex), Sex.ToString(), after.Sex.ToString());
        Compare(nameof(Citizenship), Citizenship, after.Citizenship);
        Compare(nameof(Languages), Languages, after.Languages);
        Compare(nameof(CurrentCountry), CurrentCountry, after.CurrentCountry);
        Compare(nameof(CurrentCity), CurrentCity, after.CurrentCity);
        Compare(nameof(Vulnerabilities), Vulnerabilities.ToString(), after.Vulnerabilities.ToString());
        Compare(nameof(SeparatedOn), Format(SeparatedOn), Format(after.SeparatedOn));
        Compare(nameof(SeparatedFrom), SeparatedFrom, after.SeparatedFrom);
        return changes;
    }

    public static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Format(int? number) => number?.ToString(CultureInfo.InvariantCulture);
}
