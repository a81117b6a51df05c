using System.Globalization;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Tools.Generator;

/// <summary>The rows of one case: its intake and people, its categories, timeline and documents.</summary>
public sealed partial class SyntheticDataGenerator
{
    private const string ConsentScope = "Legal aid and contact through safe channels.";

    private SyntheticBatch GenerateBatch(int first, int count, int total)
    {
        var batch = new SyntheticBatch { FirstCase = first, CaseCount = count };
        for (var i = first; i < first + count; i++)
        {
            GenerateCase(batch, i, total);
        }

        return batch;
    }

    private void GenerateCase(SyntheticBatch b, int index, int total)
    {
        // Cases come in date order, denser towards today (the caseload grows): inverse of a linear density.
        var fraction = (index + 0.5) / total;
        var position = Math.Sqrt(1 + (3 * fraction)) - 1;
        var openedOn = _today.AddDays(-(int)Math.Round((1 - position) * (SpanDays - 1)));
        var office = _offices[PickWeighted(_rng, _officeWeights)];
        var createdAt = Min(At(openedOn, _rng.Next(7 * 60, 19 * 60)), _now.AddMinutes(-_rng.Next(5, 120)));
        var interviewAt = createdAt.AddHours(-_rng.Next(2, 96));
        var caseworker = office.Caseworkers[_rng.Next(office.Caseworkers.Length)];

        // Categories: a main one, sometimes a second from the same group or anywhere.
        var main = _categories[PickWeighted(_rng, _categoryWeights)];
        var categories = new List<ComplaintCategory> { main };
        if (_rng.NextDouble() < 0.35)
        {
            var sameGroup = _categories.Where(c => c.GroupCode == main.GroupCode && c.Id != main.Id).ToList();
            if (sameGroup.Count > 0)
            {
                categories.Add(sameGroup[_rng.Next(sameGroup.Count)]);
            }
        }

        if (_rng.NextDouble() < 0.1)
        {
            var other = _categories[PickWeighted(_rng, _categoryWeights)];
            if (!categories.Contains(other))
            {
                categories.Add(other);
            }
        }

        var codes = categories.Select(c => c.Code).ToHashSet();
        var detention = codes.Any(c => c.StartsWith("detention.", StringComparison.Ordinal));
        var urgent = detention ? _rng.NextDouble() < 0.4 : _rng.NextDouble() < 0.03;
        var inDetention = urgent && (codes.Contains("detention.arbitrary") || codes.Contains("detention.centre"));
        var separatedChild = codes.Contains("detention.child-separated") || (urgent && codes.Contains("children.family-separation"));
        var undocumented = codes.Contains("documents.passport") || codes.Contains("documents.statelessness");
        var expulsion = urgent && !inDetention && !separatedChild;

        // The principal: usually someone new, sometimes a client of the office coming back.
        Guid principal;
        SyntheticNames.Group group;
        string? surname = null;
        if (office.RecentClients > 100 && _rng.NextDouble() < 0.12)
        {
            principal = office.RecentClient(_rng);
            group = PickGroup();
        }
        else
        {
            group = PickGroup();
            var vulnerabilities = (inDetention ? Vulnerability.Detained : 0) | (undocumented ? Vulnerability.Undocumented : 0)
                | (codes.Any(c => c.StartsWith("trafficking.", StringComparison.Ordinal)) ? Vulnerability.TraffickingVictim : 0);
            (principal, surname) = NewPerson(b, office, group, null, PersonKind.Adult, vulnerabilities, interviewAt, caseworker,
                female: codes.Contains("health.maternity-care") || codes.Contains("labour.domestic-worker-abuse") ? true : null,
                pregnant: codes.Contains("health.maternity-care"));
            office.Remember(principal);
        }

        var respondentsBefore = b.Respondents.Count;
        var intake = NewIntake(b, office, principal, categories, openedOn, interviewAt, caseworker, urgent, inDetention, expulsion, separatedChild);
        var respondent = b.Respondents.Count > respondentsBefore ? b.Respondents[respondentsBefore].Name : null;
        var decidedAt = createdAt;
        b.Intakes.Add(intake with
        {
            NoDocuments = undocumented,
            Status = IntakeStatus.Accepted,
            DecidedAt = decidedAt,
            DecidedBy = office.Coordinator,
            UpdatedAt = decidedAt,
        });

        // Who works it, and where it stands: the older the case, the likelier it is closed.
        var ageDays = _today.DayNumber - openedOn.DayNumber;
        var closed = _rng.NextDouble() < Math.Clamp((ageDays - 30) / 365.0, 0, 0.97);
        Guid? caseworkerId = _rng.NextDouble() < 0.9 ? caseworker : null;
        Guid? lead = _rng.NextDouble() < 0.85 ? office.Lawyers[_rng.Next(office.Lawyers.Length)] : null;
        var status = closed ? CaseStatus.Closed : lead is not null || _rng.NextDouble() < 0.3 ? CaseStatus.InProgress : CaseStatus.Open;
        var year = openedOn.Year;
        var number = NextNumber(office.Id, year);
        var caseId = NewId();
        var reference = Case.FormatReference(office.Prefix, year, number);
        var confidential = codes.Any(c => c.StartsWith("trafficking.", StringComparison.Ordinal)) || _rng.NextDouble() < 0.015;
        var priority = urgent ? CasePriority.Urgent : _rng.NextDouble() < 0.12 ? CasePriority.High : CasePriority.Normal;

        DateOnly? closedOn = null;
        CaseOutcome? outcome = null;
        var end = _now;
        if (closed)
        {
            closedOn = openedOn.AddDays(Math.Min(_rng.Next(7, 400), Math.Max(0, ageDays - 1)));
            outcome = (CaseOutcome)PickWeighted(_rng, [30, 20, 15, 10, 15, 10]);
            end = Max(At(closedOn.Value, _rng.Next(9 * 60, 18 * 60)), createdAt.AddMinutes(30));
        }

        var events = new List<CaseEventRow>
        {
            new(caseId, createdAt, office.Coordinator, CaseEventKind.Opened, null, null, $$"""{"reference":"{{reference}}"}"""),
        };
        var t = Min(createdAt.AddMinutes(_rng.Next(5, 240)), end);
        if (caseworkerId is not null || lead is not null)
        {
            events.Add(new(caseId, t, office.Coordinator, CaseEventKind.Assigned, null, null,
                $$$"""{"before":{"caseworker":null,"lead":null,"lawyers":[]},"after":{"caseworker":{{{Json(caseworkerId)}}},"lead":{{{Json(lead)}}},"lawyers":[]}}"""));
        }

        if (status != CaseStatus.Open && lead is null)
        {
            events.Add(new(caseId, t.AddMinutes(1), office.Coordinator, CaseEventKind.StatusChanged, null, null, """{"from":"Open","to":"InProgress"}"""));
        }

        var worker = lead ?? caseworkerId ?? office.Coordinator;
        var span = Math.Max(0, (end - t).TotalMinutes);
        var notes = 0;
        while (notes < 6 && _rng.NextDouble() < 0.6)
        {
            notes++;
            var kind = (NoteKind)_rng.Next(5);
            events.Add(new(caseId, t.AddMinutes(_rng.NextDouble() * span), kind == NoteKind.Interview && caseworkerId is { } cw ? cw : worker,
                CaseEventKind.Note, kind, SyntheticText.Note(_rng, office.Russian), null));
        }

        var documents = PickWeighted(_rng, [30, 30, 20, 12, 8]);
        for (var d = 0; d < documents; d++)
        {
            var (extension, contentType) = SyntheticNames.FileTypes[_rng.Next(SyntheticNames.FileTypes.Length)];
            var fileName = SyntheticNames.FileNames[_rng.Next(SyntheticNames.FileNames.Length)] + "_" + (d + 1).ToString(CultureInfo.InvariantCulture) + extension;
            var documentId = NewId();
            var uploadedAt = t.AddMinutes(_rng.NextDouble() * span);
            var size = (long)Math.Exp(_rng.NextDouble() * (Math.Log(8_000_000) - Math.Log(30_000)) + Math.Log(30_000));
            b.CaseDocuments.Add(new(documentId, caseId, fileName, contentType, size, Sha256Hex(), worker, uploadedAt));
            events.Add(new(caseId, uploadedAt, worker, CaseEventKind.DocumentAdded, null, null, $$"""{"documentId":"{{documentId}}","fileName":"{{fileName}}"}"""));
        }

        if (closed)
        {
            events.Add(new(caseId, end, worker, CaseEventKind.StatusChanged, null, SyntheticText.OutcomeNote(outcome!.Value, office.Russian),
                string.Create(CultureInfo.InvariantCulture, $$"""{"from":"InProgress","to":"Closed","outcome":"{{outcome}}","closedOn":"{{closedOn:yyyy-MM-dd}}"}""")));
        }

        events.Sort((x, y) => x.OccurredAt.CompareTo(y.OccurredAt));
        b.CaseEvents.AddRange(events);

        b.Cases.Add(new CaseRow(caseId, reference, office.Id, year, number, intake.Id, SyntheticText.Title(main, respondent, office.Russian),
            status, priority, urgent, confidential, principal, caseworkerId, lead, openedOn, closedOn, outcome,
            closed ? SyntheticText.OutcomeNote(outcome!.Value, office.Russian) : null, createdAt, events[^1].OccurredAt));
        b.CaseClients.Add(new(caseId, principal, CaseClientRole.Principal));
        foreach (var category in categories)
        {
            b.CaseCategories.Add(new(caseId, category.Id));
        }

        if (lead is not null && office.Lawyers.Length > 1 && _rng.NextDouble() < 0.06)
        {
            var further = office.Lawyers[_rng.Next(office.Lawyers.Length)];
            if (further != lead)
            {
                b.CaseLawyers.Add(new(caseId, further));
            }
        }

        // Family members and co-complainants: the ~0.3 further people per case.
        if (_rng.NextDouble() < 0.3)
        {
            var extra = _rng.NextDouble() < 0.7 ? 1 : 2;
            for (var e = 0; e < extra; e++)
            {
                var family = _rng.NextDouble() < 0.6;
                if (family)
                {
                    var relation = _rng.NextDouble() switch { < 0.5 => FamilyRelation.Child, < 0.85 => FamilyRelation.Spouse, _ => FamilyRelation.Sibling };
                    var kind = relation == FamilyRelation.Child ? PersonKind.Child : PersonKind.Adult;
                    var (member, _) = NewPerson(b, office, group, surname, kind, separatedChild && kind == PersonKind.Child ? Vulnerability.Detained | Vulnerability.SeparatedChild : 0, interviewAt, caseworker);
                    b.FamilyLinks.Add(new(principal, member, relation));
                    b.FamilyLinks.Add(new(member, principal, relation.Inverse()));
                    b.CaseClients.Add(new(caseId, member, CaseClientRole.FamilyMember));
                }
                else
                {
                    var (coComplainant, _) = NewPerson(b, office, PickGroup(), null, PersonKind.Adult, 0, interviewAt, caseworker);
                    b.CaseClients.Add(new(caseId, coComplainant, CaseClientRole.CoComplainant));
                }
            }
        }

        GenerateDates(b, office, caseId, openedOn, closedOn, createdAt, caseworkerId, lead, worker);
        GenerateOtherIntakes(b, office, categories, openedOn, createdAt, caseworker, ageDays);
    }

    /// <summary>Intakes that did not (yet) become cases: rejected ones all along, pending and drafts of the last days.</summary>
    private void GenerateOtherIntakes(SyntheticBatch b, OfficeInfo office, List<ComplaintCategory> categories, DateOnly day, DateTimeOffset at, Guid caseworker, int ageDays)
    {
        var roll = _rng.NextDouble();
        var status = roll < 0.08 ? IntakeStatus.Rejected
            : ageDays <= 14 && roll < 0.35 ? IntakeStatus.Submitted
            : ageDays <= 3 && roll < 0.40 ? IntakeStatus.Draft
            : (IntakeStatus?)null;
        if (status is not { } s)
        {
            return;
        }

        var (client, _) = NewPerson(b, office, PickGroup(), null, PersonKind.Adult, 0, at, caseworker);
        var urgent = _rng.NextDouble() < 0.1;
        var intake = NewIntake(b, office, client, categories, day, at, caseworker, urgent, false, urgent, false);
        b.Intakes.Add(s switch
        {
            IntakeStatus.Rejected => intake with
            {
                Status = IntakeStatus.Rejected,
                DecidedAt = Min(at.AddHours(_rng.Next(1, 72)), _now),
                DecidedBy = office.Coordinator,
                RejectionReason = (RejectionReason)_rng.Next(4),
                RejectionNote = office.Russian ? "Вне мандата организации или передано партнёрам." : "Outside the mandate or referred to partners.",
            },
            IntakeStatus.Draft => intake with { Status = IntakeStatus.Draft, Step = IntakeStep.Complaint, SubmittedAt = null, ResponseDueAt = null },
            _ => intake,
        });
    }

    private IntakeRow NewIntake(
        SyntheticBatch b, OfficeInfo office, Guid client, List<ComplaintCategory> categories, DateOnly day, DateTimeOffset at, Guid caseworker,
        bool urgent, bool inDetention, bool expulsion, bool separatedChild)
    {
        var id = NewId();
        var group = categories[0].GroupCode;
        var respondents = _rng.NextDouble() switch { < 0.2 => 0, < 0.8 => 1, _ => 2 };
        var firstRespondent = "";
        for (var r = 0; r < respondents; r++)
        {
            var type = group switch
            {
                "labour" or "trafficking" => r == 0 ? RespondentType.Employer : RespondentType.RecruitmentAgency,
                "detention" => r == 0 ? RespondentType.MigrationAuthority : RespondentType.Police,
                "documents" => RespondentType.MigrationAuthority,
                "children" => RespondentType.School,
                "health" => RespondentType.Hospital,
                "violence" => RespondentType.Police,
                _ => RespondentType.Other,
            };
            var name = SyntheticText.Respondent(_rng, type);
            firstRespondent = r == 0 ? name : firstRespondent;
            Sector? sector = type == RespondentType.Employer
                ? categories[0].Code == "labour.domestic-worker-abuse" ? Sector.DomesticWork : (Sector)_rng.Next(7)
                : null;
            b.Respondents.Add(new(NewId(), id, name, type, sector, Transliteration.MatchKey(name)));
        }

        var from = day.AddDays(-_rng.Next(1, 200));
        var to = from.AddDays(_rng.Next(0, 60));
        var submitted = Min(at.AddMinutes(_rng.Next(20, 90)), _now);
        return new IntakeRow(id, office.Id, client, IntakeStatus.Submitted, IntakeStep.Done, categories.Select(c => c.Id).ToArray(),
            office.Country, office.City, from, to < day ? to : day,
            SyntheticText.Account(_rng, group, firstRespondent.Length > 0 ? firstRespondent : office.City, office.Russian),
            SyntheticText.Wishes(_rng, office.Russian), inDetention, expulsion, separatedChild,
            submitted + (urgent || inDetention || separatedChild ? Intake.UrgentResponseTarget : Intake.NormalResponseTarget),
            caseworker, at, submitted, submitted, null, null, null, null);
    }

    private enum PersonKind
    {
        Adult,
        Child,
    }

    /// <summary>A new client with the usual attachments: aliases, contacts, documents, a stay, consent.</summary>
    private (Guid Id, string Surname) NewPerson(
        SyntheticBatch b, OfficeInfo office, SyntheticNames.Group group, string? familySurname, PersonKind kind, Vulnerability vulnerabilities,
        DateTimeOffset at, Guid createdBy, bool? female = null, bool pregnant = false)
    {
        var id = NewId();
        var isFemale = female ?? (kind == PersonKind.Child ? _rng.Next(2) == 0 : _rng.NextDouble() < 0.3);
        var surname = familySurname ?? group.Surnames[_rng.Next(group.Surnames.Length)];
        var given = isFemale ? group.Female[_rng.Next(group.Female.Length)] : group.Male[_rng.Next(group.Male.Length)];
        var fullName = (isFemale ? SyntheticNames.FemaleSurname(surname) : surname) + " " + given;
        var patronymic = kind == PersonKind.Adult && _rng.NextDouble() < 0.55 ? SyntheticNames.Patronymic(group.Male[_rng.Next(group.Male.Length)], isFemale) : null;
        var aliases = new List<(string Name, string Note)>();
        if (_rng.NextDouble() < 0.2)
        {
            // Typed in Latin letters, as in a foreign document; the Cyrillic form is kept as an alias.
            if (_rng.NextDouble() < 0.5)
            {
                aliases.Add((fullName, "Cyrillic spelling"));
            }

            fullName = Variant(Transliteration.ToLatin(fullName));
            patronymic = patronymic is null ? null : Transliteration.ToLatin(patronymic);
        }
        else if (_rng.NextDouble() < 0.35)
        {
            aliases.Add((Variant(Transliteration.ToLatin(fullName)).ToUpperInvariant(), "passport"));
        }

        // The portal's own derivation of the Latin form and the match keys.
        var scratch = new Client(office.Id, fullName, patronymic, createdBy, at);
        foreach (var (name, note) in aliases)
        {
            scratch.AddAlias(name, note);
            b.Aliases.Add(new(NewId(), id, name, note));
        }

        var age = kind == PersonKind.Child ? _rng.Next(0, 18) : 18 + _rng.Next(0, 25) + _rng.Next(0, 20);
        var today = DateOnly.FromDateTime(at.UtcDateTime);
        var birth = today.AddYears(-age).AddDays(-_rng.Next(0, 365));
        var exact = _rng.NextDouble() < 0.75;
        var citizenship = group == SyntheticNames.Other ? SyntheticNames.OtherCitizenships[_rng.Next(SyntheticNames.OtherCitizenships.Length)] : group.Citizenship;
        if (_rng.NextDouble() < 0.01)
        {
            citizenship = Citizenships.Stateless;
        }

        vulnerabilities |= (kind == PersonKind.Child ? Vulnerability.Child : 0)
            | (pregnant ? Vulnerability.Pregnancy : 0)
            | (_rng.NextDouble() < 0.01 ? Vulnerability.Roma : 0)
            | (_rng.NextDouble() < 0.02 ? Vulnerability.Disability : 0);
        var consentRoll = _rng.NextDouble();
        var consent = consentRoll switch { < 0.93 => ConsentStatus.Given, < 0.97 => ConsentStatus.NotRecorded, < 0.98 => ConsentStatus.Refused, _ => ConsentStatus.Withdrawn };
        if (consent != ConsentStatus.NotRecorded)
        {
            b.Consents.Add(new(NewId(), id, consent == ConsentStatus.Withdrawn ? ConsentStatus.Given : consent, today, ConsentScope, createdBy, at));
            if (consent == ConsentStatus.Withdrawn)
            {
                var withdrawn = Min(at.AddDays(_rng.Next(1, 300)), _now);
                b.Consents.Add(new(NewId(), id, ConsentStatus.Withdrawn, DateOnly.FromDateTime(withdrawn.UtcDateTime), null, createdBy, withdrawn));
            }
        }

        b.Clients.Add(new ClientRow(id, office.Id, scratch.FullName, scratch.Patronymic, scratch.LatinName, scratch.SearchKey,
            exact ? birth : null, birth.Year, isFemale ? Sex.Female : Sex.Male, citizenship, group.Languages, office.Country, office.City,
            vulnerabilities, consent, createdBy, at));

        if (kind == PersonKind.Adult && _rng.NextDouble() < 0.9)
        {
            b.Contacts.Add(new(NewId(), id, ContactChannel.Phone, Phone(office.Country), _rng.NextDouble() < 0.9, null));
        }

        if (_rng.NextDouble() < 0.3)
        {
            b.Contacts.Add(new(NewId(), id, _rng.Next(2) == 0 ? ContactChannel.WhatsApp : ContactChannel.Telegram, Phone(group.Citizenship), true, null));
        }

        if (citizenship != Citizenships.Stateless && _rng.NextDouble() < 0.7)
        {
            var issued = today.AddDays(-_rng.Next(0, 3650));
            b.Documents.Add(new(NewId(), id, MigrationDocumentType.Passport, PassportNumber(), Countries.IsKnown(citizenship) ? citizenship : null, issued, issued.AddYears(10).AddDays(-1)));
        }

        if (office.Country == "RU" && citizenship is "TJ" or "UZ" && kind == PersonKind.Adult && _rng.NextDouble() < 0.4)
        {
            var issued = today.AddDays(-_rng.Next(0, 300));
            b.Documents.Add(new(NewId(), id, MigrationDocumentType.WorkPatent, "77 " + _rng.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture), "RU", issued, issued.AddDays(_rng.Next(30, 366))));
        }

        if (office.Country == "RU" && _rng.NextDouble() < 0.15)
        {
            var entry = today.AddDays(-_rng.Next(1, 150));
            DateOnly? exit = _rng.Next(2) == 0 ? null : entry.AddDays(_rng.Next(1, 90));
            b.Stays.Add(new(NewId(), id, "RU", entry, exit is { } e && e > _today ? null : exit));
        }

        return (id, surname);
    }

    /// <summary>Another transliteration habit applied once or twice (kh/h, zh/j, u/ou...).</summary>
    private string Variant(string latin)
    {
        var result = latin;
        for (var n = _rng.Next(0, 3); n > 0; n--)
        {
            var (from, to) = SyntheticNames.LatinVariants[_rng.Next(SyntheticNames.LatinVariants.Length)];
            result = result.Replace(from, to, StringComparison.Ordinal);
        }

        return result;
    }

    private int NextNumber(Guid office, int year)
    {
        var key = (office, year);
        var next = _counters.GetValueOrDefault(key) + 1;
        _counters[key] = next;
        _countersUsed.Add(key);
        return next;
    }

    private string Phone(string country) => country switch
    {
        "KG" => "+996 555 " + _rng.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture),
        "TJ" => "+992 90 " + _rng.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture),
        "UZ" => "+998 90 " + _rng.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture),
        _ => "+7 9" + _rng.Next(10, 99).ToString(CultureInfo.InvariantCulture) + " " + _rng.Next(100, 999).ToString(CultureInfo.InvariantCulture) + "-" + _rng.Next(1000, 9999).ToString(CultureInfo.InvariantCulture),
    };

    private string PassportNumber() =>
        string.Concat((char)('A' + _rng.Next(26)), (char)('A' + _rng.Next(26))) + _rng.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);

    private string Sha256Hex()
    {
        Span<byte> bytes = stackalloc byte[32];
        _rng.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    private static string Json(Guid? id) => id is { } value ? "\"" + value.ToString() + "\"" : "null";

    private static DateTimeOffset At(DateOnly day, int minuteOfDay) => new(day.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay), TimeSpan.Zero);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
