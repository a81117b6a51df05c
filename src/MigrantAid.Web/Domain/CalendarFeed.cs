using System.Security.Cryptography;
using System.Text;

namespace MigrantAid.Web.Domain;

/// <summary>
/// A user's secret calendar address (an iCalendar feed for Outlook, Google Calendar or a phone).
/// Only the SHA-256 of the token is stored: the address is shown once, when it is made, and cannot
/// be read back. Revoking keeps the row (for the audit trail's sake) and ends the address at once.
/// </summary>
public class CalendarFeed
{
    public const int TokenBytes = 32;
    public const int HashBytes = 32;

    private CalendarFeed()
    {
    }

    private CalendarFeed(Guid userId, byte[] tokenHash, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        TokenHash = tokenHash;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public byte[] TokenHash { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>A new feed and its token (32 random bytes, URL-safe Base64): the only moment the token exists in clear.</summary>
    public static (CalendarFeed Feed, string Token) Create(Guid userId, DateTimeOffset now)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(TokenBytes));
        return (new CalendarFeed(userId, Hash(token), now), token);
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>The stored form of a token; null for text that cannot be a token (so it is never looked up).</summary>
    public static byte[]? HashOf(string? token) => IsWellFormed(token) ? Hash(token!) : null;

    private static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
