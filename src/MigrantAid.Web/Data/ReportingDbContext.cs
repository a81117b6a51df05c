using Microsoft.EntityFrameworkCore;

namespace MigrantAid.Web.Data;

/// <summary>
/// The portal's model on the reporting connection (<see cref="ReportingDatabase"/>): what the dashboard,
/// the statistics, the reports and the organisation export read. Queries are not tracked, saving is
/// refused, and with ConnectionStrings:Reporting set the connection itself is read-only: audit rows and
/// any other write go through <see cref="AppDbContext"/>, the primary.
/// </summary>
public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : AppDbContext(options)
{
    private const string ReadOnly = "The reporting context only reads; save through AppDbContext (the primary).";

    public override int SaveChanges(bool acceptAllChangesOnSuccess) => throw new InvalidOperationException(ReadOnly);

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(ReadOnly);
}
