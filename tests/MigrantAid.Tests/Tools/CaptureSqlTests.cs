using MigrantAid.Tools.Capture;

namespace MigrantAid.Tests.Tools;

/// <summary>capture-sql's reading of a PostgreSQL server log (plain format) and the pgbench script it writes.</summary>
public class CaptureSqlTests
{
    // As PostgreSQL 15 writes it with log_statement = all and log_line_prefix = '%m [%p] %a ': Npgsql's reset and
    // transaction by the simple protocol, its queries by the extended one (unnamed and prepared), a multi-line statement
    // continued with tabs, and parameters with quotes, NULL, a uuid, a timestamp and a value spanning two lines.
    private const string Log = """
        2026-12-06 21:00:00.001 UTC [4242] portal LOG:  statement: DISCARD ALL
        2026-12-06 21:00:00.002 UTC [4242] portal LOG:  execute <unnamed>: SELECT c.id, c.reference
        	FROM cases AS c
        	WHERE c.office_id = $1 AND c.opened_on >= $2
        	LIMIT $3
        2026-12-06 21:00:00.002 UTC [4242] portal DETAIL:  parameters: $1 = '0b5cf3f2-6f0e-4c1a-9a77-0c6d2f0e8a11', $2 = '2026-01-01', $3 = '26'
        2026-12-06 21:00:00.003 UTC [4242] portal LOG:  execute S_2: SELECT u.full_name FROM users AS u WHERE u.full_name = $1 OR $2 IS NULL OR u.created_at < $3
        2026-12-06 21:00:00.003 UTC [4242] portal DETAIL:  parameters: $1 = 'O''Brien, Ivan', $2 = NULL, $3 = '2026-12-06 21:00:00.123+00'
        2026-12-06 21:00:00.004 UTC [4242] portal LOG:  duration: 0.051 ms  parse <unnamed>: SELECT 1
        2026-12-06 21:00:00.004 UTC [4242] portal LOG:  statement: BEGIN
        2026-12-06 21:00:00.005 UTC [4242] portal LOG:  execute <unnamed>: INSERT INTO audit_events (action, detail) VALUES ($1, $2)
        2026-12-06 21:00:00.005 UTC [4242] portal DETAIL:  parameters: $1 = 'case.view', $2 = 'first line
        	second line'
        2026-12-06 21:00:00.006 UTC [4242] portal LOG:  statement: COMMIT
        2026-12-06 21:00:00.007 UTC [4243] portal LOG:  connection authorized: user=app database=bench
        """;

    [Fact]
    public void Every_executed_statement_is_read_with_its_parameters_and_parse_steps_are_not()
    {
        var statements = ServerLogStatements.Parse(Log);

        statements.Select(s => s.Sql.Split('\n')[0]).Should().Equal(
            "DISCARD ALL",
            "SELECT c.id, c.reference",
            "SELECT u.full_name FROM users AS u WHERE u.full_name = $1 OR $2 IS NULL OR u.created_at < $3",
            "BEGIN",
            "INSERT INTO audit_events (action, detail) VALUES ($1, $2)",
            "COMMIT");
        statements[1].Sql.Should().Be("SELECT c.id, c.reference\nFROM cases AS c\nWHERE c.office_id = $1 AND c.opened_on >= $2\nLIMIT $3");
        statements[1].Parameters.Should().Equal("'0b5cf3f2-6f0e-4c1a-9a77-0c6d2f0e8a11'", "'2026-01-01'", "'26'");
        statements[2].Parameters.Should().Equal("'O''Brien, Ivan'", "NULL", "'2026-12-06 21:00:00.123+00'");
        statements[4].Parameters.Should().Equal("'case.view'", "'first line\nsecond line'");
        statements[0].Parameters.Should().BeEmpty();
    }

    [Fact]
    public void The_script_has_one_line_per_statement_with_parameters_written_as_typed_literals()
    {
        var script = PgbenchScript.Write(ServerLogStatements.Parse(Log));

        script.Should().Be("""
            DISCARD ALL;
            SELECT c.id, c.reference
            FROM cases AS c
            WHERE c.office_id = '0b5cf3f2-6f0e-4c1a-9a77-0c6d2f0e8a11'::uuid AND c.opened_on >= '2026-01-01'::date
            LIMIT '26';
            SELECT u.full_name FROM users AS u WHERE u.full_name = 'O''Brien, Ivan' OR NULL IS NULL OR u.created_at < '2026-12-06 21:00:00.123+00'::timestamptz;
            BEGIN;
            INSERT INTO audit_events (action, detail) VALUES ('case.view', 'first line
            second line');
            COMMIT;

            """);
    }

    [Fact]
    public void Placeholders_inside_quoted_text_stay_and_ten_is_not_one()
    {
        var parameters = Enumerable.Range(1, 10).Select(n => $"'{n}'").ToList();

        PgbenchScript.Substitute("SELECT '$1', \"$2\", $1, $10", parameters).Should().Be("SELECT '$1', \"$2\", '1', '10'");
    }

    [Theory]
    [InlineData("'{17,4,9}'", "'{17,4,9}'::integer[]")]
    [InlineData("'{0.5,1,2.25e-3}'", "'{0.5,1,2.25e-3}'::double precision[]")]
    [InlineData("'{0b5cf3f2-6f0e-4c1a-9a77-0c6d2f0e8a11,1b5cf3f2-6f0e-4c1a-9a77-0c6d2f0e8a12}'", "'{0b5cf3f2-6f0e-4c1a-9a77-0c6d2f0e8a11,1b5cf3f2-6f0e-4c1a-9a77-0c6d2f0e8a12}'::uuid[]")]
    [InlineData("'{rahimov,faruh}'", "'{rahimov,faruh}'")]
    [InlineData("'{}'", "'{}'")]
    [InlineData("'{\"before\": null, \"reference\": \"BIS-2026-0016\"}'", "'{\"before\": null, \"reference\": \"BIS-2026-0016\"}'")]
    public void An_array_of_numbers_or_uuids_is_cast_so_unnest_is_not_ambiguous_and_other_braces_stay_untyped(string logged, string literal)
    {
        PgbenchScript.Literal(logged).Should().Be(literal);
    }

    [Theory]
    [InlineData("'00:00:00'", "'00:00:00'::time")]
    [InlineData("'13:45:07.25'", "'13:45:07.25'::time")]
    [InlineData("'2026-12-07'", "'2026-12-07'::date")]
    public void A_time_of_day_is_cast_so_date_plus_time_is_not_ambiguous(string logged, string literal)
    {
        PgbenchScript.Literal(logged).Should().Be(literal);
    }

    [Fact]
    public void A_malformed_parameter_list_is_an_error_not_a_wrong_script()
    {
        var read = () => ServerLogStatements.ParseParameters("$1 = 'unterminated");

        read.Should().Throw<FormatException>();
    }
}
