using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Clients;

/// <summary>Links a family member, found by name: stored in both directions, so each opens the other.</summary>
public sealed class LinkFamilyMemberInput : ClientDetailInput
{
    /// <summary>The name searched for (the form's search box).</summary>
    [StringLength(ListClientsQuery.MaxSearchLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Name of the family member")]
    public string? Q { get; set; }

    [Required(ErrorMessage = "Choose the family member.")]
    [Display(Name = "Family member")]
    public Guid? RelatedClientId { get; set; }

    [EnumDataType(typeof(FamilyRelation), ErrorMessage = "Choose a value from the list.")]
    [Display(Name = "Relation")]
    public FamilyRelation Relation { get; set; }

    [BindNever]
    public IReadOnlyList<ClientCandidate> Candidates { get; set; } = [];
}

public sealed class LinkFamilyMemberHandler(AppDbContext db, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int MaxCandidates = 10;

    private readonly ClientRecords _records = new(db, audit, clock);

    public Task<ClientHeading?> HeadingAsync(Guid id, Viewer viewer, CancellationToken cancellationToken) =>
        _records.HeadingAsync(viewer, id, cancellationToken);

    /// <summary>Clients the viewer may see matching the search, without this client and those already linked.</summary>
    public async Task<IReadOnlyList<ClientCandidate>> CandidatesAsync(Guid id, string? q, Viewer viewer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return [];
        }

        var linked = await db.FamilyLinks.AsNoTracking().Where(f => f.ClientId == id).Select(f => f.RelatedClientId).ToListAsync(cancellationToken);
        var found = await ClientFinder.FindAsync(db, viewer, q.Trim(), null, null, null, MaxCandidates + linked.Count + 1, cancellationToken);
        return found.Where(c => c.Id != id && !linked.Contains(c.Id)).Take(MaxCandidates).ToList();
    }

    /// <summary>Links both ways; a relative that is this client, not visible, or already linked is refused at the choice.</summary>
    public async Task<FormOutcome> HandleAsync(Guid id, LinkFamilyMemberInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var chosen = input.RelatedClientId;
        var visible = await _records.Visible(viewer).Where(c => c.Id == id || c.Id == chosen).Select(c => c.Id).ToListAsync(cancellationToken);
        if (!visible.Contains(id))
        {
            return FormOutcome.NotFound;
        }

        if (errors.IsValid && chosen is { } relatedId)
        {
            var refusal = relatedId == id ? l["A person cannot be linked to themself."]
                : !visible.Contains(relatedId) ? l["Choose the family member."]
                : await LinkAsync(id, relatedId, input.Relation, cancellationToken) ? null
                : l["These two people are already linked."];
            if (refusal is null)
            {
                return FormOutcome.Saved(id);
            }

            errors.Add(nameof(input.RelatedClientId), refusal);
        }

        return FormOutcome.Invalid;
    }

    /// <returns>False when the two are linked already.</returns>
    private async Task<bool> LinkAsync(Guid id, Guid relatedId, FamilyRelation relation, CancellationToken cancellationToken)
    {
        if (await db.FamilyLinks.AnyAsync(f => (f.ClientId == id && f.RelatedClientId == relatedId) || (f.ClientId == relatedId && f.RelatedClientId == id), cancellationToken))
        {
            return false;
        }

        db.FamilyLinks.Add(new FamilyLink(id, relatedId, relation));
        db.FamilyLinks.Add(new FamilyLink(relatedId, id, relation.Inverse()));
        try
        {
            await _records.SaveAsync(ClientAuditActions.Updated,
            [
                (id, ClientRecords.Changes([new("Family", null, $"{relation} {relatedId}")])),
                (relatedId, ClientRecords.Changes([new("Family", null, $"{relation.Inverse()} {id}")])),
            ], cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Someone linked the two at the same moment: the primary key keeps one link.
            db.ChangeTracker.Clear();
            return false;
        }

        return true;
    }
}
