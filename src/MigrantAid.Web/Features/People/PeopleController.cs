using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Data;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.People;

/// <summary>
/// The type-ahead of the people filters (case list, reassignment): at most <see cref="StaffSuggestions.Max"/>
/// staff whose name contains the typed text, as ids and names only. A lookup of colleagues, not of clients or
/// cases, so it is not audited (as the assignment selects that list staff are not).
/// </summary>
[Authorize(Policy = Policies.CaseStaff)]
[Route("people")]
public sealed class PeopleController(AppDbContext db) : Controller
{
    [HttpGet("suggest")]
    public async Task<IActionResult> Suggest([FromQuery] string? q, [FromQuery] string? role, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var text = q?.Trim() ?? "";
        if (StaffSuggestions.Role(role) is not { } known || text.Length == 0 || text.Length > StaffSuggestions.MaxTextLength)
        {
            return Json(Array.Empty<object>());
        }

        var people = await StaffSuggestions.FindAsync(db, Viewer.From(User), known, text, cancellationToken);
        return Json(people.Select(p => new { id = p.Id, name = p.Name, office = p.Office }));
    }
}
