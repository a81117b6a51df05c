using MigrantAid.Web.Data.Encryption;
using Npgsql;

namespace MigrantAid.Tools.Generator;

/// <summary>
/// Writes a batch through PostgreSQL's bulk path: one binary COPY per table (<see cref="BulkCopy"/>), parents before
/// children so the foreign keys hold (people, intakes, cases, then their dates), the whole batch in one transaction.
/// </summary>
internal static class SyntheticCopier
{
    /// <summary>Rows written and time taken per table.</summary>
    public static async Task<Dictionary<string, (long Rows, TimeSpan Time)>> CopyAsync(NpgsqlConnection connection, SyntheticBatch batch, FieldCipher cipher, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, (long Rows, TimeSpan Time)>();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await PeopleCopier.CopyAsync(connection, batch, cipher, counts, cancellationToken);
        await IntakeCopier.CopyAsync(connection, batch, cipher, counts, cancellationToken);
        await CaseCopier.CopyAsync(connection, batch, cipher, counts, cancellationToken);
        await DateCopier.CopyAsync(connection, batch, counts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }
}
