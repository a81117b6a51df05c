using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Clients;

public sealed record ClientRow(
    Guid Id,
    string FullName,
    string? Patronymic,
    string LatinName,
    DateOnly? BirthDate,
    int? BirthYear,
    string? Citizenship,
    Vulnerability Vulnerabilities,
    ConsentStatus ConsentStatus,
    DateTimeOffset CreatedAt);

/// <summary>One page of clients; a search shows the best matches, ranked, on one page.</summary>
public sealed record ClientListPage(ListClientsQuery Query, IReadOnlyList<ClientRow> Rows, string? NextAfter, bool IsSearch)
{
    /// <summary>The situation filter applied, if any.</summary>
    public Vulnerability? Situation { get; init; }

    /// <summary>The link named a situation that is not one: it is ignored and said at the field.</summary>
    public bool UnknownSituation { get; init; }

    /// <summary>The typed name was over <see cref="ListClientsQuery.MaxSearchLength"/>: refused and said at the field, never cut.</summary>
    public bool SearchTooLong { get; init; }

    /// <summary>The "Previous page" position (the first row's key); null on the first page.</summary>
    public string? PreviousBefore { get; init; }

    public Shared.ListTotal? Total { get; init; }
}

/// <summary>
/// The clients the viewer may see: newest first by (created_at, id) keyset, or, with a search,
/// the best matches of <see cref="ClientFinder"/> across scripts and spellings.
/// </summary>
public sealed class ListClientsHandler(AppDbContext db, TimeProvider clock, Shared.ListTotalHandler totals)
{
    public const int PageSize = 25;

    public async Task<ClientListPage> HandleAsync(ListClientsQuery query, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var visible = db.Clients.AsNoTracking().Where(ClientAccess.VisibleClients(viewer, db));
        var situation = ClientSituation.Parse(query.Situation, out var knownSituation);
        if (situation is { } flag)
        {
            visible = visible.In(flag);
        }

        var search = query.Q?.Trim();
        var tooLong = search is { Length: > ListClientsQuery.MaxSearchLength };
        if (!string.IsNullOrEmpty(search) && !tooLong)
        {
            query.Q = search;
            query.After = null;
            return await SearchAsync(query, visible, search, viewer, cancellationToken) with { Situation = situation, UnknownSituation = !knownSituation };
        }

        if (query.ExpiringDays is { } days)
        {
            visible = await ExpiringAsync(visible, days, query.OfficeId, viewer, cancellationToken);
        }

        var total = await totals.CountAsync(visible, "client", cancellationToken);
        var backwards = false;
        if (TryParseAfter(query.After, out var afterAt, out var afterId))
        {
            // A row-value comparison, (created_at, id) < (at, id): the index on (created_at, id) is entered at that key.
            visible = visible.Where(c => EF.Functions.LessThan(ValueTuple.Create(c.CreatedAt, c.Id), ValueTuple.Create(afterAt, afterId)));
            query.Before = null;
        }
        else if (TryParseAfter(query.Before, out var beforeAt, out var beforeId))
        {
            // The previous page: the rows above the position, read upwards, then turned round.
            query.After = null;
            backwards = true;
            visible = visible.Where(c => EF.Functions.GreaterThan(ValueTuple.Create(c.CreatedAt, c.Id), ValueTuple.Create(beforeAt, beforeId)));
        }
        else
        {
            query.After = null;
            query.Before = null;
        }

        var ordered = backwards
            ? visible.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            : visible.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);
        var page = await Rows(ordered).TakeFixed(PageSize + 1).ToListAsync(cancellationToken);
        var more = page.Count > PageSize;
        if (more)
        {
            page.RemoveAt(PageSize);
        }

        if (backwards)
        {
            page.Reverse();
        }

        var next = page.Count > 0 && (more || backwards) ? FormatAfter(page[^1].CreatedAt, page[^1].Id) : null;
        var previous = page.Count > 0 && (backwards ? more : query.After is not null) ? FormatAfter(page[0].CreatedAt, page[0].Id) : null;
        return new ClientListPage(query, page, next, false) { PreviousBefore = previous, Total = total, Situation = situation, UnknownSituation = !knownSituation, SearchTooLong = tooLong };
    }

    /// <summary>The best matches of the typed name, ranked, on one page.</summary>
    private async Task<ClientListPage> SearchAsync(ListClientsQuery query, IQueryable<Client> visible, string search, Viewer viewer, CancellationToken cancellationToken)
    {
        var found = await ClientFinder.FindAsync(db, viewer, search, null, null, null, PageSize, cancellationToken);
        var ids = found.Select(f => f.Id).ToList();
        var rows = await Rows(visible.Where(c => ids.Contains(c.Id))).ToListAsync(cancellationToken);
        return new ClientListPage(query, rows.OrderBy(r => ids.IndexOf(r.Id)).ToList(), null, true)
        {
            Total = new Shared.ListTotal(rows.Count, false, totals.Cap, "client"),
        };
    }

    /// <summary>Clients of open cases (of one office, if given) with a document expiring within <paramref name="days"/> days of the office's today.</summary>
    private async Task<IQueryable<Client>> ExpiringAsync(IQueryable<Client> visible, int days, Guid? office, Viewer viewer, CancellationToken cancellationToken)
    {
        var today = (await OfficeTime.OfOfficeAsync(db, viewer.OfficeId ?? Guid.Empty, cancellationToken)).Today(clock.GetUtcNow());
        var last = today.AddDays(days);
        var openCases = db.Cases.Where(k => k.Status != Domain.Cases.CaseStatus.Closed && (office == null || k.OfficeId == office)).Select(k => k.Id);
        return visible.Where(c => c.Documents.Any(d => d.ExpiresOn >= today && d.ExpiresOn <= last)
            && db.CaseClients.Any(cc => cc.ClientId == c.Id && openCases.Contains(cc.CaseId)));
    }

    public static string FormatAfter(DateTimeOffset at, Guid id) =>
        at.UtcTicks.ToString(CultureInfo.InvariantCulture) + "_" + id.ToString("N");

    public static bool TryParseAfter(string? after, out DateTimeOffset at, out Guid id)
    {
        at = default;
        id = default;
        var parts = after?.Split('_');
        if (parts is not { Length: 2 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(parts[1], "N", out id))
        {
            return false;
        }

        at = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    private static IQueryable<ClientRow> Rows(IQueryable<Client> clients) =>
        clients.Select(c => new ClientRow(c.Id, c.FullName, c.Patronymic, c.LatinName, c.BirthDate, c.BirthYear, c.Citizenship,
            c.Vulnerabilities, c.ConsentStatus, c.CreatedAt));
}
