using System.Globalization;
using Npgsql;

namespace MigrantAid.Tools.Generator;

/// <summary>The match-key word dictionary (migration 0026), which <c>generate</c> loads with its triggers off.</summary>
public static class NameWordDictionary
{
    /// <summary>Recomputes the dictionary and the word tables after a load made with their triggers off.</summary>
    public static async Task RebuildAsync(NpgsqlConnection connection, TextWriter output, CancellationToken cancellationToken = default)
    {
        var started = DateTime.UtcNow;
        await using (var command = new NpgsqlCommand("SET migrantaid.name_words = ''; SELECT name_words_rebuild()", connection) { CommandTimeout = 0 })
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"generate: name word dictionary rebuilt in {(DateTime.UtcNow - started).TotalSeconds:F0} s"));
    }
}
