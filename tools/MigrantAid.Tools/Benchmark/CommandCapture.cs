using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace MigrantAid.Tools.Benchmark;

public sealed record CapturedCommand(string Text, IReadOnlyList<NpgsqlParameter> Parameters);

/// <summary>
/// Records the SELECT commands EF sends while capturing is on, so the benchmark can EXPLAIN exactly what
/// the handlers ran. Added to the tools' <c>AppDbContext</c> (see <see cref="ToolHost"/>); idle otherwise.
/// </summary>
public sealed class CommandCapture : DbCommandInterceptor
{
    private List<CapturedCommand>? _captured;

    public void Start() => _captured = [];

    public List<CapturedCommand> Stop()
    {
        var captured = _captured ?? [];
        _captured = null;
        return captured;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (_captured is not null && command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            _captured.Add(new CapturedCommand(command.CommandText, command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToList()));
        }

        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
