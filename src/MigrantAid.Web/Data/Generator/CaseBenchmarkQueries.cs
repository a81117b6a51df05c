using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Cases.CaseList;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Data.Generator;

/// <summary>
/// The queries the case list, the search and the case page issue, written with the same LINQ (so EF
/// produces the same SQL) as the handlers of the case-list and case-file features: the visible cases
/// of <see cref="CaseAccess"/>, narrowed by <c>IN (subquery)</c> filters and unions, keyset-ordered on
/// (opened_on, id), cut at 26 rows and then joined to client, office and lead lawyer; the case page
/// loads the case with its clients and lawyers (split query), then office, clients, categories,
/// intake with respondents, documents, staff names, 51 timeline events, and writes its audit row.
/// When those handlers change shape, change these with them (or call the handlers directly).
/// </summary>
internal static partial class CaseBenchmarkQueries
{
    public const int PageSize = 25;

    public sealed record ListRow(Guid Id, string Reference, string Title, string Client, CaseStatus Status, CasePriority Priority, string Office, string? Lead, DateOnly OpenedOn);

    /// <summary>One page of the case list: filters, search, "My cases", keyset position.</summary>
    /// <param name="everyWord">
    /// The proposed search instead of the app's: a name must match every typed word (of 3+ letters)
    /// rather than the whole phrase, and text shaped like a reference is looked up only as a reference.
    /// </param>
    public static Task<List<ListRow>> ListAsync(
        AppDbContext db, Viewer viewer, bool mineOnly, CaseStatus? status, Guid? officeId, string? search, (DateOnly OpenedOn, Guid Id)? after,
        bool everyWord = false)
    {
        var cases = db.Cases.AsNoTracking().Where(CaseAccess.VisibleCases(viewer, db));
        if (mineOnly)
        {
            var mine = CaseListSearch.AssignedTo(db, viewer.UserId);
            cases = cases.Where(c => mine.Contains(c.Id));
        }

        if (status is { } s)
        {
            cases = cases.Where(c => c.Status == s);
        }

        if (officeId is { } office)
        {
            cases = cases.Where(c => c.OfficeId == office);
        }

        if (search is not null)
        {
            var found = everyWord ? MatchingEveryWord(db, viewer, search) : CaseListSearch.Matching(db, viewer, search);
            cases = cases.Where(c => found.Contains(c.Id));
        }

        if (after is { } position)
        {
            cases = cases.Where(c => EF.Functions.LessThan(ValueTuple.Create(c.OpenedOn, c.Id), ValueTuple.Create(position.OpenedOn, position.Id)));
        }

        var cut = cases.OrderByDescending(c => c.OpenedOn).ThenByDescending(c => c.Id).Take(PageSize + 1);
        return (
                from c in cut
                join cl in db.Clients on c.PrincipalClientId equals cl.Id
                join o in db.Offices on c.OfficeId equals o.Id
                select new ListRow(
                    c.Id, c.Reference, c.Title, cl.FullName, c.Status, c.Priority, o.Name,
                    db.Users.Where(u => u.Id == c.LeadLawyerId).Select(u => u.FullName).FirstOrDefault(),
                    c.OpenedOn))
            .ToListAsync();
    }

    /// <summary>Everything the case page reads, and its audit row.</summary>
    public static async Task<int> CasePageAsync(AppDbContext db, Viewer viewer, Guid id)
    {
        var c = await db.Cases.Include(x => x.Lawyers).Include(x => x.Clients).AsSplitQuery().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (c is null || !CaseAccess.CanView(c, viewer))
        {
            return 0;
        }

        var office = await db.Offices.AsNoTracking().Where(o => o.Id == c.OfficeId).Select(o => new { o.Name, o.TimeZoneId }).FirstAsync();
        var clientIds = c.Clients.Select(x => x.ClientId).ToList();
        var clients = await db.Clients.AsNoTracking().Where(x => clientIds.Contains(x.Id)).Select(x => new { x.Id, x.FullName, x.Patronymic }).ToListAsync();
        var categories = await db.CaseCategories.AsNoTracking().Where(x => x.CaseId == id)
            .Join(db.ComplaintCategories, x => x.CategoryId, k => k.Id, (x, k) => k)
            .OrderBy(k => k.SortOrder)
            .Select(k => k.NameEn)
            .ToListAsync();
        var intake = await db.Intakes.AsNoTracking().Include(i => i.Respondents).FirstOrDefaultAsync(i => i.Id == c.IntakeId);
        var documents = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == id)
            .OrderByDescending(d => d.UploadedAt).ThenBy(d => d.Id)
            .Take(200)
            .ToListAsync();
        var staff = c.Lawyers.Select(l => l.UserId).Concat(documents.Select(d => d.UploadedBy))
            .Concat(new[] { c.CaseworkerId, c.LeadLawyerId }.Where(x => x is not null).Select(x => x!.Value))
            .Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => staff.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName);

        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderByDescending(e => e.Id).Take(51).ToListAsync();
        var actors = events.Select(e => e.ActorId).Distinct().ToList();
        var actorNames = await db.Users.AsNoTracking().Where(u => actors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName);

        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = DateTimeOffset.UtcNow,
            ActorId = viewer.UserId,
            Action = "case.viewed",
            EntityType = "case",
            EntityId = id.ToString(),
            Details = $$"""{"reference":"{{c.Reference}}"}""",
        });
        await db.SaveChangesAsync();
        return office.Name.Length + clients.Count + categories.Count + (intake?.Respondents.Count ?? 0) + names.Count + events.Count + actorNames.Count;
    }


    /// <summary>The proposal: every word of the name must be word-similar, so two words narrow the set instead of widening it.</summary>
    private static IQueryable<Guid> MatchingEveryWord(AppDbContext db, Viewer viewer, string search)
    {
        var referencePrefix = search.ToUpperInvariant();
        var found = db.Cases.Where(c => c.Reference.StartsWith(referencePrefix)).Select(c => c.Id);
        if (ReferenceShape().IsMatch(search.Trim()))
        {
            return found;
        }

        var words = Transliteration.MatchKey(search).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var significant = words.Where(w => w.Length >= 3).ToList();
        if (significant.Count == 0)
        {
            significant = words.Where(w => w.Length >= 2).ToList();
        }

        if (significant.Count == 0)
        {
            return found;
        }

        var clients = db.Clients.AsQueryable();
        var respondents = db.Respondents.AsQueryable();
        foreach (var word in significant)
        {
            clients = clients.Where(cl => EF.Functions.TrigramsAreWordSimilar(word, cl.SearchKey));
            respondents = respondents.Where(r => EF.Functions.TrigramsAreWordSimilar(word, r.SearchKey));
        }

        if (viewer.IsCoordinator)
        {
            var ids = clients.Select(cl => cl.Id);
            found = found.Union(db.CaseClients.Where(cc => ids.Contains(cc.ClientId)).Select(cc => cc.CaseId));
        }
        else
        {
            var consenting = clients.Where(cl => cl.ConsentStatus != ConsentStatus.Withdrawn).Select(cl => cl.Id);
            var withdrawn = clients.Where(cl => cl.ConsentStatus == ConsentStatus.Withdrawn).Select(cl => cl.Id);
            var mine = CaseListSearch.AssignedTo(db, viewer.UserId);
            found = found
                .Union(db.CaseClients.Where(cc => consenting.Contains(cc.ClientId)).Select(cc => cc.CaseId))
                .Union(db.CaseClients.Where(cc => withdrawn.Contains(cc.ClientId) && mine.Contains(cc.CaseId)).Select(cc => cc.CaseId));
        }

        var intakes = respondents.Select(r => r.IntakeId);
        return found.Union(db.Cases.Where(c => intakes.Contains(c.IntakeId)).Select(c => c.Id));
    }

    /// <summary>"SPB-2026-0042", "SPB-2026-00", "spb-2026": an office code, a year, perhaps the start of a number.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z]{2,5}-\d{4}(-\d*)?$")]
    private static partial System.Text.RegularExpressions.Regex ReferenceShape();

}
