using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Web.Features.DeadlineRules;

public sealed record RuleRow(int Id, string Name, string Forum, string Procedure, TriggerEvent Trigger, ProceedingType? ProceedingType,
    CourtInstance? Instance, int Period, PeriodUnit Unit, string? LegalBasis, string? Notes, bool NeedsVerification, bool IsActive);

public sealed record RuleList(string? Forum, IReadOnlyList<RuleRow> Rows, int? NextAfter, int NeedingVerification);

/// <summary>The rules in the order they were made (the shipped ones grouped by forum), a page at a time, optionally of one forum.</summary>
public sealed class ListDeadlineRulesHandler(AppDbContext db)
{
    public const int PageSize = 50;

    public async Task<RuleList> HandleAsync(string? forum, int? after, CancellationToken ct = default)
    {
        var query = db.DeadlineRules.AsNoTracking();
        if (!string.IsNullOrEmpty(forum))
        {
            query = query.Where(r => r.Forum == forum);
        }

        var russian = SupportedLanguages.CurrentIsRussian;
        var needing = await db.DeadlineRules.CountAsync(r => r.NeedsVerification && r.IsActive, ct);
        var rows = await query
            .Where(r => after == null || r.Id > after)
            .OrderBy(r => r.Id)
            .TakeFixed(PageSize + 1)
            .Select(r => new RuleRow(r.Id, russian && r.NameRu != null ? r.NameRu : r.Name, r.Forum, r.Procedure, r.Trigger, r.ProceedingType, r.Instance, r.Period, r.Unit,
                russian && r.LegalBasisRu != null ? r.LegalBasisRu : r.LegalBasis, r.Notes, r.NeedsVerification, r.IsActive))
            .ToListAsync(ct);
        var next = rows.Count > PageSize ? rows[PageSize - 1].Id : (int?)null;
        return new RuleList(forum, rows.Take(PageSize).ToList(), next, needing);
    }
}
