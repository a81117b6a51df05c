using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Dashboard;

/// <summary>
/// Every lawyer's caseload (the dashboard shows the largest <see cref="LawyerCaseloads.OnDashboard"/>), of the
/// office chosen or of all, largest first, a page at a time: the same figures and links as on the dashboard.
/// </summary>
public sealed class DashboardLawyersHandler(AppDbContext db, ILookupNormalizer normalizer, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<DashboardLawyersModel> HandleAsync(DashboardQuery query, int page, Viewer viewer, IStringLocalizer l,
        CancellationToken cancellationToken = default)
    {
        var (scope, offices) = await DashboardScope.OpenAsync(db, new DashboardQuery { Office = query.Office }, viewer, clock.GetUtcNow(), l, cancellationToken);
        var open = await OpenCaseFigures.ReadAsync(scope, offices, cancellationToken);
        var lawyers = await LawyerCaseloads.ReadAsync(scope, open.Rows, normalizer.NormalizeName(Roles.Lawyer), cancellationToken);
        var pages = Math.Max(1, (lawyers.Count + PageSize - 1) / PageSize);
        var current = Math.Clamp(page, 1, pages);
        var office = scope.Office is { } id ? offices.FirstOrDefault(o => o.Id == id).Name : null;
        return new DashboardLawyersModel(office, scope.Office, lawyers.Skip((current - 1) * PageSize).Take(PageSize).ToList(),
            lawyers.Count == 0 ? 0 : lawyers.Max(x => x.Open), current, current < pages, lawyers.Count);
    }
}
