namespace MigrantAid.Web.Data.Encryption;

/// <summary>What each data key protects: one key per purpose, so a key serves one kind of content only.</summary>
public static class FieldPurposes
{
    /// <summary>Intakes: the client's account of what happened and their wishes.</summary>
    public const string IntakeNarrative = "intake-narrative";

    /// <summary>Case timelines: the texts of notes and events.</summary>
    public const string CaseNotes = "case-notes";

    /// <summary>Clients' contact values (phones, addresses, messengers) and their notes.</summary>
    public const string ClientContacts = "client-contacts";

    /// <summary>The bytes of uploaded documents.</summary>
    public const string Documents = "documents";

    public static readonly IReadOnlyList<string> All = [IntakeNarrative, CaseNotes, ClientContacts, Documents];
}
