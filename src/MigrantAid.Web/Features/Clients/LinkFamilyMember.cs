using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared;
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

public enum LinkFamilyOutcome
{
    Linked,
    NotFound,
    RelativeNotFound,
    Self,
    AlreadyLinked,
}

public sealed class LinkFamilyMemberHandler(AppDbContext db, IAuditLog audit, TimeProvider clock)
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

    public async Task<LinkFamilyOutcome> HandleAsync(Guid id, LinkFamilyMemberInput input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var relatedId = input.RelatedClientId!.Value;
        var visible = await _records.Visible(viewer).Where(c => c.Id == id || c.Id == relatedId).Select(c => c.Id).ToListAsync(cancellationToken);
        if (!visible.Contains(id))
        {
            return LinkFamilyOutcome.NotFound;
        }

        if (relatedId == id)
        {
            return LinkFamilyOutcome.Self;
        }

        if (!visible.Contains(relatedId))
        {
            return LinkFamilyOutcome.RelativeNotFound;
        }

        if (await db.FamilyLinks.AnyAsync(f => (f.ClientId == id && f.RelatedClientId == relatedId) || (f.ClientId == relatedId && f.RelatedClientId == id), cancellationToken))
        {
            return LinkFamilyOutcome.AlreadyLinked;
        }

        db.FamilyLinks.Add(new FamilyLink(id, relatedId, input.Relation));
        db.FamilyLinks.Add(new FamilyLink(relatedId, id, input.Relation.Inverse()));
        try
        {
            await _records.SaveAsync(ClientAuditActions.Updated,
            [
                (id, ClientRecords.Changes([new("Family", null, $"{input.Relation} {relatedId}")])),
                (relatedId, ClientRecords.Changes([new("Family", null, $"{input.Relation.Inverse()} {id}")])),
            ], cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Someone linked the two at the same moment: the primary key keeps one link.
            db.ChangeTracker.Clear();
            return LinkFamilyOutcome.AlreadyLinked;
        }

        return LinkFamilyOutcome.Linked;
    }
}
