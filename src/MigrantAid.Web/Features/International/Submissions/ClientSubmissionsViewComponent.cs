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
/// (the same rule as the case list). Given the client the page authorized (<see cref="AuthorizedClient"/>), so it
/// can never list the submissions of a client the user may not see.
/// </summary>
public sealed class ClientSubmissionsViewComponent(AppDbContext db) : ViewComponent
{
    /// <param name="client">The client the page authorized; nothing is shown without one.</param>
    public async Task<IViewComponentResult> InvokeAsync(AuthorizedClient? client)
    {
        if (client is null)
        {
            return Content("");
        }

        var wanted = client.Id;
        var rows = await db.SubmissionClients.AsNoTracking()
            .Where(sc => sc.ClientId == wanted)
            .Join(db.InternationalSubmissions, sc => sc.SubmissionId, s => s.Id, (sc, s) => s)
            .Join(db.Cases.Where(CaseAccess.VisibleCases(client.Viewer, db)), s => s.CaseId, c => c.Id, (s, c) => new { s, c.Reference })
            .OrderByDescending(x => x.s.SubmittedOn).ThenBy(x => x.s.Id)
            .TakeFixed(CaseInternationalViewComponent.MaxRows)
            .Select(x => new ClientSubmissionRow(x.s.Id, x.s.CaseId, x.Reference, x.s.Body, x.s.Kind, x.s.SubmittedOn, x.s.Result, x.s.FollowUp))
            .ToListAsync(HttpContext.RequestAborted);
        return View("/Features/International/Submissions/ClientSubmissions.cshtml", rows);
    }
}
