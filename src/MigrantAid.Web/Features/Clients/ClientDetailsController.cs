using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Clients;

/// <summary>
/// The small forms that add to a client record (aliases, contacts, documents, stays, family, consent) and removals,
/// under the client's address. A client the user may not see answers 404, exactly like one that does not exist.
/// </summary>
[Authorize(Policy = Policies.CaseStaff)]
[Route("clients")]
public sealed class ClientDetailsController : Controller
{
    [HttpGet("{id:guid}/aliases/new")]
    public Task<IActionResult> AddAlias(Guid id, Viewer viewer, [FromServices] AddClientDetailHandler handler, CancellationToken cancellationToken) =>
        FormAsync(new AddAliasInput(), () => handler.HeadingAsync(id, viewer, cancellationToken));

    [HttpPost("{id:guid}/aliases/new")]
    public Task<IActionResult> AddAlias(Guid id, AddAliasInput input, Viewer viewer, [FromServices] AddClientDetailHandler handler, CancellationToken cancellationToken) =>
        AddDetailAsync(id, input, viewer, handler, "The spelling was added.", cancellationToken);

    [HttpGet("{id:guid}/contacts/new")]
    public Task<IActionResult> AddContact(Guid id, Viewer viewer, [FromServices] AddClientDetailHandler handler, CancellationToken cancellationToken) =>
        FormAsync(new AddContactInput(), () => handler.HeadingAsync(id, viewer, cancellationToken));

    [HttpPost("{id:guid}/contacts/new")]
    public Task<IActionResult> AddContact(Guid id, AddContactInput input, Viewer viewer, [FromServices] AddClientDetailHandler handler, CancellationToken cancellationToken) =>
        AddDetailAsync(id, input, viewer, handler, "The contact was added.", cancellationToken);

    [HttpGet("{id:guid}/documents/new")]
    public Task<IActionResult> AddDocument(Guid id, Viewer viewer, [FromServices] AddClientDetailHandler handler, CancellationToken cancellationToken) =>
        FormAsync(new AddDocumentInput(), () => handler.HeadingAsync(id, viewer, cancellationToken));

    [HttpPost("{id:guid}/documents/new")]
    public Task<IActionResult> AddDocument(Guid id, AddDocumentInput input, Viewer viewer, [FromServices] AddClientDetailHandler handler, CancellationToken cancellationToken) =>
        AddDetailAsync(id, input, viewer, handler, "The document was added.", cancellationToken);

    [HttpGet("{id:guid}/stays/new")]
    public Task<IActionResult> AddStay(Guid id, Viewer viewer, [FromServices] AddClientDetailHandler handler, CancellationToken cancellationToken) =>
        FormAsync(new AddStayInput(), () => handler.HeadingAsync(id, viewer, cancellationToken));

    [HttpPost("{id:guid}/stays/new")]
    public Task<IActionResult> AddStay(Guid id, AddStayInput input, Viewer viewer, [FromServices] AddClientDetailHandler handler, CancellationToken cancellationToken) =>
        AddDetailAsync(id, input, viewer, handler, "The entry was added.", cancellationToken);

    [HttpGet("{id:guid}/consent/new")]
    public async Task<IActionResult> RecordConsent(Guid id, Viewer viewer, [FromServices] RecordConsentHandler handler, CancellationToken cancellationToken) =>
        await FormAsync(new RecordConsentInput { Date = await handler.TodayAsync(viewer, cancellationToken) }, () => handler.HeadingAsync(id, viewer, cancellationToken));

    [HttpPost("{id:guid}/consent/new")]
    public async Task<IActionResult> RecordConsent(Guid id, RecordConsentInput input, Viewer viewer, [FromServices] RecordConsentHandler handler, CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        var outcome = await handler.HandleAsync(id, input, viewer, errors, cancellationToken);
        if (outcome.Data is ConsentVisibility.NowHidden)
        {
            TempData["Success"] = "Consent withdrawn: the record is now visible only to the people assigned to the client's cases and to coordinators.";
            return RedirectToAction(nameof(ClientsController.Index), "Clients");
        }

        return await this.FormResultAsync(outcome, errors, () => FormAsync(input, () => handler.HeadingAsync(id, viewer, cancellationToken)),
            ShowUrl(id), "The consent was recorded.");
    }

    [HttpGet("{id:guid}/family/new")]
    public async Task<IActionResult> LinkFamilyMember(Guid id, string? q, Viewer viewer, [FromServices] LinkFamilyMemberHandler handler, CancellationToken cancellationToken)
    {
        var input = new LinkFamilyMemberInput { Q = q?.Trim() };
        return await FamilyFormAsync(id, input, viewer, handler, cancellationToken);
    }

    [HttpPost("{id:guid}/family/new")]
    public async Task<IActionResult> LinkFamilyMember(Guid id, LinkFamilyMemberInput input, Viewer viewer, [FromServices] LinkFamilyMemberHandler handler,
        CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        var outcome = await handler.HandleAsync(id, input, viewer, errors, cancellationToken);
        return await this.FormResultAsync(outcome, errors, () => FamilyFormAsync(id, input, viewer, handler, cancellationToken),
            ShowUrl(id), "The family member was linked.");
    }

    /// <summary>Removes one alias, contact, document, stay or family link (kind: aliases, contacts, documents, stays, family).</summary>
    [HttpPost("{id:guid}/{kind:regex(^(aliases|contacts|documents|stays|family)$)}/{itemId:guid}/remove")]
    public async Task<IActionResult> RemoveDetail(Guid id, string kind, Guid itemId, Viewer viewer, [FromServices] RemoveClientDetailHandler handler,
        CancellationToken cancellationToken)
    {
        var detail = kind switch
        {
            "aliases" => ClientDetailKind.Alias,
            "contacts" => ClientDetailKind.Contact,
            "documents" => ClientDetailKind.Document,
            "stays" => ClientDetailKind.Stay,
            _ => ClientDetailKind.Family,
        };
        var outcome = await handler.HandleAsync(id, detail, itemId, viewer, cancellationToken);
        if (outcome.Kind == FormOutcomeKind.NotFound)
        {
            return NotFound();
        }

        TempData[FormResults.FlashKey] = outcome.IsSaved
            ? Removed(detail)
            : "Someone else changed this client at the same moment, so nothing was removed. Try again.";

        return RedirectToAction(nameof(ClientsController.Show), "Clients", new { id });
    }

    private static string Removed(ClientDetailKind detail) => detail switch
    {
        ClientDetailKind.Alias => "The spelling was removed.",
        ClientDetailKind.Contact => "The contact was removed.",
        ClientDetailKind.Document => "The document was removed.",
        ClientDetailKind.Stay => "The entry was removed.",
        _ => "The family link was removed.",
    };

    private async Task<IActionResult> AddDetailAsync<T>(Guid id, T input, Viewer viewer, AddClientDetailHandler handler, string saved, CancellationToken cancellationToken)
        where T : ClientDetailInput, IClientDetailInput
    {
        var errors = this.FormErrors();
        var outcome = await handler.HandleAsync(id, input, viewer, errors, cancellationToken);
        return await this.FormResultAsync(outcome, errors, () => FormAsync(input, () => handler.HeadingAsync(id, viewer, cancellationToken)),
            ShowUrl(id), saved);
    }

    private async Task<IActionResult> FamilyFormAsync(Guid id, LinkFamilyMemberInput input, Viewer viewer, LinkFamilyMemberHandler handler, CancellationToken cancellationToken)
    {
        input.Candidates = await handler.CandidatesAsync(id, input.Q, viewer, cancellationToken);
        return await FormAsync(input, () => handler.HeadingAsync(id, viewer, cancellationToken));
    }

    private async Task<IActionResult> FormAsync<T>(T input, Func<Task<ClientHeading?>> heading)
        where T : ClientDetailInput
    {
        input.Client = await heading();
        return input.Client is null ? NotFound() : View(input);
    }

    private string ShowUrl(Guid id) => Url.Action(nameof(ClientsController.Show), "Clients", new { id }) ?? "";
}
