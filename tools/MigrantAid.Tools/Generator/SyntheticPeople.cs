using System.Globalization;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Tools.Generator;

internal enum PersonKind
{
    Adult,
    Child,
}

/// <summary>
/// New clients with the usual attachments: aliases (Latin and Cyrillic spellings), contacts, documents, a stay, consent.
/// Names come from <see cref="SyntheticNames"/>; the Latin form and the match keys are the portal's own
/// (a <see cref="Client"/> derives them), so search finds synthetic people.
/// </summary>
internal sealed class SyntheticPeople(SyntheticWorld world)
{
    private const string ConsentScope = "Legal aid and contact through safe channels.";

    private Random Rng => world.Rng;

    public (Guid Id, string Surname) New(
        SyntheticBatch b, SyntheticOffice office, SyntheticNames.Group group, string? familySurname, PersonKind kind, Vulnerability vulnerabilities,
        DateTimeOffset at, Guid createdBy, bool? female = null, bool pregnant = false)
    {
        var id = world.NewId();
        var isFemale = female ?? (kind == PersonKind.Child ? Rng.Next(2) == 0 : Rng.NextDouble() < 0.3);
        var surname = familySurname ?? group.Surnames[Rng.Next(group.Surnames.Length)];
        var (fullName, patronymic, aliases) = Names(group, surname, isFemale, kind);

        // The portal's own derivation of the Latin form and the match keys.
        var scratch = new Client(office.Id, fullName, patronymic, createdBy, at);
        foreach (var (name, note) in aliases)
        {
            scratch.AddAlias(name, note);
            b.Aliases.Add(new(world.NewId(), id, name, note));
        }

        var today = DateOnly.FromDateTime(at.UtcDateTime);
        var (birth, exact, citizenship) = Birth(group, kind, today);
        vulnerabilities |= (kind == PersonKind.Child ? Vulnerability.Child : 0)
            | (pregnant ? Vulnerability.Pregnancy : 0)
            | (Rng.NextDouble() < 0.01 ? Vulnerability.Roma : 0)
            | (Rng.NextDouble() < 0.02 ? Vulnerability.Disability : 0);
        var consent = Consent(b, id, today, at, createdBy);
        b.Clients.Add(new ClientRow(id, office.Id, scratch.FullName, scratch.Patronymic, scratch.LatinName, scratch.SearchKey,
            exact ? birth : null, birth.Year, isFemale ? Sex.Female : Sex.Male, citizenship, group.Languages, office.Country, office.City,
            vulnerabilities, consent, createdBy, at));
        Attachments(b, office, group, id, kind, citizenship, today);
        return (id, surname);
    }

    /// <summary>The full name and patronymic as typed, and the other spellings kept as aliases.</summary>
    private (string FullName, string? Patronymic, List<(string Name, string Note)> Aliases) Names(SyntheticNames.Group group, string surname, bool isFemale, PersonKind kind)
    {
        var given = isFemale ? group.Female[Rng.Next(group.Female.Length)] : group.Male[Rng.Next(group.Male.Length)];
        var fullName = (isFemale ? SyntheticNames.FemaleSurname(surname) : surname) + " " + given;
        var patronymic = kind == PersonKind.Adult && Rng.NextDouble() < 0.55 ? SyntheticNames.Patronymic(group.Male[Rng.Next(group.Male.Length)], isFemale) : null;
        var aliases = new List<(string Name, string Note)>();
        if (Rng.NextDouble() < 0.2)
        {
            // Typed in Latin letters, as in a foreign document; the Cyrillic form is kept as an alias.
            if (Rng.NextDouble() < 0.5)
            {
                aliases.Add((fullName, "Cyrillic spelling"));
            }

            fullName = Variant(Transliteration.ToLatin(fullName));
            patronymic = patronymic is null ? null : Transliteration.ToLatin(patronymic);
        }
        else if (Rng.NextDouble() < 0.35)
        {
            aliases.Add((Variant(Transliteration.ToLatin(fullName)).ToUpperInvariant(), "passport"));
        }

        return (fullName, patronymic, aliases);
    }

    private (DateOnly Birth, bool Exact, string? Citizenship) Birth(SyntheticNames.Group group, PersonKind kind, DateOnly today)
    {
        var age = kind == PersonKind.Child ? Rng.Next(0, 18) : 18 + Rng.Next(0, 25) + Rng.Next(0, 20);
        var birth = today.AddYears(-age).AddDays(-Rng.Next(0, 365));
        var exact = Rng.NextDouble() < 0.75;
        var citizenship = group == SyntheticNames.Other ? SyntheticNames.OtherCitizenships[Rng.Next(SyntheticNames.OtherCitizenships.Length)] : group.Citizenship;
        if (Rng.NextDouble() < 0.01)
        {
            citizenship = Citizenships.Stateless;
        }

        return (birth, exact, citizenship);
    }

    /// <summary>Consent as most clients give it; a few refused, a few gave it and withdrew it later.</summary>
    private ConsentStatus Consent(SyntheticBatch b, Guid id, DateOnly today, DateTimeOffset at, Guid createdBy)
    {
        var consentRoll = Rng.NextDouble();
        var consent = consentRoll switch { < 0.93 => ConsentStatus.Given, < 0.97 => ConsentStatus.NotRecorded, < 0.98 => ConsentStatus.Refused, _ => ConsentStatus.Withdrawn };
        if (consent != ConsentStatus.NotRecorded)
        {
            b.Consents.Add(new(world.NewId(), id, consent == ConsentStatus.Withdrawn ? ConsentStatus.Given : consent, today, ConsentScope, createdBy, at));
            if (consent == ConsentStatus.Withdrawn)
            {
                var withdrawn = SyntheticRandom.Min(at.AddDays(Rng.Next(1, 300)), world.Now);
                b.Consents.Add(new(world.NewId(), id, ConsentStatus.Withdrawn, DateOnly.FromDateTime(withdrawn.UtcDateTime), null, createdBy, withdrawn));
            }
        }

        return consent;
    }

    /// <summary>Phones and messengers, a passport and a work patent, a stay in Russia.</summary>
    private void Attachments(SyntheticBatch b, SyntheticOffice office, SyntheticNames.Group group, Guid id, PersonKind kind, string? citizenship, DateOnly today)
    {
        if (kind == PersonKind.Adult && Rng.NextDouble() < 0.9)
        {
            b.Contacts.Add(new(world.NewId(), id, ContactChannel.Phone, Phone(office.Country), Rng.NextDouble() < 0.9, null));
        }

        if (Rng.NextDouble() < 0.3)
        {
            b.Contacts.Add(new(world.NewId(), id, Rng.Next(2) == 0 ? ContactChannel.WhatsApp : ContactChannel.Telegram, Phone(group.Citizenship), true, null));
        }

        if (citizenship != Citizenships.Stateless && Rng.NextDouble() < 0.7)
        {
            var issued = today.AddDays(-Rng.Next(0, 3650));
            b.Documents.Add(new(world.NewId(), id, MigrationDocumentType.Passport, PassportNumber(), Countries.IsKnown(citizenship) ? citizenship : null, issued, issued.AddYears(10).AddDays(-1)));
        }

        if (office.Country == "RU" && citizenship is "TJ" or "UZ" && kind == PersonKind.Adult && Rng.NextDouble() < 0.4)
        {
            var issued = today.AddDays(-Rng.Next(0, 300));
            b.Documents.Add(new(world.NewId(), id, MigrationDocumentType.WorkPatent, "77 " + Rng.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture), "RU", issued, issued.AddDays(Rng.Next(30, 366))));
        }

        if (office.Country == "RU" && Rng.NextDouble() < 0.15)
        {
            var entry = today.AddDays(-Rng.Next(1, 150));
            DateOnly? exit = Rng.Next(2) == 0 ? null : entry.AddDays(Rng.Next(1, 90));
            b.Stays.Add(new(world.NewId(), id, "RU", entry, exit is { } e && e > world.Today ? null : exit));
        }
    }

    /// <summary>Another transliteration habit applied once or twice (kh/h, zh/j, u/ou...).</summary>
    private string Variant(string latin)
    {
        var result = latin;
        for (var n = Rng.Next(0, 3); n > 0; n--)
        {
            var (from, to) = SyntheticNames.LatinVariants[Rng.Next(SyntheticNames.LatinVariants.Length)];
            result = result.Replace(from, to, StringComparison.Ordinal);
        }

        return result;
    }

    private string Phone(string country) => country switch
    {
        "KG" => "+996 555 " + Rng.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture),
        "TJ" => "+992 90 " + Rng.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture),
        "UZ" => "+998 90 " + Rng.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture),
        _ => "+7 9" + Rng.Next(10, 99).ToString(CultureInfo.InvariantCulture) + " " + Rng.Next(100, 999).ToString(CultureInfo.InvariantCulture) + "-" + Rng.Next(1000, 9999).ToString(CultureInfo.InvariantCulture),
    };

    private string PassportNumber() =>
        string.Concat((char)('A' + Rng.Next(26)), (char)('A' + Rng.Next(26))) + Rng.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
}
