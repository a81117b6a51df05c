using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared.Forms;
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
    public async Task<IActionResult> New(AcceptanceInput input, Viewer viewer, [FromServices] SaveAcceptanceHandler handler, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(input.Version));
        var errors = this.FormErrors();
        var outcome = await handler.CreateAsync(input, viewer, errors, cancellationToken);
        return this.FormResult(outcome, errors, input, ListUrl(input.State), "The entry was added.", "Form");
    }

    [HttpGet("{id:int}/edit")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Edit(int id, [FromServices] SaveAcceptanceHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(id, cancellationToken) is { } input ? View("Form", input) : NotFound();

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Edit(int id, AcceptanceInput input, Viewer viewer, [FromServices] SaveAcceptanceHandler handler, CancellationToken cancellationToken)
    {
        if (ModelState.TryGetValue(nameof(input.Version), out var version) && version.Errors.Count > 0)
        {
            // The hidden field is not something the user typed: treat a damaged one as out of date.
            ModelState.Remove(nameof(input.Version));
            input.Version = 0;
        }

        var errors = this.FormErrors();
        var outcome = await handler.UpdateAsync(id, input, viewer, errors, cancellationToken);
        input.Id = id;
        return this.FormResult(outcome, errors, input, ListUrl(input.State), "The entry was saved.", "Form");
    }

    [HttpPost("{id:int}/confirm")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Confirm(int id, [FromQuery] string? state, Viewer viewer, [FromServices] SaveAcceptanceHandler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.ConfirmAsync(id, viewer, cancellationToken);

        // A button, not a form: the outcome is never Invalid, so the model is never shown.
        return this.FormResult(outcome, new FormErrors(), id, ListUrl(Countries.IsKnown(state) ? state : null), "The entry is confirmed.");
    }

    /// <summary>The list, on the state's entries when there is one.</summary>
    private string ListUrl(string? state) => Url.Action(nameof(Index), new { state })!;
}
