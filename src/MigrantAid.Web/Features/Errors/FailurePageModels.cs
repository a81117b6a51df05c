namespace MigrantAid.Web.Features.Errors;

/// <summary>The "use the secure address" page: <paramref name="SecureUrl"/> is the https:// address of a GET, when known.</summary>
public sealed record HttpsRequiredModel(int StatusCode, string CorrelationId, string? SecureUrl);
