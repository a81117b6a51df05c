using Microsoft.EntityFrameworkCore;

namespace MigrantAid.Web.Data;

/// <summary>
/// The portal's model on the reporting connection (<see cref="ReportingDatabase"/>): what the dashboard,
/// the statistics, the reports and the organisation export read. Queries are not tracked, and with
/// ConnectionStrings:Reporting set the connection is read-only, so nothing can be saved through it:
/// audit rows and any other write go through <see cref="AppDbContext"/>, the primary.
/// </summary>
public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : AppDbContext(options);
