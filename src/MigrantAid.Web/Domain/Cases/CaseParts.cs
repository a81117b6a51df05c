namespace MigrantAid.Web.Domain.Cases;

public class CaseClient
{
    private CaseClient()
    {
    }

    internal CaseClient(Guid caseId, Guid clientId, CaseClientRole role)
    {
        CaseId = caseId;
        ClientId = clientId;
        Role = role;
    }

    public Guid CaseId { get; private set; }

    public Guid ClientId { get; private set; }

    public CaseClientRole Role { get; private set; }
}

public class CaseLawyer
{
    private CaseLawyer()
    {
    }

    internal CaseLawyer(Guid caseId, Guid userId)
    {
        CaseId = caseId;
        UserId = userId;
    }

    public Guid CaseId { get; private set; }

    public Guid UserId { get; private set; }
}

/// <summary>One line of a case's timeline and history: notes, status changes, assignments, documents, edits.</summary>
public class CaseEvent
{
    public const int TextMaxLength = 20_000;

    private CaseEvent()
    {
    }

    public long Id { get; private set; }

    public Guid CaseId { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public Guid ActorId { get; private set; }

    public CaseEventKind Kind { get; private set; }

    public NoteKind? NoteKind { get; private set; }

    public string? Text { get; private set; }

    /// <summary>JSON: what changed (old and new values), the reference, the document...</summary>
    public string? Details { get; private set; }

    internal static CaseEvent Create(Guid caseId, CaseEventKind kind, Guid actorId, DateTimeOffset now, string? text, object? details, NoteKind? noteKind = null) => new()
    {
        CaseId = caseId,
        Kind = kind,
        ActorId = actorId,
        OccurredAt = now,
        Text = text,
        NoteKind = noteKind,
        Details = details is null ? null : System.Text.Json.JsonSerializer.Serialize(details),
    };
}

/// <summary>A file on a case. The bytes live in <see cref="CaseDocumentContent"/>, loaded only for download.</summary>
public class CaseDocument
{
    public const long MaxBytes = 20 * 1024 * 1024;

    private CaseDocument()
    {
    }

    public CaseDocument(Guid caseId, string fileName, string contentType, long size, string sha256, Guid uploadedBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        CaseId = caseId;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        UploadedBy = uploadedBy;
        UploadedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    public string Sha256 { get; private set; } = "";

    public Guid UploadedBy { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }
}

public class CaseDocumentContent
{
    private CaseDocumentContent()
    {
    }

    public CaseDocumentContent(Guid documentId, byte[] content)
    {
        DocumentId = documentId;
        Content = content;
    }

    public Guid DocumentId { get; private set; }

    public byte[] Content { get; private set; } = [];
}

/// <summary>The last case number given per office and year; taken with a row lock.</summary>
public class CaseNumberCounter
{
    public Guid OfficeId { get; set; }

    public int Year { get; set; }

    public int LastNumber { get; set; }
}

/// <summary>Case categories (many per case), for filters and statistics.</summary>
public class CaseCategory
{
    public Guid CaseId { get; set; }

    public int CategoryId { get; set; }
}

/// <summary>A person named on a sealed case: only they may open it (issue 15). Rows exist only while the case is sealed.</summary>
public class CaseSealedPerson
{
    private CaseSealedPerson()
    {
    }

    internal CaseSealedPerson(Guid caseId, Guid userId, Guid namedBy, DateTimeOffset namedAt)
    {
        CaseId = caseId;
        UserId = userId;
        NamedBy = namedBy;
        NamedAt = namedAt;
    }

    public Guid CaseId { get; private set; }

    public Guid UserId { get; private set; }

    public Guid NamedBy { get; private set; }

    public DateTimeOffset NamedAt { get; private set; }
}

/// <summary>
/// Why a named person opened a sealed case, held for one sign-in session and one case until <see cref="ExpiresAt"/>
/// (issue 15): the views audited meanwhile carry it. Kept on the server, never in a cookie.
/// </summary>
public class SealedViewReason
{
    public const int ReasonMaxLength = 500;

    /// <summary>How long a reason holds in one session for one case.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public Guid SessionId { get; set; }

    public Guid CaseId { get; set; }

    public Guid UserId { get; set; }

    public string Reason { get; set; } = "";

    public DateTimeOffset GivenAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
