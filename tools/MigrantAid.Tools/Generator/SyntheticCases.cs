using System.Globalization;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using static MigrantAid.Tools.Generator.SyntheticRandom;

namespace MigrantAid.Tools.Generator;

/// <summary>
/// The rows of one case: its intake and people, its categories, who works it and where it stands, its timeline and
/// documents (through <see cref="SyntheticPeople"/>, <see cref="SyntheticIntakes"/> and <see cref="SyntheticDates"/>).
/// Cases come in date order, denser towards today (the caseload grows).
/// </summary>
internal sealed class SyntheticCases(SyntheticWorld world, SyntheticPeople people, SyntheticIntakes intakes, SyntheticDates dates)
{
    private readonly SyntheticDocuments _documents = new(world);

    private Random Rng => world.Rng;

    public SyntheticBatch GenerateBatch(int first, int count, int total)
    {
        var batch = new SyntheticBatch { FirstCase = first, CaseCount = count };
        for (var i = first; i < first + count; i++)
        {
            Generate(batch, i, total);
        }

        return batch;
    }

    private void Generate(SyntheticBatch b, int index, int total)
    {
        var c = Open(index, total);
        var (principal, group, surname) = Principal(b, c);
        var respondentsBefore = b.Respondents.Count;
        var intake = intakes.New(b, c.Office, principal, c.Categories, c.OpenedOn, c.InterviewAt, c.Caseworker, c.Urgent, c.InDetention, c.Expulsion, c.SeparatedChild);
        var respondent = b.Respondents.Count > respondentsBefore ? b.Respondents[respondentsBefore].Name : null;
        b.Intakes.Add(intake with
        {
            NoDocuments = c.Undocumented,
            Status = IntakeStatus.Accepted,
            DecidedAt = c.CreatedAt,
            DecidedBy = c.Office.Coordinator,
            UpdatedAt = c.CreatedAt,
        });

        var w = Work(c);
        var events = Timeline(b, c, w);
        b.Cases.Add(new CaseRow(w.Id, w.Reference, c.Office.Id, w.Year, w.Number, intake.Id, SyntheticText.Title(c.Categories[0], respondent, c.Office.Russian),
            w.Status, w.Priority, c.Urgent, w.Confidential, principal, w.CaseworkerId, w.Lead, c.OpenedOn, w.ClosedOn, w.Outcome,
            w.Closed ? SyntheticText.OutcomeNote(w.Outcome!.Value, c.Office.Russian) : null, c.CreatedAt, events[^1].OccurredAt));
        b.CaseClients.Add(new(w.Id, principal, CaseClientRole.Principal));
        foreach (var category in c.Categories)
        {
            b.CaseCategories.Add(new(w.Id, category.Id));
        }

        if (w.Lead is not null && c.Office.Lawyers.Length > 1 && Rng.NextDouble() < 0.06)
        {
            var further = c.Office.Lawyers[Rng.Next(c.Office.Lawyers.Length)];
            if (further != w.Lead)
            {
                b.CaseLawyers.Add(new(w.Id, further));
            }
        }

        AddFamily(b, c, w.Id, principal, group, surname);
        dates.Generate(b, c.Office, w.Id, c.OpenedOn, w.ClosedOn, c.CreatedAt, w.CaseworkerId, w.Lead, w.Worker);
        intakes.Others(b, c.Office, c.Categories, c.OpenedOn, c.CreatedAt, c.Caseworker, w.AgeDays);
    }

    /// <summary>When and where the case opens, who interviewed, what it is about.</summary>
    private CaseStart Open(int index, int total)
    {
        // Cases come in date order, denser towards today (the caseload grows): inverse of a linear density.
        var fraction = (index + 0.5) / total;
        var position = Math.Sqrt(1 + (3 * fraction)) - 1;
        var openedOn = world.Today.AddDays(-(int)Math.Round((1 - position) * (SyntheticDataGenerator.SpanDays - 1)));
        var office = world.Offices[Rng.PickWeighted(world.OfficeWeights)];
        var createdAt = Min(At(openedOn, Rng.Next(7 * 60, 19 * 60)), world.Now.AddMinutes(-Rng.Next(5, 120)));
        var interviewAt = createdAt.AddHours(-Rng.Next(2, 96));
        var caseworker = office.Caseworkers[Rng.Next(office.Caseworkers.Length)];
        var categories = Categories();
        var codes = categories.Select(c => c.Code).ToHashSet();
        var detention = codes.Any(c => c.StartsWith("detention.", StringComparison.Ordinal));
        var urgent = detention ? Rng.NextDouble() < 0.4 : Rng.NextDouble() < 0.03;
        var inDetention = urgent && (codes.Contains("detention.arbitrary") || codes.Contains("detention.centre"));
        var separatedChild = codes.Contains("detention.child-separated") || (urgent && codes.Contains("children.family-separation"));
        var undocumented = codes.Contains("documents.passport") || codes.Contains("documents.statelessness");
        return new CaseStart(office, openedOn, createdAt, interviewAt, caseworker, categories, codes, urgent, inDetention, separatedChild, undocumented);
    }

    /// <summary>Categories: a main one, sometimes a second from the same group or anywhere.</summary>
    private List<ComplaintCategory> Categories()
    {
        var main = world.Categories[Rng.PickWeighted(world.CategoryWeights)];
        var categories = new List<ComplaintCategory> { main };
        if (Rng.NextDouble() < 0.35)
        {
            var sameGroup = world.Categories.Where(c => c.GroupCode == main.GroupCode && c.Id != main.Id).ToList();
            if (sameGroup.Count > 0)
            {
                categories.Add(sameGroup[Rng.Next(sameGroup.Count)]);
            }
        }

        if (Rng.NextDouble() < 0.1)
        {
            var other = world.Categories[Rng.PickWeighted(world.CategoryWeights)];
            if (!categories.Contains(other))
            {
                categories.Add(other);
            }
        }

        return categories;
    }

    /// <summary>The principal: usually someone new, sometimes a client of the office coming back.</summary>
    private (Guid Principal, SyntheticNames.Group Group, string? Surname) Principal(SyntheticBatch b, CaseStart c)
    {
        if (c.Office.RecentClients > 100 && Rng.NextDouble() < 0.12)
        {
            var principal = c.Office.RecentClient(Rng);
            return (principal, world.PickGroup(), null);
        }

        var group = world.PickGroup();
        var vulnerabilities = (c.InDetention ? Vulnerability.Detained : 0) | (c.Undocumented ? Vulnerability.Undocumented : 0)
            | (c.Codes.Any(code => code.StartsWith("trafficking.", StringComparison.Ordinal)) ? Vulnerability.TraffickingVictim : 0);
        var (person, surname) = people.New(b, c.Office, group, null, PersonKind.Adult, vulnerabilities, c.InterviewAt, c.Caseworker,
            female: c.Codes.Contains("health.maternity-care") || c.Codes.Contains("labour.domestic-worker-abuse") ? true : null,
            pregnant: c.Codes.Contains("health.maternity-care"));
        c.Office.Remember(person);
        return (person, group, surname);
    }

    /// <summary>Who works it, and where it stands: the older the case, the likelier it is closed.</summary>
    private CaseWork Work(CaseStart c)
    {
        var ageDays = world.Today.DayNumber - c.OpenedOn.DayNumber;
        var closed = Rng.NextDouble() < Math.Clamp((ageDays - 30) / 365.0, 0, 0.97);
        Guid? caseworkerId = Rng.NextDouble() < 0.9 ? c.Caseworker : null;
        Guid? lead = Rng.NextDouble() < 0.85 ? c.Office.Lawyers[Rng.Next(c.Office.Lawyers.Length)] : null;
        var status = closed ? CaseStatus.Closed : lead is not null || Rng.NextDouble() < 0.3 ? CaseStatus.InProgress : CaseStatus.Open;
        var year = c.OpenedOn.Year;
        var number = world.Numbers.Next(c.Office.Id, year);
        var caseId = world.NewId();
        var reference = Case.FormatReference(c.Office.Prefix, year, number);
        var confidential = c.Codes.Any(code => code.StartsWith("trafficking.", StringComparison.Ordinal)) || Rng.NextDouble() < 0.015;
        var priority = c.Urgent ? CasePriority.Urgent : Rng.NextDouble() < 0.12 ? CasePriority.High : CasePriority.Normal;

        DateOnly? closedOn = null;
        CaseOutcome? outcome = null;
        var end = world.Now;
        if (closed)
        {
            closedOn = c.OpenedOn.AddDays(Math.Min(Rng.Next(7, 400), Math.Max(0, ageDays - 1)));
            outcome = (CaseOutcome)Rng.PickWeighted([30, 20, 15, 10, 15, 10]);
            end = Max(At(closedOn.Value, Rng.Next(9 * 60, 18 * 60)), c.CreatedAt.AddMinutes(30));
        }

        return new CaseWork(caseId, reference, year, number, ageDays, closed, caseworkerId, lead, status, confidential, priority, closedOn, outcome, end,
            lead ?? caseworkerId ?? c.Office.Coordinator);
    }

    /// <summary>The case's timeline in time order: opened, assigned, notes, documents, closed.</summary>
    private List<CaseEventRow> Timeline(SyntheticBatch b, CaseStart c, CaseWork w)
    {
        var coordinator = c.Office.Coordinator;
        var events = new List<CaseEventRow>
        {
            new(w.Id, c.CreatedAt, coordinator, CaseEventKind.Opened, null, null, $$"""{"reference":"{{w.Reference}}"}"""),
        };
        var t = Min(c.CreatedAt.AddMinutes(Rng.Next(5, 240)), w.End);
        if (w.CaseworkerId is not null || w.Lead is not null)
        {
            events.Add(new(w.Id, t, coordinator, CaseEventKind.Assigned, null, null,
                $$$"""{"before":{"caseworker":null,"lead":null,"lawyers":[]},"after":{"caseworker":{{{Json(w.CaseworkerId)}}},"lead":{{{Json(w.Lead)}}},"lawyers":[]}}"""));
        }

        if (w.Status != CaseStatus.Open && w.Lead is null)
        {
            events.Add(new(w.Id, t.AddMinutes(1), coordinator, CaseEventKind.StatusChanged, null, null, """{"from":"Open","to":"InProgress"}"""));
        }

        var span = Math.Max(0, (w.End - t).TotalMinutes);
        var notes = 0;
        while (notes < 6 && Rng.NextDouble() < 0.6)
        {
            notes++;
            var kind = (NoteKind)Rng.Next(5);
            events.Add(new(w.Id, t.AddMinutes(Rng.NextDouble() * span), kind == NoteKind.Interview && w.CaseworkerId is { } cw ? cw : w.Worker,
                CaseEventKind.Note, kind, SyntheticText.Note(Rng, c.Office.Russian), null));
        }

        _documents.Add(b, w.Id, w.Worker, t, span, events);
        if (w.Closed)
        {
            events.Add(new(w.Id, w.End, w.Worker, CaseEventKind.StatusChanged, null, SyntheticText.OutcomeNote(w.Outcome!.Value, c.Office.Russian),
                string.Create(CultureInfo.InvariantCulture, $$"""{"from":"InProgress","to":"Closed","outcome":"{{w.Outcome}}","closedOn":"{{w.ClosedOn:yyyy-MM-dd}}"}""")));
        }

        events.Sort((x, y) => x.OccurredAt.CompareTo(y.OccurredAt));
        b.CaseEvents.AddRange(events);
        return events;
    }

    /// <summary>Family members and co-complainants: the ~0.3 further people per case.</summary>
    private void AddFamily(SyntheticBatch b, CaseStart c, Guid caseId, Guid principal, SyntheticNames.Group group, string? surname)
    {
        if (Rng.NextDouble() >= 0.3)
        {
            return;
        }

        var extra = Rng.NextDouble() < 0.7 ? 1 : 2;
        for (var e = 0; e < extra; e++)
        {
            var family = Rng.NextDouble() < 0.6;
            if (family)
            {
                var relation = Rng.NextDouble() switch { < 0.5 => FamilyRelation.Child, < 0.85 => FamilyRelation.Spouse, _ => FamilyRelation.Sibling };
                var kind = relation == FamilyRelation.Child ? PersonKind.Child : PersonKind.Adult;
                var (member, _) = people.New(b, c.Office, group, surname, kind, c.SeparatedChild && kind == PersonKind.Child ? Vulnerability.Detained | Vulnerability.SeparatedChild : 0, c.InterviewAt, c.Caseworker);
                b.FamilyLinks.Add(new(principal, member, relation));
                b.FamilyLinks.Add(new(member, principal, relation.Inverse()));
                b.CaseClients.Add(new(caseId, member, CaseClientRole.FamilyMember));
            }
            else
            {
                var (coComplainant, _) = people.New(b, c.Office, world.PickGroup(), null, PersonKind.Adult, 0, c.InterviewAt, c.Caseworker);
                b.CaseClients.Add(new(caseId, coComplainant, CaseClientRole.CoComplainant));
            }
        }
    }

    private static string Json(Guid? id) => id is { } value ? "\"" + value.ToString() + "\"" : "null";

    /// <summary>What a case starts from: its office, day, interview, categories and the urgency they imply.</summary>
    private sealed record CaseStart(
        SyntheticOffice Office, DateOnly OpenedOn, DateTimeOffset CreatedAt, DateTimeOffset InterviewAt, Guid Caseworker, List<ComplaintCategory> Categories,
        HashSet<string> Codes, bool Urgent, bool InDetention, bool SeparatedChild, bool Undocumented)
    {
        public bool Expulsion => Urgent && !InDetention && !SeparatedChild;
    }

    /// <summary>Who works a case and where it stands; <paramref name="Worker"/> writes its notes and documents.</summary>
    private sealed record CaseWork(
        Guid Id, string Reference, int Year, int Number, int AgeDays, bool Closed, Guid? CaseworkerId, Guid? Lead, CaseStatus Status, bool Confidential,
        CasePriority Priority, DateOnly? ClosedOn, CaseOutcome? Outcome, DateTimeOffset End, Guid Worker);
}
