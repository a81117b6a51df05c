using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.International.TreatyAcceptance;

/// <summary>
/// Which procedures each state has accepted: reference data that administrators maintain (starter values
/// are marked "verify" until confirmed). Everyone who does case work may read it; only administrators change it.
/// </summary>
[Authorize(Policy = Policies.InternationalReaders)]
[Route("treaty-acceptance")]
public sealed class TreatyAcceptanceController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? state, [FromQuery] string? body, [FromQuery] bool? verify, [FromQuery] string? after,
        [FromServices] ListAcceptanceHandler handler, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return View(await handler.HandleAsync(state, body, verify == true, after, User.IsInRole(Roles.Admin), cancellationToken));
    }

    [HttpGet("new")]
    [Authorize(Policy = Policies.Admin)]
    public IActionResult New([FromQuery] string? state) => View("Form", new AcceptanceInput { State = state });

    [HttpPost("new")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> New(AcceptanceInput input, [FromServices] SaveAcceptanceHandler handler, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(input.Version));
        var (outcome, _) = await handler.CreateAsync(input, User.Id(), ModelState, cancellationToken);
        if (outcome != AcceptanceSaveOutcome.Saved)
        {
            return View("Form", input);
        }

        TempData["Success"] = "The entry was added.";
        return Redirect("/treaty-acceptance?state=" + input.State);
    }

    [HttpGet("{id:int}/edit")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Edit(int id, [FromServices] SaveAcceptanceHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(id, cancellationToken) is { } input ? View("Form", input) : NotFound();

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Edit(int id, AcceptanceInput input, [FromServices] SaveAcceptanceHandler handler, CancellationToken cancellationToken)
    {
        if (ModelState.TryGetValue(nameof(input.Version), out var version) && version.Errors.Count > 0)
        {
            ModelState.Remove(nameof(input.Version));
            input.Version = 0;
        }

        switch (await handler.UpdateAsync(id, input, User.Id(), ModelState, cancellationToken))
        {
            case AcceptanceSaveOutcome.NotFound:
                return NotFound();
            case AcceptanceSaveOutcome.Invalid:
            case AcceptanceSaveOutcome.Conflict:
                input.Id = id;
                return View("Form", input);
            case AcceptanceSaveOutcome.Unchanged:
                TempData["Success"] = "Nothing was changed.";
                return Redirect("/treaty-acceptance?state=" + input.State);
            default:
                TempData["Success"] = "The entry was saved.";
                return Redirect("/treaty-acceptance?state=" + input.State);
        }
    }

    [HttpPost("{id:int}/confirm")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Confirm(int id, [FromQuery] string? state, [FromServices] SaveAcceptanceHandler handler, CancellationToken cancellationToken)
    {
        switch (await handler.ConfirmAsync(id, User.Id(), cancellationToken))
        {
            case AcceptanceSaveOutcome.NotFound:
                return NotFound();
            case AcceptanceSaveOutcome.Unchanged:
                TempData["Success"] = "Nothing was changed.";
                break;
            default:
                TempData["Success"] = "The entry is confirmed.";
                break;
        }

        return Redirect(Countries.IsKnown(state) ? "/treaty-acceptance?state=" + state : "/treaty-acceptance");
    }
}
