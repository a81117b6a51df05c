using System.Runtime.CompilerServices;

namespace MigrantAid.Web.Data;

/// <summary>
/// Facts read through a context and kept for the rest of its request, so a page and its sections read them once
/// (issue 14). Contexts are pooled (ADR 0026): the memo belongs to one lease of a context, and a context leased again
/// for the next request starts with an empty one, so it never shows a fact older than the request.
/// </summary>
public sealed class RequestMemo<TValue>
{
    private readonly ConditionalWeakTable<AppDbContext, Lease> _leases = new();

    /// <summary>The values kept during the current lease of <paramref name="db"/> (a context serves one request at a time).</summary>
    public Dictionary<Guid, TValue> Of(AppDbContext db)
    {
        var lease = _leases.GetOrCreateValue(db);
        if (lease.Number != db.ContextId.Lease)
        {
            lease.Number = db.ContextId.Lease;
            lease.Values.Clear();
        }

        return lease.Values;
    }

    private sealed class Lease
    {
        public int Number { get; set; } = -1;

        public Dictionary<Guid, TValue> Values { get; } = [];
    }
}
