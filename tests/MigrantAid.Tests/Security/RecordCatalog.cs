using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Cases.Deadlines;

namespace MigrantAid.Tests.Security;

/// <summary>
/// One stored record as a page sees it: the route values that name it, the case it belongs to (as
/// stored, with its lawyers: what the access rule reads), the client or intake it is, and its state
/// where a page depends on it.
/// </summary>
public sealed record RecordRow(RecordKind Kind, IReadOnlyDictionary<string, string> Values, Case? Case = null, Guid? ClientId = null, Guid? IntakeId = null, string? State = null)
{
    /// <summary>The page's URL: each {name:constraint} of the template filled with this record's value.</summary>
    public string Url(string template) =>
        string.Join('/', template.Split('/').Select(segment =>
            segment.StartsWith('{') ? Values[segment.Trim('{', '}').Split(':')[0]] : segment));
}

/// <summary>Every seeded record of every kind a record page can be about, read straight from the database.</summary>
public static class RecordCatalog
{
    public static async Task<ILookup<RecordKind, RecordRow>> LoadAsync(AppDbContext db)
    {
        var cases = await db.Cases.AsNoTracking().Include(c => c.Lawyers).ToDictionaryAsync(c => c.Id);
        var rows = new List<RecordRow>();
        rows.AddRange(cases.Values.Select(c => Row(RecordKind.Case, cases, c.Id, ("id", c.Id), ("caseId", c.Id))));
        rows.AddRange((await db.Clients.AsNoTracking().Select(c => c.Id).ToListAsync())
            .Select(id => new RecordRow(RecordKind.Client, Values(("id", id)), ClientId: id)));
        rows.AddRange((await db.Intakes.AsNoTracking().Select(i => new { i.Id, i.Status }).ToListAsync())
            .Select(i => new RecordRow(RecordKind.Intake, Values(("id", i.Id)), IntakeId: i.Id, State: i.Status.ToString())));
        rows.AddRange((await db.CaseDeadlines.AsNoTracking().Select(d => new { d.Id, d.CaseId }).ToListAsync())
            .Select(d => Row(RecordKind.Deadline, cases, d.CaseId, ("caseId", d.CaseId), ("deadlineId", d.Id))));
        rows.AddRange((await db.CaseDeadlines.AsNoTracking().Where(d => d.SourceType == RecordEventHandler.SourceType && d.SourceId != null)
                .Select(d => new { d.CaseId, EventId = d.SourceId!.Value }).Distinct().ToListAsync())
            .Select(e => Row(RecordKind.DeadlineEvent, cases, e.CaseId, ("caseId", e.CaseId), ("eventId", e.EventId))));
        rows.AddRange((await db.CourtProceedings.AsNoTracking().Select(p => new { p.Id, p.CaseId }).ToListAsync())
            .Select(p => Row(RecordKind.Proceeding, cases, p.CaseId, ("caseId", p.CaseId), ("id", p.Id))));
        rows.AddRange((await db.Hearings.AsNoTracking().Select(h => new { h.Id, h.ProceedingId, h.CaseId }).ToListAsync())
            .Select(h => Row(RecordKind.Hearing, cases, h.CaseId, ("caseId", h.CaseId), ("id", h.ProceedingId), ("hearingId", h.Id))));
        rows.AddRange((await db.CourtDecisions.AsNoTracking().Select(d => new { d.Id, d.ProceedingId, d.CaseId }).ToListAsync())
            .Select(d => Row(RecordKind.Decision, cases, d.CaseId, ("caseId", d.CaseId), ("id", d.ProceedingId), ("decisionId", d.Id))));
        rows.AddRange((await db.InternationalSubmissions.AsNoTracking().Select(s => new { s.Id, s.CaseId }).ToListAsync())
            .Select(s => Row(RecordKind.Submission, cases, s.CaseId, ("caseId", s.CaseId), ("id", s.Id))));
        rows.AddRange((await db.CaseDocuments.AsNoTracking().Select(d => new { d.Id, d.CaseId }).ToListAsync())
            .Select(d => Row(RecordKind.Document, cases, d.CaseId, ("id", d.CaseId), ("documentId", d.Id))));
        rows.AddRange(Plain(RecordKind.Office, await db.Offices.AsNoTracking().Select(o => o.Id.ToString()).ToListAsync()));
        rows.AddRange(Plain(RecordKind.User, await db.Users.AsNoTracking().Select(u => u.Id.ToString()).ToListAsync()));
        rows.AddRange(Plain(RecordKind.Category, await db.ComplaintCategories.AsNoTracking().Select(c => c.Id.ToString(CultureInfo.InvariantCulture)).ToListAsync()));
        rows.AddRange(Plain(RecordKind.DeadlineRule, await db.DeadlineRules.AsNoTracking().Select(r => r.Id.ToString(CultureInfo.InvariantCulture)).ToListAsync()));
        rows.AddRange(Plain(RecordKind.Recommendation, await db.Recommendations.AsNoTracking().Select(r => r.Id.ToString(CultureInfo.InvariantCulture)).ToListAsync()));
        rows.AddRange(Plain(RecordKind.TreatyAcceptance, await db.AcceptedProcedures.AsNoTracking().Select(p => p.Id.ToString(CultureInfo.InvariantCulture)).ToListAsync()));
        rows.AddRange((await db.Set<Web.Domain.Exports.OrganisationExport>().AsNoTracking().Select(e => new { e.Id, e.Status }).ToListAsync())
            .Select(e => new RecordRow(RecordKind.Export, Values(("id", e.Id)), State: e.Status.ToString())));
        return rows.ToLookup(r => r.Kind);
    }

    private static RecordRow Row(RecordKind kind, Dictionary<Guid, Case> cases, Guid caseId, params (string Name, Guid Value)[] values) =>
        new(kind, Values(values), cases[caseId]);

    private static IEnumerable<RecordRow> Plain(RecordKind kind, IEnumerable<string> ids) =>
        ids.Select(id => new RecordRow(kind, new Dictionary<string, string> { ["id"] = id }));

    private static Dictionary<string, string> Values(params (string Name, Guid Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value.ToString());
}
