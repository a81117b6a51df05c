namespace MigrantAid.Web.Domain.Clients;

public class ClientAlias
{
    private ClientAlias()
    {
    }

    internal ClientAlias(Guid clientId, string name, string? note)
    {
        Id = Guid.NewGuid();
        ClientId = clientId;
        Name = name;
        Note = note;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Where the spelling comes from, e.g. "passport", "patent".</summary>
    public string? Note { get; private set; }
}

public class ClientContact
{
    private ClientContact()
    {
    }

    internal ClientContact(Guid clientId, ContactChannel channel, string value, bool safeToContact, string? note)
    {
        Id = Guid.NewGuid();
        ClientId = clientId;
        Channel = channel;
        Value = value;
        SafeToContact = safeToContact;
        Note = note;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public ContactChannel Channel { get; private set; }

    public string Value { get; private set; } = "";

    /// <summary>False when contacting the person this way could put them at risk (e.g. the employer reads the phone).</summary>
    public bool SafeToContact { get; private set; }

    public string? Note { get; private set; }
}

public class MigrationDocument
{
    private MigrationDocument()
    {
    }

    internal MigrationDocument(Guid clientId, MigrationDocumentType type, string? number, string? issuingCountry, DateOnly? issuedOn, DateOnly? expiresOn)
    {
        Id = Guid.NewGuid();
        ClientId = clientId;
        Type = type;
        Number = number;
        IssuingCountry = issuingCountry;
        IssuedOn = issuedOn;
        ExpiresOn = expiresOn;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public MigrationDocumentType Type { get; private set; }

    public string? Number { get; private set; }

    public string? IssuingCountry { get; private set; }

    public DateOnly? IssuedOn { get; private set; }

    public DateOnly? ExpiresOn { get; private set; }

    /// <summary>Expired, expiring within <paramref name="warningDays"/>, or fine.</summary>
    public DocumentValidity ValidityOn(DateOnly today, int warningDays = 30) =>
        ExpiresOn is not { } expires ? DocumentValidity.Valid
        : expires < today ? DocumentValidity.Expired
        : expires <= today.AddDays(warningDays) ? DocumentValidity.ExpiresSoon
        : DocumentValidity.Valid;
}

public enum DocumentValidity
{
    Valid,
    ExpiresSoon,
    Expired,
}

public class StayPeriod
{
    private StayPeriod()
    {
    }

    internal StayPeriod(Guid clientId, string country, DateOnly entry, DateOnly? exit)
    {
        Id = Guid.NewGuid();
        ClientId = clientId;
        Country = country;
        EntryDate = entry;
        ExitDate = exit;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public string Country { get; private set; } = "RU";

    public DateOnly EntryDate { get; private set; }

    /// <summary>Null while the person is still in the country.</summary>
    public DateOnly? ExitDate { get; private set; }
}

public class ConsentRecord
{
    private ConsentRecord()
    {
    }

    internal ConsentRecord(Guid clientId, ConsentStatus status, DateOnly date, string? scope, Guid recordedBy, DateTimeOffset recordedAt)
    {
        Id = Guid.NewGuid();
        ClientId = clientId;
        Status = status;
        Date = date;
        Scope = scope;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public ConsentStatus Status { get; private set; }

    public DateOnly Date { get; private set; }

    public string? Scope { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>One direction of a family link; links are stored in both directions.</summary>
public class FamilyLink
{
    private FamilyLink()
    {
    }

    public FamilyLink(Guid clientId, Guid relatedClientId, FamilyRelation relation)
    {
        if (clientId == relatedClientId)
        {
            throw new ArgumentException("A person cannot be linked to themself.", nameof(relatedClientId));
        }

        ClientId = clientId;
        RelatedClientId = relatedClientId;
        Relation = relation;
    }

    public Guid ClientId { get; private set; }

    public Guid RelatedClientId { get; private set; }

    /// <summary>What the related client is to this client (e.g. Child: the related client is this client's child).</summary>
    public FamilyRelation Relation { get; private set; }
}
