using System.Globalization;
using MigrantAid.Web.Domain.Cases;

namespace MigrantAid.Tools.Generator;

/// <summary>The documents of a case: metadata only (name, type, size, hash; no file bytes), each with its timeline event.</summary>
internal sealed class SyntheticDocuments(SyntheticWorld world)
{
    /// <summary>Document metadata (no file bytes), each with its timeline event.</summary>
    /// <param name="t">When the work on the case began; documents come over the <paramref name="span"/> minutes after it.</param>
    public void Add(SyntheticBatch b, Guid caseId, Guid worker, DateTimeOffset t, double span, List<CaseEventRow> events)
    {
        var documents = world.Rng.PickWeighted([30, 30, 20, 12, 8]);
        for (var d = 0; d < documents; d++)
        {
            var (extension, contentType) = SyntheticNames.FileTypes[world.Rng.Next(SyntheticNames.FileTypes.Length)];
            var fileName = SyntheticNames.FileNames[world.Rng.Next(SyntheticNames.FileNames.Length)] + "_" + (d + 1).ToString(CultureInfo.InvariantCulture) + extension;
            var documentId = world.NewId();
            var uploadedAt = t.AddMinutes(world.Rng.NextDouble() * span);
            var size = (long)Math.Exp(world.Rng.NextDouble() * (Math.Log(8_000_000) - Math.Log(30_000)) + Math.Log(30_000));
            b.CaseDocuments.Add(new(documentId, caseId, fileName, contentType, size, Sha256Hex(), worker, uploadedAt));
            events.Add(new(caseId, uploadedAt, worker, CaseEventKind.DocumentAdded, null, null, $$"""{"documentId":"{{documentId}}","fileName":"{{fileName}}"}"""));
        }
    }

    private string Sha256Hex()
    {
        Span<byte> bytes = stackalloc byte[32];
        world.Rng.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
