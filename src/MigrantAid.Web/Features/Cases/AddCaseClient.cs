using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared;
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
    public async Task<AddCaseClientInput?> LoadAsync(Guid id, string? name, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var (c, _) = await CaseGate.LoadAsync(db, authorization, user, id, CaseOperations.Edit, track: false, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var input = new AddCaseClientInput { Version = c.Version, Name = name?.Trim() };
        input.Describe(c);
        await SearchAsync(input, c, user, cancellationToken);
        return input;
    }

    public async Task<CaseChangeOutcome> HandleAsync(Guid id, AddCaseClientInput input, ClaimsPrincipal user, ModelStateDictionary modelState, CancellationToken cancellationToken = default)
    {
        var (c, result) = await CaseGate.LoadAsync(db, authorization, user, id, CaseOperations.Edit, track: true, cancellationToken);
        if (c is null)
        {
            return result == CaseGateResult.Forbidden ? CaseChangeOutcome.Forbidden : CaseChangeOutcome.NotFound;
        }

        input.Describe(c);
        var viewer = Viewer.From(user);
        if (input.ClientId is { } chosen
            && !await db.Clients.AsNoTracking().Where(ClientAccess.VisibleClients(viewer, db)).AnyAsync(x => x.Id == chosen, cancellationToken))
        {
            modelState.AddModelError(nameof(input.ClientId), l["Choose a client from the search results."]);
        }

        if (modelState.IsValid && c.Version != input.Version)
        {
            var current = await CaseSnapshot.ReadAsync(db, id, cancellationToken);
            input.ShowConflict(current!, modelState, l["Someone else changed this case while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead."]);
        }

        if (modelState.IsValid)
        {
            try
            {
                c.AddClient(input.ClientId!.Value, input.Role!.Value, user.Id(), clock.GetUtcNow());
            }
            catch (DomainException e)
            {
                var field = input.Role == CaseClientRole.Principal ? nameof(input.Role) : nameof(input.ClientId);
                modelState.AddModelError(field, l[e.Message]);
            }
        }

        if (!modelState.IsValid)
        {
            db.ChangeTracker.Clear();
            await SearchAsync(input, c, user, cancellationToken);
            return CaseChangeOutcome.Invalid;
        }

        var saved = await VersionedSave.SaveAsync(db, c, input.Version,
            () => audit.RecordAsync(CaseAuditActions.CaseClientAdded, "case", id.ToString(),
                new { field = "Clients", added = input.ClientId, role = input.Role.ToString() }, cancellationToken: cancellationToken),
            cancellationToken);
        if (!saved)
        {
            var current = await CaseSnapshot.ReadAsync(db, id, cancellationToken);
            if (current is null)
            {
                return CaseChangeOutcome.NotFound;
            }

            input.ShowConflict(current, modelState, l["Someone else changed this case while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead."]);
            await SearchAsync(input, c, user, cancellationToken);
            return CaseChangeOutcome.Conflict;
        }

        return CaseChangeOutcome.Saved;
    }

    private async Task SearchAsync(AddCaseClientInput input, Case c, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        input.OnCase = c.Clients.Select(x => x.ClientId).ToList();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            return;
        }

        input.Searched = true;
        input.Candidates = await ClientFinder.FindAsync(db, Viewer.From(user), input.Name, null, null, null, limit: 20, cancellationToken: cancellationToken);
    }
}
