using Microsoft.AspNetCore.Mvc;

namespace MigrantAid.Web.Features.Clients;

/// <summary>The small forms that add to a client record (aliases, contacts, documents, stays, family, consent) and removals.</summary>
public sealed partial class ClientsController
{
    [HttpGet("{id:guid}/aliases/new")]
    public async Task<IActionResult> AddAlias(Guid id, [FromServices] AddAliasHandler handler, CancellationToken cancellationToken) =>
        await FormAsync(new AddAliasInput(), () => handler.HeadingAsync(id, Viewer, cancellationToken));

    [HttpPost("{id:guid}/aliases/new")]
    public async Task<IActionResult> AddAlias(Guid id, AddAliasInput input, [FromServices] AddAliasHandler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await FormAsync(input, () => handler.HeadingAsync(id, Viewer, cancellationToken));
        }

        var outcome = await handler.HandleAsync(id, input, Viewer, cancellationToken);
        if (outcome == ClientChangeOutcome.Saved)
        {
            TempData["Success"] = "The spelling was added.";
            return Redirect($"/clients/{id}");
        }

        return await NotSavedAsync(outcome, input, () => handler.HeadingAsync(id, Viewer, cancellationToken));
    }

    [HttpGet("{id:guid}/contacts/new")]
    public async Task<IActionResult> AddContact(Guid id, [FromServices] AddContactHandler handler, CancellationToken cancellationToken) =>
        await FormAsync(new AddContactInput(), () => handler.HeadingAsync(id, Viewer, cancellationToken));

    [HttpPost("{id:guid}/contacts/new")]
    public async Task<IActionResult> AddContact(Guid id, AddContactInput input, [FromServices] AddContactHandler handler, CancellationToken cancellationToken)
    {
        input.Contact.RequireValue(ModelState, nameof(input.Contact) + ".", l);
        if (!ModelState.IsValid)
        {
            return await FormAsync(input, () => handler.HeadingAsync(id, Viewer, cancellationToken));
        }

        var outcome = await handler.HandleAsync(id, input, Viewer, cancellationToken);
        if (outcome == ClientChangeOutcome.Saved)
        {
            TempData["Success"] = "The contact was added.";
            return Redirect($"/clients/{id}");
        }

        return await NotSavedAsync(outcome, input, () => handler.HeadingAsync(id, Viewer, cancellationToken));
    }

    [HttpGet("{id:guid}/documents/new")]
    public async Task<IActionResult> AddDocument(Guid id, [FromServices] AddDocumentHandler handler, CancellationToken cancellationToken) =>
        await FormAsync(new AddDocumentInput(), () => handler.HeadingAsync(id, Viewer, cancellationToken));

    [HttpPost("{id:guid}/documents/new")]
    public async Task<IActionResult> AddDocument(Guid id, AddDocumentInput input, [FromServices] AddDocumentHandler handler, CancellationToken cancellationToken)
    {
        input.Validate(ModelState, await handler.TodayAsync(Viewer, cancellationToken), l);
        if (!ModelState.IsValid)
        {
            return await FormAsync(input, () => handler.HeadingAsync(id, Viewer, cancellationToken));
        }

        var outcome = await handler.HandleAsync(id, input, Viewer, cancellationToken);
        if (outcome == ClientChangeOutcome.Saved)
        {
            TempData["Success"] = "The document was added.";
            return Redirect($"/clients/{id}");
        }

        return await NotSavedAsync(outcome, input, () => handler.HeadingAsync(id, Viewer, cancellationToken));
    }

    [HttpGet("{id:guid}/stays/new")]
    public async Task<IActionResult> AddStay(Guid id, [FromServices] AddStayHandler handler, CancellationToken cancellationToken) =>
        await FormAsync(new AddStayInput(), () => handler.HeadingAsync(id, Viewer, cancellationToken));

    [HttpPost("{id:guid}/stays/new")]
    public async Task<IActionResult> AddStay(Guid id, AddStayInput input, [FromServices] AddStayHandler handler, CancellationToken cancellationToken)
    {
        input.Validate(ModelState, await handler.TodayAsync(Viewer, cancellationToken), l);
        if (!ModelState.IsValid)
        {
            return await FormAsync(input, () => handler.HeadingAsync(id, Viewer, cancellationToken));
        }

        var outcome = await handler.HandleAsync(id, input, Viewer, cancellationToken);
        if (outcome == ClientChangeOutcome.Saved)
        {
            TempData["Success"] = "The entry was added.";
            return Redirect($"/clients/{id}");
        }

        return await NotSavedAsync(outcome, input, () => handler.HeadingAsync(id, Viewer, cancellationToken));
    }

    [HttpGet("{id:guid}/consent/new")]
    public async Task<IActionResult> RecordConsent(Guid id, [FromServices] RecordConsentHandler handler, CancellationToken cancellationToken) =>
        await FormAsync(new RecordConsentInput { Date = await handler.TodayAsync(Viewer, cancellationToken) }, () => handler.HeadingAsync(id, Viewer, cancellationToken));

    [HttpPost("{id:guid}/consent/new")]
    public async Task<IActionResult> RecordConsent(Guid id, RecordConsentInput input, [FromServices] RecordConsentHandler handler, CancellationToken cancellationToken)
    {
        input.Validate(ModelState, await handler.TodayAsync(Viewer, cancellationToken), l);
        if (!ModelState.IsValid)
        {
            return await FormAsync(input, () => handler.HeadingAsync(id, Viewer, cancellationToken));
        }

        switch (await handler.HandleAsync(id, input, Viewer, cancellationToken))
        {
            case RecordConsentOutcome.NotFound:
                return NotFound();
            case RecordConsentOutcome.Conflict:
                ModelState.AddModelError("", l["Someone else changed this client at the same moment, so nothing was saved. Your entries are kept: save again."]);
                return await FormAsync(input, () => handler.HeadingAsync(id, Viewer, cancellationToken));
            case RecordConsentOutcome.SavedAndNowHidden:
                TempData["Success"] = "Consent withdrawn: the record is now visible only to the people assigned to the client's cases and to coordinators.";
                return Redirect("/clients");
            default:
                TempData["Success"] = "The consent was recorded.";
                return Redirect($"/clients/{id}");
        }
    }

    [HttpGet("{id:guid}/family/new")]
    public async Task<IActionResult> LinkFamilyMember(Guid id, string? q, [FromServices] LinkFamilyMemberHandler handler, CancellationToken cancellationToken)
    {
        var input = new LinkFamilyMemberInput { Q = q?.Trim() };
        input.Candidates = await handler.CandidatesAsync(id, input.Q, Viewer, cancellationToken);
        return await FormAsync(input, () => handler.HeadingAsync(id, Viewer, cancellationToken));
    }

    [HttpPost("{id:guid}/family/new")]
    public async Task<IActionResult> LinkFamilyMember(Guid id, LinkFamilyMemberInput input, [FromServices] LinkFamilyMemberHandler handler, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var outcome = await handler.HandleAsync(id, input, Viewer, cancellationToken);
            switch (outcome)
            {
                case LinkFamilyOutcome.NotFound:
                    return NotFound();
                case LinkFamilyOutcome.Linked:
                    TempData["Success"] = "The family member was linked.";
                    return Redirect($"/clients/{id}");
                case LinkFamilyOutcome.Self:
                    ModelState.AddModelError(nameof(input.RelatedClientId), l["A person cannot be linked to themself."]);
                    break;
                case LinkFamilyOutcome.AlreadyLinked:
                    ModelState.AddModelError(nameof(input.RelatedClientId), l["These two people are already linked."]);
                    break;
                default:
                    ModelState.AddModelError(nameof(input.RelatedClientId), l["Choose the family member."]);
                    break;
            }
        }

        input.Candidates = await handler.CandidatesAsync(id, input.Q, Viewer, cancellationToken);
        return await FormAsync(input, () => handler.HeadingAsync(id, Viewer, cancellationToken));
    }

    /// <summary>Removes one alias, contact, document, stay or family link (kind: aliases, contacts, documents, stays, family).</summary>
    [HttpPost("{id:guid}/{kind:regex(^(aliases|contacts|documents|stays|family)$)}/{itemId:guid}/remove")]
    public async Task<IActionResult> RemoveDetail(Guid id, string kind, Guid itemId, [FromServices] RemoveClientDetailHandler handler, CancellationToken cancellationToken)
    {
        var detail = kind switch
        {
            "aliases" => ClientDetailKind.Alias,
            "contacts" => ClientDetailKind.Contact,
            "documents" => ClientDetailKind.Document,
            "stays" => ClientDetailKind.Stay,
            _ => ClientDetailKind.Family,
        };
        switch (await handler.HandleAsync(id, detail, itemId, Viewer, cancellationToken))
        {
            case ClientChangeOutcome.NotFound:
                return NotFound();
            case ClientChangeOutcome.Conflict:
                TempData["Success"] = "Someone else changed this client at the same moment, so nothing was removed. Try again.";
                break;
            default:
                switch (detail)
                {
                    case ClientDetailKind.Alias:
                        TempData["Success"] = "The spelling was removed.";
                        break;
                    case ClientDetailKind.Contact:
                        TempData["Success"] = "The contact was removed.";
                        break;
                    case ClientDetailKind.Document:
                        TempData["Success"] = "The document was removed.";
                        break;
                    case ClientDetailKind.Stay:
                        TempData["Success"] = "The entry was removed.";
                        break;
                    default:
                        TempData["Success"] = "The family link was removed.";
                        break;
                }

                break;
        }

        return Redirect($"/clients/{id}");
    }

    private async Task<IActionResult> FormAsync<T>(T input, Func<Task<ClientHeading?>> heading)
        where T : ClientDetailInput
    {
        input.Client = await heading();
        return input.Client is null ? NotFound() : View(input);
    }

    private async Task<IActionResult> NotSavedAsync<T>(ClientChangeOutcome outcome, T input, Func<Task<ClientHeading?>> heading)
        where T : ClientDetailInput
    {
        if (outcome == ClientChangeOutcome.NotFound)
        {
            return NotFound();
        }

        ModelState.AddModelError("", l["Someone else changed this client at the same moment, so nothing was saved. Your entries are kept: save again."]);
        return await FormAsync(input, heading);
    }
}
