using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.International;

namespace MigrantAid.Web.Features.International.TreatyAcceptance;

/// <summary>What the reference data says about a state and a body's individual-communication procedure.</summary>
public sealed record AcceptanceNote(string State, InternationalBody Body, bool Known, bool IsAccepted, int? SinceYear, bool NeedsVerification)
{
    /// <summary>Not accepted, or not known: a communication may not be admissible, so the form warns.</summary>
    public bool Warns => !Known || !IsAccepted;
}

public static class ProcedureAcceptance
{
    /// <summary>Bodies that take individual complaints only from states that accepted the procedure (not special procedures, not the UPR).</summary>
    public static bool Applies(InternationalBody body) => body is not (InternationalBody.SpecialProcedures or InternationalBody.UPR);

    public static async Task<AcceptanceNote?> IndividualCommunicationsAsync(AppDbContext db, string? state, InternationalBody? body, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(state) || body is not { } b || !Applies(b))
        {
            return null;
        }

        var row = await db.AcceptedProcedures.AsNoTracking()
            .Where(a => a.State == state && a.Body == b && a.Procedure == TreatyProcedure.IndividualCommunications)
            .Select(a => new { a.IsAccepted, a.SinceYear, a.NeedsVerification })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? new AcceptanceNote(state, b, Known: false, IsAccepted: false, null, NeedsVerification: false)
            : new AcceptanceNote(state, b, Known: true, row.IsAccepted, row.SinceYear, row.NeedsVerification);
    }
}
