using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Offices;

[Authorize(Policy = Policies.Admin)]
[Route("offices")]
public sealed class OfficesController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? after, [FromServices] ListOfficesHandler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(after, cancellationToken));

    [HttpGet("create")]
    public IActionResult Create() => View(new CreateOfficeInput());

    [HttpPost("create")]
    public Task<IActionResult> Create(CreateOfficeInput input, [FromServices] CreateOfficeHandler handler, CancellationToken cancellationToken) =>
        this.SubmitAsync(input, errors => handler.HandleAsync(input, errors, cancellationToken), List(), "The office was created.");

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, [FromServices] EditOfficeHandler handler, CancellationToken cancellationToken)
    {
        var input = await handler.LoadAsync(id, cancellationToken);
        return input is null ? NotFound() : View(input);
    }

    [HttpPost("{id:guid}/edit")]
    public Task<IActionResult> Edit(Guid id, EditOfficeInput input, [FromServices] EditOfficeHandler handler, CancellationToken cancellationToken) =>
        this.SubmitAsync(input, errors => handler.HandleAsync(id, input, errors, cancellationToken), List(), "The office was saved.");

    private string List() => Url.Action(nameof(Index))!;
}
