namespace MigrantAid.Web.Domain.Clients;

/// <summary>
/// A person the organisation helps. The name is kept as typed, in any script; a Latin form and a
/// match key (see <see cref="Transliteration"/>) are derived from it and from the aliases, for search
/// and for finding duplicates.
/// </summary>
public class Client
{
    public const int NameMaxLength = 200;
    public const int PatronymicMaxLength = 100;
    public const int SeparatedFromMaxLength = 200;

    private readonly List<ClientAlias> _aliases = [];
    private readonly List<ClientContact> _contacts = [];
    private readonly List<MigrationDocument> _documents = [];
    private readonly List<StayPeriod> _stays = [];
    private readonly List<ConsentRecord> _consents = [];

    private Client()
    {
    }

    public Client(Guid officeId, string fullName, string? patronymic, Guid createdBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        OfficeId = officeId;
        CreatedBy = createdBy;
        CreatedAt = now;
        Rename(fullName, patronymic, now);
    }

    public Guid Id { get; private set; }

    /// <summary>The office that registered the client.</summary>
    public Guid OfficeId { get; private set; }

    public string FullName { get; private set; } = "";

    public string? Patronymic { get; private set; }

    /// <summary>Latin transliteration of the name and patronymic, derived.</summary>
    public string LatinName { get; private set; } = "";

    /// <summary>Match keys of the name, patronymic and every alias, space-separated; trigram-indexed.</summary>
    public string SearchKey { get; private set; } = "";

    /// <summary>Exact date of birth, when known.</summary>
    public DateOnly? BirthDate { get; set; }

    /// <summary>Year of birth when only that (or an estimate) is known; equals BirthDate's year otherwise.</summary>
    public int? BirthYear { get; set; }

    public Sex Sex { get; set; }

    /// <summary>ISO country code, <see cref="Citizenships.Stateless"/>, or null when unknown.</summary>
    public string? Citizenship { get; set; }

    public string? Languages { get; set; }

    public string? CurrentCountry { get; set; }

    public string? CurrentCity { get; set; }

    public Vulnerability Vulnerabilities { get; set; }

    /// <summary>With <see cref="Vulnerability.SeparatedChild"/>: when the child was separated, if known.</summary>
    public DateOnly? SeparatedOn { get; private set; }

    /// <summary>With <see cref="Vulnerability.SeparatedChild"/>: the parent or the country the child was separated from, as typed.</summary>
    public string? SeparatedFrom { get; private set; }

    public ConsentStatus ConsentStatus { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>When the client was anonymised (issue 15): the name, contacts, aliases and exact birth are gone.</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    /// <summary>The day the client asked to be forgotten, as the person who took the request recorded it.</summary>
    public DateOnly? ErasureRequestedOn { get; private set; }

    public Guid? ErasureRecordedBy { get; private set; }

    public DateTimeOffset? ErasureRecordedAt { get; private set; }

    public bool IsAnonymised => AnonymisedAt is not null;

    public IReadOnlyList<ClientAlias> Aliases => _aliases;

    public IReadOnlyList<ClientContact> Contacts => _contacts;

    public IReadOnlyList<MigrationDocument> Documents => _documents;

    public IReadOnlyList<StayPeriod> Stays => _stays;

    public IReadOnlyList<ConsentRecord> Consents => _consents;

    public void Rename(string fullName, string? patronymic, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(fullName))
        {
            throw new ArgumentException("A client needs a name.", nameof(fullName));
        }

        FullName = fullName.Trim();
        Patronymic = string.IsNullOrWhiteSpace(patronymic) ? null : patronymic.Trim();
        LatinName = Transliteration.ToLatin(Patronymic is null ? FullName : FullName + " " + Patronymic);
        UpdatedAt = now;
        RefreshSearchKey();
    }

    public void SetBirth(DateOnly? exactDate, int? approximateYear)
    {
        BirthDate = exactDate;
        BirthYear = exactDate?.Year ?? approximateYear;
    }

    public ClientAlias AddAlias(string name, string? note)
    {
        var alias = new ClientAlias(Id, name.Trim(), note);
        _aliases.Add(alias);
        RefreshSearchKey();
        return alias;
    }

    public void RemoveAlias(ClientAlias alias)
    {
        _aliases.Remove(alias);
        RefreshSearchKey();
    }

    public ClientContact AddContact(ContactChannel channel, string value, bool safeToContact, string? note)
    {
        var contact = new ClientContact(Id, channel, value.Trim(), safeToContact, note);
        _contacts.Add(contact);
        return contact;
    }

    public void RemoveContact(ClientContact contact) => _contacts.Remove(contact);

    public MigrationDocument AddDocument(MigrationDocumentType type, string? number, string? issuingCountry, DateOnly? issuedOn, DateOnly? expiresOn)
    {
        if (issuedOn is not null && expiresOn is not null && expiresOn < issuedOn)
        {
            throw new ArgumentException("A document cannot expire before it was issued.", nameof(expiresOn));
        }

        var document = new MigrationDocument(Id, type, number?.Trim(), issuingCountry, issuedOn, expiresOn);
        _documents.Add(document);
        return document;
    }

    public void RemoveDocument(MigrationDocument document) => _documents.Remove(document);

    public StayPeriod AddStay(string country, DateOnly entry, DateOnly? exit)
    {
        if (exit is not null && exit < entry)
        {
            throw new ArgumentException("The exit date cannot be before the entry date.", nameof(exit));
        }

        var stay = new StayPeriod(Id, country, entry, exit);
        _stays.Add(stay);
        return stay;
    }

    public void RemoveStay(StayPeriod stay) => _stays.Remove(stay);

    public ConsentRecord RecordConsent(ConsentStatus status, DateOnly date, string? scope, Guid recordedBy, DateTimeOffset now)
    {
        if (status == ConsentStatus.NotRecorded)
        {
            throw new ArgumentException("Record consent as given, refused or withdrawn.", nameof(status));
        }

        var record = new ConsentRecord(Id, status, date, scope?.Trim(), recordedBy, now);
        _consents.Add(record);
        ConsentStatus = status;
        UpdatedAt = now;
        return record;
    }

    /// <summary>Consent withdrawn: the record is restricted to its assigned people and coordinators.</summary>
    public bool IsRestricted => IsRestrictedStatus(ConsentStatus);

    /// <summary>Withdrawn or refused consent restricts the record to the assigned people of its cases and coordinators.</summary>
    public static bool IsRestrictedStatus(ConsentStatus status) => status is ConsentStatus.Withdrawn or ConsentStatus.Refused;

    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    /// <summary>Records a request to be forgotten; carried out at once or when the client's open cases close.</summary>
    public void RecordErasureRequest(DateOnly requestedOn, Guid recordedBy, DateTimeOffset now)
    {
        if (IsAnonymised)
        {
            throw new DomainException("This client has already been anonymised.");
        }

        ErasureRequestedOn = requestedOn;
        ErasureRecordedBy = recordedBy;
        ErasureRecordedAt = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// Records the separation details; they belong to a separated child only, so clearing the flag clears them.
    /// </summary>
    public void SetSeparation(DateOnly? separatedOn, string? separatedFrom)
    {
        var separated = Vulnerabilities.HasFlag(Vulnerability.SeparatedChild);
        SeparatedOn = separated ? separatedOn : null;
        SeparatedFrom = separated && !string.IsNullOrWhiteSpace(separatedFrom) ? separatedFrom.Trim() : null;
    }

    /// <summary>
    /// What an intake's triage said, recorded when its case opens: flags are added, never removed (the
    /// triage's "no" means "not asked", not "has documents"). True when anything changed.
    /// </summary>
    public bool RecordTriage(bool noDocuments, bool separatedChild, DateOnly on, DateTimeOffset now)
    {
        var before = Vulnerabilities;
        if (noDocuments)
        {
            Vulnerabilities |= Vulnerability.Undocumented;
        }

        // "A child is separated from the family" may be said of the client's child: only a client known
        // to be a child on that day (by the birth, or by the Child flag when the birth is unknown) is marked.
        if (separatedChild && (WasChildOn(BirthDate, BirthYear, on) ?? Vulnerabilities.HasFlag(Vulnerability.Child)))
        {
            Vulnerabilities |= Vulnerability.SeparatedChild;
        }

        if (Vulnerabilities == before)
        {
            return false;
        }

        UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// Whether the client was under 18 on <paramref name="date"/>: true or false when the birth date (or,
    /// clear of the boundary, the year) says so, null when it cannot be known.
    /// </summary>
    public static bool? WasChildOn(DateOnly? birthDate, int? birthYear, DateOnly date)
    {
        if (birthDate is { } born)
        {
            return born.AddYears(18) > date;
        }

        if (birthYear is { } year)
        {
            var age = date.Year - year;
            return age <= 17 ? true : age >= 19 ? false : null;
        }

        return null;
    }

    private void RefreshSearchKey()
    {
        var parts = new List<string> { Transliteration.MatchKey(FullName) };
        if (Patronymic is not null)
        {
            parts.Add(Transliteration.MatchKey(Patronymic));
        }

        parts.AddRange(_aliases.Select(a => Transliteration.MatchKey(a.Name)));
        SearchKey = string.Join(' ', parts.Where(p => p.Length > 0).Distinct());
    }
}
