using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure;

namespace MigrantAid.Web.Features.Cases;

public sealed record TimelineStatus(string From, string To, string? Outcome, DateOnly? ClosedOn);

public sealed record TimelineAssignment(
    string? CaseworkerBefore, string? CaseworkerAfter, string? LeadBefore, string? LeadAfter,
    IReadOnlyList<string> LawyersBefore, IReadOnlyList<string> LawyersAfter);

public sealed record TimelineChange(string Field, string? Old, string? New);

public sealed record TimelineClientAdded(Guid ClientId, string Name, string Role);

/// <summary>One line of the timeline, with the people named and the instant in the office's time zone.</summary>
public sealed record TimelineEntry(
    long Id,
    CaseEventKind Kind,
    NoteKind? NoteKind,
    string? Text,
    DateTime When,
    string Actor,
    TimelineStatus? Status,
    TimelineAssignment? Assignment,
    IReadOnlyList<TimelineChange> Changes,
    TimelineClientAdded? ClientAdded,
    string? FileName,
    string? Reference);

/// <summary>One line of the page: an event of the case's own history, or a record of its legal work.</summary>
public sealed record TimelineItem(TimelineEntry? Event, TimelineRecord? Record);

public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Entries, long? OlderBefore)
{
    /// <summary>The events and the records of the page's window, newest first.</summary>
    public IReadOnlyList<TimelineItem> Items { get; init; } = Entries.Select(e => new TimelineItem(e, null)).ToList();
}

/// <summary>
/// Reads a case's timeline newest first, a page at a time by keyset on the event id
/// (index (case_id, id)), and turns each event's JSON details into named, displayable facts.
/// Records of proceedings, hearings, decisions, submissions and deadlines are merged in by the instant they were
/// recorded: a page holds those that fall between its oldest event and the newest event of the page before it.
/// </summary>
public static class CaseTimeline
{
    public const int PageSize = 50;

    /// <param name="alsoNamed">People the caller will name too: read with the timeline's, in one statement.</param>
    /// <param name="knownClients">Client names the caller already read (the case's clients): not read again.</param>
    public static async Task<TimelinePage> ReadAsync(AppDbContext db, Guid caseId, long? before, OfficeTime time, IEnumerable<Guid>? alsoNamed = null,
        IReadOnlyDictionary<Guid, string>? knownClients = null, CancellationToken cancellationToken = default)
    {
        var query = db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId);
        if (before is { } key)
        {
            query = query.Where(e => e.Id < key);
        }

        var events = await query.OrderByDescending(e => e.Id).TakeFixed(PageSize + 1).ToListAsync(cancellationToken);
        var older = events.Count > PageSize ? events[PageSize - 1].Id : (long?)null;
        events = events.Take(PageSize).ToList();
        var records = await CaseRecordTimeline.ReadAsync(db, caseId, await WindowAsync(db, caseId, before, older is null ? null : events[^1], cancellationToken), cancellationToken);

        var parsed = events.Select(e => (Event: e, Details: Parse(e.Details))).ToList();
        var userIds = new HashSet<Guid>(events.Select(e => e.ActorId).Concat(records.Select(r => r.ActorId)).Concat(alsoNamed ?? []));
        var clientIds = new HashSet<Guid>();
        foreach (var (e, details) in parsed)
        {
            if (details is not { } d)
            {
                continue;
            }

            if (e.Kind == CaseEventKind.Assigned)
            {
                foreach (var side in new[] { "before", "after" })
                {
                    if (d.TryGetProperty(side, out var s) && s.ValueKind == JsonValueKind.Object)
                    {
                        AddGuid(userIds, s, "caseworker");
                        AddGuid(userIds, s, "lead");
                        if (s.TryGetProperty("lawyers", out var lawyers) && lawyers.ValueKind == JsonValueKind.Array)
                        {
                            foreach (var l in lawyers.EnumerateArray())
                            {
                                if (l.TryGetGuid(out var g))
                                {
                                    userIds.Add(g);
                                }
                            }
                        }
                    }
                }
            }
            else if (e.Kind == CaseEventKind.Changed)
            {
                AddGuid(clientIds, d, "added");
            }
        }

        var users = await StaffDirectory.NamesAsync(db, userIds, cancellationToken);
        knownClients ??= new Dictionary<Guid, string>();
        var clients = clientIds.All(knownClients.ContainsKey)
            ? knownClients.Where(k => clientIds.Contains(k.Key)).ToDictionary()
            : await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => c.Patronymic == null ? c.FullName : c.FullName + " " + c.Patronymic, cancellationToken);

        string Name(Guid? id) => id is { } g ? users.GetValueOrDefault(g, "?") : "";

        var entries = parsed.Select(p => ToEntry(p.Event, p.Details, time, Name, clients)).ToList();
        return new TimelinePage(entries, older) { Items = Merge(events, entries, records, time, Name) };
    }

    /// <summary>From the oldest event shown (when older pages follow) until the newest event of the page before.</summary>
    private static async Task<TimelineWindow> WindowAsync(AppDbContext db, Guid caseId, long? before, CaseEvent? oldestShown, CancellationToken cancellationToken)
    {
        var until = before is { } key
            ? await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId && e.Id == key).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new TimelineWindow(oldestShown?.OccurredAt ?? TimelineWindow.Earliest, until ?? TimelineWindow.Latest);
    }

    /// <summary>Events (newest first by id) and records (newest first) in one list; at the same instant the event comes first.</summary>
    private static List<TimelineItem> Merge(List<CaseEvent> events, List<TimelineEntry> entries, IReadOnlyList<CaseRecord> records, OfficeTime time, Func<Guid?, string> name)
    {
        var items = new List<TimelineItem>(entries.Count + records.Count);
        var r = 0;
        for (var e = 0; e < entries.Count; e++)
        {
            for (; r < records.Count && records[r].At > events[e].OccurredAt; r++)
            {
                items.Add(new TimelineItem(null, Shown(records[r], time, name)));
            }

            items.Add(new TimelineItem(entries[e], null));
        }

        items.AddRange(records.Skip(r).Select(x => new TimelineItem(null, Shown(x, time, name))));
        return items;
    }

    private static TimelineRecord Shown(CaseRecord r, OfficeTime time, Func<Guid?, string> name) =>
        new(r.Kind, time.Local(r.At), name(r.ActorId), r.Court, r.Instance, r.Outcome, r.Body, r.Title, r.On,
            r.StartsAt is { } startsAt ? time.Local(startsAt) : null);

    private static TimelineEntry ToEntry(CaseEvent e, JsonElement? details, OfficeTime time, Func<Guid?, string> name, IReadOnlyDictionary<Guid, string> clients)
    {
        TimelineStatus? status = null;
        TimelineAssignment? assignment = null;
        var changes = new List<TimelineChange>();
        TimelineClientAdded? clientAdded = null;
        string? fileName = null;
        string? reference = null;

        if (details is { } d)
        {
            switch (e.Kind)
            {
                case CaseEventKind.StatusChanged:
                    status = new TimelineStatus(
                        String(d, "from") ?? "", String(d, "to") ?? "", String(d, "outcome"),
                        DateOnly.TryParse(String(d, "closedOn"), System.Globalization.CultureInfo.InvariantCulture, out var closed) ? closed : null);
                    break;
                case CaseEventKind.Assigned:
                    var before = d.TryGetProperty("before", out var b) ? b : default;
                    var after = d.TryGetProperty("after", out var a) ? a : default;
                    assignment = new TimelineAssignment(
                        NameOf(before, "caseworker", name), NameOf(after, "caseworker", name),
                        NameOf(before, "lead", name), NameOf(after, "lead", name),
                        Names(before, name), Names(after, name));
                    break;
                case CaseEventKind.Changed:
                    if (d.TryGetProperty("changes", out var list) && list.ValueKind == JsonValueKind.Array)
                    {
                        changes.AddRange(list.EnumerateArray().Select(c => new TimelineChange(String(c, "field") ?? "", Text(c, "old"), Text(c, "new"))));
                    }
                    else if (d.TryGetProperty("added", out var added) && added.TryGetGuid(out var clientId))
                    {
                        clientAdded = new TimelineClientAdded(clientId, clients.GetValueOrDefault(clientId, "?"), String(d, "role") ?? "");
                    }

                    break;
                case CaseEventKind.DocumentAdded:
                    fileName = String(d, "fileName");
                    break;
                case CaseEventKind.Opened:
                    reference = String(d, "reference");
                    break;
            }
        }

        return new TimelineEntry(e.Id, e.Kind, e.NoteKind, e.Text, time.Local(e.OccurredAt), name(e.ActorId),
            status, assignment, changes, clientAdded, fileName, reference);
    }

    private static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static void AddGuid(HashSet<Guid> ids, JsonElement element, string property)
    {
        if (element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetGuid(out var id))
        {
            ids.Add(id);
        }
    }

    private static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>An old or new value as text: strings as they are, booleans as "true"/"false", null as null.</summary>
    private static string? Text(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
    }

    private static string? NameOf(JsonElement side, string property, Func<Guid?, string> name) =>
        side.ValueKind == JsonValueKind.Object && side.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetGuid(out var id)
            ? name(id)
            : null;

    private static IReadOnlyList<string> Names(JsonElement side, Func<Guid?, string> name) =>
        side.ValueKind == JsonValueKind.Object && side.TryGetProperty("lawyers", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(l => l.ValueKind == JsonValueKind.String && l.TryGetGuid(out _)).Select(l => name(l.GetGuid())).ToList()
            : [];
}
