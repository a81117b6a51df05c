using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security.Audit;
using Npgsql;

namespace MigrantAid.Tests.Security;

/// <summary>The audit trail is append-only in the database itself, not only by the portal's good manners.</summary>
public class AuditTrailTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("UPDATE audit_events SET action = 'tampered' WHERE entity_id = 'audit-trail-test'")]
    [InlineData("DELETE FROM audit_events WHERE entity_id = 'audit-trail-test'")]
    [InlineData("DELETE FROM audit_events")]
    [InlineData("TRUNCATE audit_events")]
    public async Task Changing_or_removing_audit_rows_is_rejected_by_the_database(string sql)
    {
        await RecordAsync();
        var before = await CountAsync();

        var change = () => ExecuteAsync(sql);

        (await change.Should().ThrowAsync<PostgresException>())
            .Which.Should().Match<PostgresException>(e => e.SqlState == PostgresErrorCodes.InsufficientPrivilege && e.MessageText.Contains("append-only"));
        (await CountAsync()).Should().Be(before);
        (await ScalarAsync("SELECT count(*) FROM audit_events WHERE action = 'tampered'")).Should().Be(0);
    }

    [Fact]
    public async Task Sign_out_is_audited()
    {
        var user = await portal.CreateUserAsync("audit-signout@test.local", Roles.Caseworker);
        var client = await portal.SignedInClientAsync("audit-signout@test.local");

        var response = await client.SubmitFormAsync("/", [], "/account/logout");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.Redirect, "the user is signed out");
        var signOuts = await portal.AuditAsync(AuditActions.SignedOut);
        signOuts.Should().ContainSingle(a => a.ActorId == user.Id)
            .Which.Should().Match<AuditEvent>(a => a.EntityType == "user" && a.EntityId == user.Id.ToString() && a.CorrelationId != null);
    }

    private async Task RecordAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IAuditLog>().RecordAsync(AuditActions.UserUpdated, "user", "audit-trail-test");
    }

    private Task<long> CountAsync() => ScalarAsync("SELECT count(*) FROM audit_events");

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    // As the owner role: the triggers stop even the role that owns the table (the application role is refused
    // earlier, by its missing rights; see DatabaseRoleTests).
    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(portal.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
