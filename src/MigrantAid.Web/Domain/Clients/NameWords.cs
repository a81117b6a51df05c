namespace MigrantAid.Web.Domain.Clients;

// The dictionary of match-key words (migration 0026, ADR 0018). PostgreSQL triggers keep these tables
// from clients.search_key and respondents.search_key; the application only reads them.

/// <summary>One distinct word of the match keys ("rahimov"), trigram-indexed: the small set a typed word is compared with.</summary>
public sealed class NameWord
{
    public int Id { get; private set; }

    public string Word { get; private set; } = "";
}

/// <summary>A client whose match key holds the word.</summary>
public sealed class ClientNameWord
{
    public int WordId { get; private set; }

    public Guid ClientId { get; private set; }
}

/// <summary>A respondent whose match key holds the word.</summary>
public sealed class RespondentNameWord
{
    public int WordId { get; private set; }

    public Guid RespondentId { get; private set; }
}
