using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.International.Submissions;

public sealed record ClientSubmissionRow(
    Guid Id, Guid CaseId, string Reference, InternationalBody Body, SubmissionKind Kind, DateOnly SubmittedOn, SubmissionResult Result, FollowUpStatus FollowUp);

/// <summary>
/// The client page's list of the submissions made for the client: only those of cases the viewer may see
/// (the same rule as the case list), rendered inside the client page, which is authorized and audited.
/// </summary>
public sealed class ClientSubmissionsViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid clientId)
    {
        var viewer = Viewer.From(UserClaimsPrincipal);
        var rows = await db.SubmissionClients.AsNoTracking()
            .Where(sc => sc.ClientId == clientId)
            .Join(db.InternationalSubmissions, sc => sc.SubmissionId, s => s.Id, (sc, s) => s)
            .Join(db.Cases.Where(CaseAccess.VisibleCases(viewer, db)), s => s.CaseId, c => c.Id, (s, c) => new { s, c.Reference })
            .OrderByDescending(x => x.s.SubmittedOn).ThenBy(x => x.s.Id)
            .Take(CaseInternationalViewComponent.MaxRows)
            .Select(x => new ClientSubmissionRow(x.s.Id, x.s.CaseId, x.Reference, x.s.Body, x.s.Kind, x.s.SubmittedOn, x.s.Result, x.s.FollowUp))
            .ToListAsync(HttpContext.RequestAborted);
        return View("/Features/International/Submissions/ClientSubmissions.cshtml", rows);
    }
}
