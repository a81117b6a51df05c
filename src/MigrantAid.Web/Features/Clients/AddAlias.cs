using System.ComponentModel.DataAnnotations;
using MigrantAid.Web.Data;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Clients;

/// <summary>Another spelling of the name (a passport's, a patent's), used by search and duplicate checks.</summary>
public sealed class AddAliasInput : ClientDetailInput
{
    public const int NoteMaxLength = 200;

    [Required(ErrorMessage = "Enter the spelling.")]
    [StringLength(Domain.Clients.Client.NameMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Other spelling")]
    public string Name { get; set; } = "";

    [StringLength(NoteMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Where it is written (e.g. passport)")]
    public string? Note { get; set; }
}

public sealed class AddAliasHandler(AppDbContext db, IAuditLog audit, TimeProvider clock)
{
    private readonly ClientRecords _records = new(db, audit, clock);

    public Task<ClientHeading?> HeadingAsync(Guid id, Viewer viewer, CancellationToken cancellationToken) =>
        _records.HeadingAsync(viewer, id, cancellationToken);

    public async Task<ClientChangeOutcome> HandleAsync(Guid id, AddAliasInput input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var client = await _records.LoadAsync(viewer, id, cancellationToken);
        if (client is null)
        {
            return ClientChangeOutcome.NotFound;
        }

        var alias = client.AddAlias(input.Name, ClientFields.Blank(input.Note));
        client.Touch(_records.Now);
        var saved = await _records.SaveAsync(ClientAuditActions.Updated, id,
            ClientRecords.Changes([new("Aliases", null, alias.Name)]), cancellationToken);
        return saved ? ClientChangeOutcome.Saved : ClientChangeOutcome.Conflict;
    }
}
