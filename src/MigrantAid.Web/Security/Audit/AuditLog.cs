using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Security.Audit;

/// <summary>Writes audit events. Each call is one INSERT; the table accepts nothing else.</summary>
public interface IAuditLog
{
    Task RecordAsync(string action, string? entityType = null, string? entityId = null, object? details = null,
        Guid? actorId = null, string? actorEmail = null, CancellationToken cancellationToken = default);
}

public sealed class AuditLog(AppDbContext db, IHttpContextAccessor httpContextAccessor, TimeProvider clock) : IAuditLog
{
    public async Task RecordAsync(string action, string? entityType = null, string? entityId = null, object? details = null,
        Guid? actorId = null, string? actorEmail = null, CancellationToken cancellationToken = default)
    {
        var http = httpContextAccessor.HttpContext;
        var user = http?.User;
        if (actorId is null && user?.Identity?.IsAuthenticated == true
            && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            actorId = id;
        }

        actorEmail ??= user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name : null;

        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow(),
            ActorId = actorId,
            ActorEmail = Truncate(actorEmail, 256),
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            IpAddress = http?.Connection.RemoteIpAddress?.ToString(),
            CorrelationId = http?.TraceIdentifier is { } trace ? Truncate(trace, 64) : null,
            Details = Serialize(details, SealedReasonFilter.ReasonOf(http)),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The details as JSON; within a view of a sealed case, with the reason the viewer gave (issue 15).</summary>
    private static string? Serialize(object? details, string? sealedReason)
    {
        if (sealedReason is null)
        {
            return details is null ? null : JsonSerializer.Serialize(details);
        }

        var node = details is null ? new JsonObject() : JsonSerializer.SerializeToNode(details);
        var withReason = node as JsonObject ?? new JsonObject { ["details"] = node };
        withReason[SealedReasonFilter.Detail] = sealedReason;
        return withReason.ToJsonString();
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
