using System.Net.Sockets;
using Npgsql;

namespace MigrantAid.Web.Infrastructure.Failure;

/// <summary>
/// Tells an exception that means "PostgreSQL cannot be reached right now" (answered 503, try again) from one
/// that is a fault of the portal (answered 500). Looks through wrappers (EF Core's DbUpdateException, an
/// InvalidOperationException around a failed open, AggregateException) to the database driver's error.
/// </summary>
public static class DatabaseOutage
{
    // 08: connection exception; 57P01-57P03: server shutting down, crashed, not yet accepting connections;
    // 53300: too many connections; 3D000 is not here (a missing database is a configuration fault, not an outage).
    private static readonly HashSet<string> OutageStates = ["57P01", "57P02", "57P03", "53300"];

    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException p:
                    return p.SqlState.StartsWith("08", StringComparison.Ordinal) || OutageStates.Contains(p.SqlState);
                case NpgsqlException n when n.IsTransient || n.InnerException is SocketException or TimeoutException or IOException:
                    return true;
                case AggregateException a when a.InnerExceptions.Any(IsOutage):
                    return true;
            }
        }

        return false;
    }
}
