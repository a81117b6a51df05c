using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.International;

namespace MigrantAid.Web.Features.International.TreatyAcceptance;

public sealed record AcceptanceRow(int Id, string State, InternationalBody Body, TreatyProcedure Procedure, bool IsAccepted, int? SinceYear, string? Notes, bool NeedsVerification);

public sealed class AcceptanceListModel
{
    public string? State { get; init; }

    public InternationalBody? Body { get; init; }

    public bool VerifyOnly { get; init; }

    public IReadOnlyList<AcceptanceRow> Rows { get; init; } = [];

    /// <summary>The next page's keyset: "state.body.procedure" of the last row.</summary>
    public string? Next { get; init; }

    public string? After { get; init; }

    public bool CanEdit { get; init; }

    /// <summary>The list at <paramref name="list"/> (its address) with these filters, from <paramref name="after"/> (null: the first page).</summary>
    public string Page(string list, string? after = null)
    {
        var parts = new List<string>();
        if (State is not null)
        {
            parts.Add("state=" + State);
        }

        if (Body is { } body)
        {
            parts.Add("body=" + body);
        }

        if (VerifyOnly)
        {
            parts.Add("verify=true");
        }

        if (after is not null)
        {
            parts.Add("after=" + Uri.EscapeDataString(after));
        }

        return parts.Count == 0 ? list : list + "?" + string.Join('&', parts);
    }
}

/// <summary>The accepted procedures, by state, body and procedure (the unique index's order), in keyset pages.</summary>
public sealed class ListAcceptanceHandler(AppDbContext db)
{
    public const int PageSize = 50;

    public async Task<AcceptanceListModel> HandleAsync(string? state, string? body, bool verifyOnly, string? after, bool canEdit, CancellationToken cancellationToken = default)
    {
        state = string.IsNullOrWhiteSpace(state) ? null : state.Trim().ToUpperInvariant();
        if (state is not null && !Countries.IsKnown(state))
        {
            state = null;
        }

        InternationalBody? bodyFilter = Enum.TryParse<InternationalBody>(body, ignoreCase: true, out var b) && Enum.IsDefined(b) && !int.TryParse(body, out _) ? b : null;
        var query = db.AcceptedProcedures.AsNoTracking();
        if (state is not null)
        {
            query = query.Where(a => a.State == state);
        }

        if (bodyFilter is { } wanted)
        {
            query = query.Where(a => a.Body == wanted);
        }

        if (verifyOnly)
        {
            query = query.Where(a => a.NeedsVerification);
        }

        if (ParseKey(after) is { } key)
        {
            query = query.Where(a => EF.Functions.GreaterThan(ValueTuple.Create(a.State, a.Body, a.Procedure), ValueTuple.Create(key.State, key.Body, key.Procedure)));
        }

        var rows = await query
            .OrderBy(a => a.State).ThenBy(a => a.Body).ThenBy(a => a.Procedure)
            .TakeFixed(PageSize + 1)
            .Select(a => new AcceptanceRow(a.Id, a.State, a.Body, a.Procedure, a.IsAccepted, a.SinceYear, a.Notes, a.NeedsVerification))
            .ToListAsync(cancellationToken);
        string? next = null;
        if (rows.Count > PageSize)
        {
            rows.RemoveAt(PageSize);
            var last = rows[^1];
            next = string.Join('.', last.State, ((int)last.Body).ToString(CultureInfo.InvariantCulture), ((int)last.Procedure).ToString(CultureInfo.InvariantCulture));
        }

        return new AcceptanceListModel { State = state, Body = bodyFilter, VerifyOnly = verifyOnly, Rows = rows, Next = next, After = after, CanEdit = canEdit };
    }

    private static (string State, InternationalBody Body, TreatyProcedure Procedure)? ParseKey(string? key)
    {
        var parts = key?.Split('.');
        return parts is [var s, var b, var p]
            && int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var body)
            && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var procedure)
            ? (s, (InternationalBody)body, (TreatyProcedure)procedure)
            : null;
    }
}
