using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Dashboard;

/// <summary>
/// What every figure of one dashboard request shares: the database, the checked filter, the office's today and
/// the texts, and the link of the case list that shows exactly what a figure counts.
/// </summary>
public sealed class DashboardScope(AppDbContext db, DashboardFilter filter, DateTimeOffset now, IStringLocalizer l)
{
    public AppDbContext Db => db;

    public DashboardFilter Filter => filter;

    /// <summary>The office chosen, or null for all offices.</summary>
    public Guid? Office => filter.OfficeId;

    /// <summary>The office chosen as it goes into a link, or null for all offices.</summary>
    public string? OfficeText => filter.OfficeId?.ToString();

    public DateOnly Today => filter.Today;

    public DateTimeOffset Now => now;

    public IStringLocalizer L => l;

    /// <summary>The language of the category names.</summary>
    public string Language { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>The scope of one request: the viewer's office's today, the filter checked against the offices, and the offices by name.</summary>
    public static async Task<(DashboardScope Scope, List<(Guid Id, string Name)> Offices)> OpenAsync(
        AppDbContext db, DashboardQuery query, Viewer viewer, DateTimeOffset now, IStringLocalizer l, CancellationToken cancellationToken)
    {
        var today = (await OfficeTime.OfOfficeAsync(db, viewer.OfficeId ?? Guid.Empty, cancellationToken)).Today(now);
        var offices = (await db.Offices.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .Select(o => (o.Id, o.Name)).ToList();
        return (new DashboardScope(db, DashboardFilter.Parse(query, today, offices.Select(o => o.Id).ToList()), now, l), offices);
    }

    /// <summary>The case list (all cases the viewer may see) of the chosen office, or of <paramref name="officeId"/>, with these filters.</summary>
    public string Cases(string? status = null, string? category = null, string? officeId = null, string? citizenship = null, string? lead = null,
        bool urgent = false, string? closedFrom = null, string? closedTo = null) =>
        new CaseListQuery
        {
            Scope = "all",
            Status = status,
            Category = category,
            Office = officeId ?? OfficeText,
            Citizenship = citizenship,
            Lead = lead,
            Urgent = urgent,
            ClosedFrom = closedFrom,
            ClosedTo = closedTo,
        }.ToUrl("/cases");
}
