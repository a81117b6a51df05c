using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Cases;
using MigrantAid.Web.Features.Cases.CaseList;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Tools.Benchmark;

/// <summary>
/// Issue 3's scenarios: the case list, its search and the case page, run through the pages' own handlers
/// (<see cref="ListCasesHandler"/>: the page of rows, the filter lists, the capped total and, for a
/// coordinator, the reassignment choices; <see cref="ViewCaseFileHandler"/>: the authorized case, its
/// sections and the audit row of the view).
/// </summary>
internal static class ListScenarios
{
    public static List<BenchmarkScenario> For(BenchmarkFixtures f)
    {
        Viewer Lawyer(int i) => f.Lawyers[i % f.Lawyers.Count];
        Viewer Caseworker(int i) => f.Caseworkers[i % f.Caseworkers.Count];
        string Deep(int i) => CaseListFilter.PositionToken(CaseListSort.Newest, default, f.Positions[i % f.Positions.Count].Item1, "", f.Positions[i % f.Positions.Count].Item2);
        string Name(int i) => f.Names[i % f.Names.Count];
        const string InProgress = nameof(CaseStatus.InProgress);

        return
        [
            new("list, first page, coordinator (all cases)", 100,
                (sp, i) => List(sp, f.Coordinator, new CaseListQuery())),
            new("list, first page, lawyer (My cases)", 100,
                (sp, i) => List(sp, Lawyer(i), new CaseListQuery { Scope = "mine" })),
            new("list, first page, caseworker (My cases)", 100,
                (sp, i) => List(sp, Caseworker(i), new CaseListQuery { Scope = "mine" })),
            new("list, deep keyset page, coordinator", 100,
                (sp, i) => List(sp, f.Coordinator, new CaseListQuery { After = Deep(i) })),
            new("list, deep keyset page, caseworker (office)", 100,
                (sp, i) => List(sp, Caseworker(i), new CaseListQuery { Scope = "all", After = Deep(i) })),
            new("search name + status, coordinator", 100,
                (sp, i) => List(sp, f.Coordinator, new CaseListQuery { Status = InProgress, Q = Name(i) })),
            new("search name + office, caseworker", 100,
                (sp, i) => List(sp, Caseworker(i), new CaseListQuery { Scope = "all", Office = Caseworker(i).OfficeId?.ToString(), Q = Name(i) })),
            new("search employer name, coordinator", 100,
                (sp, i) => List(sp, f.Coordinator, new CaseListQuery { Q = f.Respondents[i % f.Respondents.Count] })),
            new("search words every police station shares, coordinator", 0,
                (sp, i) => List(sp, f.Coordinator, new CaseListQuery { Q = "Отдел полиции" })),
            new("search reference prefix, coordinator", 100,
                (sp, i) => List(sp, f.Coordinator, new CaseListQuery { Q = f.References[i % f.References.Count] })),
            new("search a common surname alone, coordinator", 0,
                (sp, i) => List(sp, f.Coordinator, new CaseListQuery { Q = Name(i).Split(' ')[0] })),
            new("case page (all its queries + audit row)", 50,
                (sp, i) => CasePage(sp, f.Principal(f.Coordinator), f.CaseIds[i % f.CaseIds.Count])),
        ];
    }

    private static Task List(IServiceProvider services, Viewer viewer, CaseListQuery query) =>
        services.GetRequiredService<ListCasesHandler>().HandleAsync(query, viewer);

    /// <summary>The case page as a signed-in coordinator opens it; the request's user is what the audit row records.</summary>
    private static async Task CasePage(IServiceProvider services, System.Security.Claims.ClaimsPrincipal user, Guid id)
    {
        services.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = user, RequestServices = services };
        _ = await services.GetRequiredService<ViewCaseFileHandler>().HandleAsync(id, null, Viewer.From(user))
            ?? throw new InvalidOperationException("The case page found no case the coordinator may see.");
    }
}
