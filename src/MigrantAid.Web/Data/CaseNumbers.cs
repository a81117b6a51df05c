using Microsoft.EntityFrameworkCore;

namespace MigrantAid.Web.Data;

/// <summary>
/// Gives the next case number of an office and year. One atomic upsert: concurrent accepts in the
/// same office wait on the counter row, so no two cases get the same number. Call it inside the
/// transaction that inserts the case, so a rolled-back accept does not use up a number.
/// </summary>
public static class CaseNumbers
{
    public static async Task<int> NextAsync(AppDbContext db, Guid officeId, int year, CancellationToken cancellationToken = default)
    {
        var numbers = await db.Database.SqlQuery<int>($"""
            INSERT INTO case_number_counters (office_id, year, last_number) VALUES ({officeId}, {year}, 1)
            ON CONFLICT (office_id, year) DO UPDATE SET last_number = case_number_counters.last_number + 1
            RETURNING last_number AS "Value"
            """).ToListAsync(cancellationToken);
        return numbers.Single();
    }
}
