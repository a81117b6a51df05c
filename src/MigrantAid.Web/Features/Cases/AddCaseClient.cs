using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases;

public sealed class AddCaseClientInput : CaseFormInput
{
    /// <summary>The name searched for (any script or spelling).</summary>
    [StringLength(Domain.Clients.Client.NameMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Choose a client.")]
    [Display(Name = "Client")]
    public Guid? ClientId { get; set; }

    [Required(ErrorMessage = "Choose the client's role in the case.")]
    [Display(Name = "Role in the case")]
    public CaseClientRole? Role { get; set; } = CaseClientRole.FamilyMember;

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<ClientCandidate> Candidates { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<Guid> OnCase { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public bool Searched { get; set; }
}

/// <summary>Adds a family member or co-complainant, found with the client search, to a case.</summary>
public sealed class AddCaseClientHandler(AppDbContext db, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<AddCaseClientInput?> LoadAsync(Guid id, string? name, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (c, _) = await authorization.LoadCaseAsync(db, viewer, id, CaseOperations.Edit, track: false, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var input = new AddCaseClientInput { Version = c.Version, Name = name?.Trim() };
        input.Describe(c);
        await SearchAsync(input, c, viewer, cancellationToken);
        return input;
    }

    public async Task<FormOutcome> HandleAsync(Guid id, AddCaseClientInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var (c, result) = await authorization.LoadCaseAsync(db, viewer, id, CaseOperations.Edit, track: true, cancellationToken);
        if (c is null)
        {
            return FormOutcome.Refused(result);
        }

        input.Describe(c);
        if (input.ClientId is { } chosen
            && !await db.Clients.AsNoTracking().Where(ClientAccess.VisibleClients(viewer, db)).AnyAsync(x => x.Id == chosen, cancellationToken))
        {
            errors.Add(nameof(input.ClientId), l["Choose a client from the search results."]);
        }

        var outcome = errors.IsValid && c.Version != input.Version ? await ConflictAsync(id, input, cancellationToken) : null;
        if (outcome is null && errors.IsValid)
        {
            try
            {
                c.AddClient(input.ClientId!.Value, input.Role!.Value, viewer.UserId, clock.GetUtcNow());
            }
            catch (DomainException e)
            {
                var field = input.Role == CaseClientRole.Principal ? nameof(input.Role) : nameof(input.ClientId);
                errors.Add(field, l[e.Message]);
            }
        }

        if (outcome is null && errors.IsValid)
        {
            var saved = await VersionedSave.SaveAsync(db, c, input.Version,
                () => audit.RecordAsync(CaseAuditActions.CaseClientAdded, "case", id.ToString(),
                    new { field = "Clients", added = input.ClientId, role = input.Role.ToString() }, cancellationToken: cancellationToken),
                cancellationToken);
            outcome = saved ? FormOutcome.Saved() : await ConflictAsync(id, input, cancellationToken);
        }

        if (outcome?.IsSaved != true)
        {
            // The form is shown again: with the search it came from, on the case as stored.
            db.ChangeTracker.Clear();
            await SearchAsync(input, c, viewer, cancellationToken);
        }

        return outcome ?? FormOutcome.Invalid;
    }

    private Task<FormOutcome> ConflictAsync(Guid id, AddCaseClientInput input, CancellationToken cancellationToken) =>
        CaseSnapshot.ConflictAsync(db, id, input,
            l["Someone else changed this case while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead."], cancellationToken);

    private async Task SearchAsync(AddCaseClientInput input, Case c, Viewer viewer, CancellationToken cancellationToken)
    {
        input.OnCase = c.Clients.Select(x => x.ClientId).ToList();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            return;
        }

        input.Searched = true;
        input.Candidates = await ClientFinder.FindAsync(db, viewer, input.Name, null, null, null, limit: 20, cancellationToken: cancellationToken);
    }
}
