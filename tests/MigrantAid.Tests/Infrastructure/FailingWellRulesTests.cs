using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Infrastructure.Failure;
using MigrantAid.Web.Infrastructure.Input;
using Npgsql;

namespace MigrantAid.Tests.Infrastructure;

public class FailingWellRulesTests
{
    [Theory]
    [InlineData('\0')]
    [InlineData('\u0001')]
    [InlineData('\u0008')]
    [InlineData('\u000B')]
    [InlineData('\u000C')]
    [InlineData('\u001F')]
    [InlineData('\u007F')]
    [InlineData('\u0085')]
    [InlineData('\u009F')]
    public void Control_characters_are_refused(char c) => ControlCharacters.IsRefused(c).Should().BeTrue();

    [Theory]
    [InlineData('\t')]
    [InlineData('\r')]
    [InlineData('\n')]
    [InlineData(' ')]
    [InlineData('я')]
    [InlineData('\u00A0')]
    [InlineData('\u200B')]
    public void Tab_line_breaks_and_printable_text_are_kept(char c) => ControlCharacters.IsRefused(c).Should().BeFalse();

    [Fact]
    public void Removing_keeps_everything_else_as_typed()
    {
        ControlCharacters.Contains("Рахимов\tАзиз\r\n").Should().BeFalse();
        ControlCharacters.Contains("Рахи\0мов").Should().BeTrue();
        ControlCharacters.Remove("\0Ра\u0001хи\u007Fмов\tАзиз\u0085").Should().Be("Рахимов\tАзиз");
    }

    [Theory]
    [InlineData("57P01")]
    [InlineData("57P03")]
    [InlineData("08006")]
    [InlineData("53300")]
    public void Server_shutdown_and_connection_states_are_an_outage(string sqlState) =>
        DatabaseOutage.IsOutage(new PostgresException("x", "FATAL", "FATAL", sqlState)).Should().BeTrue();

    [Fact]
    public void Connection_failures_are_an_outage_also_when_wrapped()
    {
        var refused = new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));

        DatabaseOutage.IsOutage(refused).Should().BeTrue();
        DatabaseOutage.IsOutage(new DbUpdateException("save failed", refused)).Should().BeTrue();
        DatabaseOutage.IsOutage(new InvalidOperationException("outer", new NpgsqlException("timeout", new TimeoutException()))).Should().BeTrue();
    }

    [Fact]
    public void Faults_of_the_portal_are_not_an_outage()
    {
        DatabaseOutage.IsOutage(new PostgresException("x", "ERROR", "ERROR", "23505")).Should().BeFalse("a unique violation is the portal's to explain");
        DatabaseOutage.IsOutage(new PostgresException("x", "ERROR", "ERROR", "22021")).Should().BeFalse("a NUL in text is refused before it gets here");
        DatabaseOutage.IsOutage(new InvalidOperationException("bug")).Should().BeFalse();
    }
}
