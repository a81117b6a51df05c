using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Users;

/// <summary>User administration: accounts are created here only, by administrators.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("users")]
public sealed class UsersController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListUsersQuery query, [FromServices] ListUsersHandler handler) =>
        View(await handler.HandleAsync(query));

    [HttpGet("create")]
    public async Task<IActionResult> Create([FromServices] CreateUserHandler handler) => View(await handler.NewAsync());

    [HttpPost("create")]
    public async Task<IActionResult> Create(CreateUserInput input, [FromServices] CreateUserHandler handler)
    {
        var errors = this.FormErrors();
        var outcome = await handler.HandleAsync(input, Origin(), errors);
        if (outcome.Data is PasswordLinkModel link)
        {
            // The link is rendered, not redirected to: the token must not travel in a URL of our own pages.
            return View("PasswordLink", link);
        }

        FormResults.CopyTo(ModelState, outcome, errors);
        return View(input);
    }

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, Viewer viewer, [FromServices] EditUserHandler handler) =>
        await handler.LoadAsync(id, viewer) is { } input ? View(input) : NotFound();

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, EditUserInput input, Viewer viewer, [FromServices] EditUserHandler handler)
    {
        var errors = this.FormErrors();
        return this.FormResult(await handler.HandleAsync(id, input, viewer, errors), errors, input, Url.Action(nameof(Edit), new { id })!, "The user is saved.");
    }

    [HttpPost("{id:guid}/disable")]
    public Task<IActionResult> Disable(Guid id, Viewer viewer, [FromServices] SetUserActiveHandler handler, [FromServices] EditUserHandler edit) =>
        SetActive(id, active: false, viewer, handler, edit);

    [HttpPost("{id:guid}/enable")]
    public Task<IActionResult> Enable(Guid id, Viewer viewer, [FromServices] SetUserActiveHandler handler, [FromServices] EditUserHandler edit) =>
        SetActive(id, active: true, viewer, handler, edit);

    [HttpPost("{id:guid}/unlock")]
    public async Task<IActionResult> Unlock(Guid id, [FromServices] UnlockUserHandler handler)
    {
        var outcome = await handler.HandleAsync(id);
        if (outcome.Kind == FormOutcomeKind.NotFound)
        {
            return NotFound();
        }

        TempData[FormResults.FlashKey] = outcome.IsSaved
            ? "The account is unlocked: the user can sign in again."
            : "The account was not locked.";
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id:guid}/end-sessions")]
    public async Task<IActionResult> EndSessions(Guid id, [FromServices] EndUserSessionsHandler handler)
    {
        if (await handler.HandleAsync(id) is not { } ended)
        {
            return NotFound();
        }

        TempData["Success"] = ended == 0 ? "The user had no open sessions." : "Every session of the user is ended.";
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id:guid}/password-link")]
    public async Task<IActionResult> PasswordLink(Guid id, [FromServices] IssuePasswordLinkHandler handler) =>
        await handler.HandleAsync(id, Origin()) is { } link ? View(link) : NotFound();

    private async Task<IActionResult> SetActive(Guid id, bool active, Viewer viewer, SetUserActiveHandler handler, EditUserHandler edit)
    {
        var errors = this.FormErrors();
        return await this.FormResultAsync(await handler.HandleAsync(id, active, viewer, errors), errors,
            async () => View(nameof(Edit), await edit.LoadAsync(id, viewer)), Url.Action(nameof(Edit), new { id })!,
            active ? "The user is enabled." : "The user is disabled and signed out.");
    }

    /// <summary>scheme://host[/base] of this request, for absolute links handed to people outside the portal.</summary>
    private string Origin() => $"{Request.Scheme}://{Request.Host.ToUriComponent()}{Request.PathBase.ToUriComponent()}";
}
