using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using Npgsql;
using NpgsqlTypes;

namespace MigrantAid.Tools.Generator;

/// <summary>The case numbers per office and year: counted on from those already stored, and stored back at the end.</summary>
internal sealed class SyntheticCaseNumbers
{
    private readonly Dictionary<(Guid Office, int Year), int> _counters = [];
    private readonly HashSet<(Guid Office, int Year)> _countersUsed = [];

    public async Task LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        foreach (var counter in await db.CaseNumberCounters.AsNoTracking().ToListAsync(cancellationToken))
        {
            _counters[(counter.OfficeId, counter.Year)] = counter.LastNumber;
        }
    }

    public int Next(Guid office, int year)
    {
        var key = (office, year);
        var next = _counters.GetValueOrDefault(key) + 1;
        _counters[key] = next;
        _countersUsed.Add(key);
        return next;
    }

    public async Task SaveAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var key in _countersUsed)
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO case_number_counters (office_id, year, last_number) VALUES ($1, $2, $3) " +
                "ON CONFLICT (office_id, year) DO UPDATE SET last_number = GREATEST(case_number_counters.last_number, EXCLUDED.last_number)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = key.Office, NpgsqlDbType = NpgsqlDbType.Uuid });
            command.Parameters.Add(new NpgsqlParameter { Value = key.Year, NpgsqlDbType = NpgsqlDbType.Integer });
            command.Parameters.Add(new NpgsqlParameter { Value = _counters[key], NpgsqlDbType = NpgsqlDbType.Integer });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
