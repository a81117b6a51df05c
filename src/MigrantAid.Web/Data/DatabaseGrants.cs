using Npgsql;

namespace MigrantAid.Web.Data;

/// <summary>
/// The rights of the application role, granted by the owner after every migration run so that tables,
/// sequences and functions added since are covered (docs/adr/0010-database-roles.md). What the role held
/// before is revoked first, so the result is exactly this list whatever an older installation granted:
/// <list type="bullet">
/// <item>SELECT, INSERT, UPDATE, DELETE on every table of the schema (never TRUNCATE, REFERENCES or TRIGGER);</item>
/// <item>audit_events: INSERT and SELECT only (append-only, as the triggers of migration 0002 say as well);</item>
/// <item>schema_migrations: SELECT only (the readiness check);</item>
/// <item>USAGE and SELECT on every sequence (identity columns), EXECUTE on the schema's own functions;</item>
/// <item>USAGE on the schema, and no CREATE on it.</item>
/// </list>
/// Disabling a trigger or setting session_replication_role needs ownership or superuser, which the
/// application role never has.
/// </summary>
public static class DatabaseGrants
{
    public const string Schema = "public";

    public static string Sql(string role)
    {
        var r = QuoteIdentifier(role);
        return $"""
            REVOKE ALL ON ALL TABLES IN SCHEMA {Schema} FROM {r};
            REVOKE ALL ON ALL SEQUENCES IN SCHEMA {Schema} FROM {r};
            REVOKE CREATE ON SCHEMA {Schema} FROM {r};
            GRANT USAGE ON SCHEMA {Schema} TO {r};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {Schema} TO {r};
            REVOKE UPDATE, DELETE ON audit_events FROM {r};
            REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM {r};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {Schema} TO {r};
            DO $grants$
            DECLARE f regprocedure;
            BEGIN
                FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
                         WHERE p.pronamespace = '{Schema}'::regnamespace AND p.proowner = current_user::regrole
                LOOP
                    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f, {Literal(role)});
                END LOOP;
            END
            $grants$;
            """;
    }

    /// <summary>Applies <see cref="Sql"/> in the caller's transaction.</summary>
    public static async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string role, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql(role), connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
