using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Exports;
using MigrantAid.Web.Domain.Lists;

namespace MigrantAid.Web.Data;

/// <summary>
/// What users typed that may name a person (issue 15; docs/adr/0024-search-words-go-with-the-people-they-name.md):
/// a saved filter's name and search, an export approval's search, description and reason, and the search and
/// reason kept in the audit entries of exports. When anonymisation clears names, every such text holding one of
/// their match-key words goes in the same transaction: saved filters and export approvals are deleted (a search
/// for a person no longer on file finds nothing, and an approval of it is withdrawn rather than widened), the
/// audit entries keep everything but the typed text (through the owner's function of 0033). A word shared with
/// other people (a common surname) removes their texts as well: the portal cannot tell which person was meant.
/// </summary>
public static class SearchTexts
{
    /// <summary>The audit actions whose details hold a typed search ("q", or "q=" in "filters") or a reason.</summary>
    public static readonly IReadOnlyList<string> AuditActions =
        ["case.exported", "export.approval-requested", "export.approved", "export.refused", "export.approved-downloaded"];

    /// <summary>Removes the texts that hold any of the cleared words; returns how many records changed.</summary>
    public static async Task<int> RedactAsync(AppDbContext db, IReadOnlyCollection<string> clearedWords, CancellationToken cancellationToken)
    {
        if (clearedWords.Count == 0)
        {
            return 0;
        }

        var cleared = clearedWords.ToLookup(w => w[..Math.Min(3, w.Length)], StringComparer.Ordinal);
        bool Names(string? text) =>
            !string.IsNullOrWhiteSpace(text) && Transliteration.MatchKey(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Any(typed => cleared[typed[..Math.Min(3, typed.Length)]].Any(word => SameName(typed, word)));

        var filters = (await db.Set<SavedFilter>().ToListAsync(cancellationToken))
            .Where(f => Names(f.Name) || Names(Search(f.Query))).ToList();
        var approvals = (await db.Set<ExportApproval>().ToListAsync(cancellationToken))
            .Where(a => Names(Search(a.Filters)) || Names(a.FilterText) || Names(a.Reason)).ToList();
        db.RemoveRange(filters);
        db.RemoveRange(approvals);
        await db.SaveChangesAsync(cancellationToken);

        var entries = await db.AuditEvents.AsNoTracking()
            .Where(e => AuditActions.Contains(e.Action) && e.Details != null)
            .Select(e => new { e.Id, e.Details })
            .ToListAsync(cancellationToken);
        var named = entries.Where(e => AuditTexts(e.Details!).Any(Names)).Select(e => e.Id).ToArray();
        var redacted = named.Length == 0 ? 0L
            : (await db.Database.SqlQuery<long>($"SELECT audit_events_redact_search({named}) AS \"Value\"").ToListAsync(cancellationToken)).Single();
        return filters.Count + approvals.Count + (int)redacted;
    }

    /// <summary>
    /// A typed word names the cleared word when it is that word, or, for words of five letters or more, the same
    /// word with another ending of at most two letters more or fewer: a name declined in a Russian sentence
    /// ("Рахимова", "Рахимовой" for Rahimov) or with an English possessive ("Rahimov's").
    /// </summary>
    public static bool SameName(string typed, string word)
    {
        if (typed == word)
        {
            return true;
        }

        var stem = word.Length - 2;
        return word.Length >= 5 && typed.Length >= stem && typed.Length <= word.Length + 3
            && typed.AsSpan().CommonPrefixLength(word) >= stem;
    }

    /// <summary>The typed search ("q") of a list's query string, with or without its leading "?".</summary>
    public static string? Search(string query)
    {
        var mark = query.IndexOf('?', StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(mark >= 0 ? query[(mark + 1)..] : query).TryGetValue("q", out var q) ? q.ToString() : null;
    }

    private static IEnumerable<string?> AuditTexts(string details)
    {
        using var json = System.Text.Json.JsonDocument.Parse(details);
        if (json.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var name in new[] { "q", "reason", "filters" })
        {
            if (json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                var text = value.GetString();
                yield return name == "filters" && text is not null ? Search(text) : text;
            }
        }
    }
}
