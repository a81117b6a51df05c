using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases.Proceedings;

/// <summary>Adds a proceeding to a case or changes one, keeping the chain of instances sound.</summary>
public sealed class EditProceedingHandler(AppDbContext db, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private const int MaxProceedings = 200;

    public async Task<ProceedingInput?> LoadAsync(Guid caseId, Guid? id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (c, time) = await ProceedingAccess.OpenAsync(db, authorization, viewer, caseId, cancellationToken);
        if (c is null)
        {
            return null;
        }

        ProceedingInput input;
        if (id is { } proceedingId)
        {
            var p = await db.CourtProceedings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == proceedingId && x.CaseId == caseId, cancellationToken);
            if (p is null)
            {
                return null;
            }

            input = new ProceedingInput
            {
                Version = p.Version,
                Jurisdiction = p.Jurisdiction,
                Court = p.Court,
                Instance = p.Instance,
                Type = p.Type,
                CourtCaseNumber = p.CourtCaseNumber,
                Judge = p.Judge,
                Subject = p.Subject,
                ClientRole = p.ClientRole,
                OpenedOn = p.OpenedOn,
                ClosedOn = p.ClosedOn,
                ChallengesId = p.ChallengesId,
            };
        }
        else
        {
            var country = await db.Offices.AsNoTracking().Where(o => o.Id == c.OfficeId).Select(o => o.CountryCode).FirstOrDefaultAsync(cancellationToken);
            input = new ProceedingInput { Jurisdiction = Countries.IsKnown(country) ? country : null, OpenedOn = time.Today(clock.GetUtcNow()) };
        }

        await DescribeAsync(input, c, time, id, cancellationToken);
        await audit.RecordAsync(ProceedingAuditActions.ProceedingViewed, id is null ? "case" : "proceeding", (id ?? caseId).ToString(),
            new { caseId, form = id is null ? "new" : "edit" }, cancellationToken: cancellationToken);
        return input;
    }

    public async Task<FormOutcome> SaveAsync(Guid caseId, Guid? id, ProceedingInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var (c, time) = await ProceedingAccess.OpenAsync(db, authorization, viewer, caseId, cancellationToken);
        if (c is null)
        {
            return FormOutcome.NotFound;
        }

        CourtProceeding? stored = null;
        if (id is { } proceedingId)
        {
            stored = await db.CourtProceedings.FirstOrDefaultAsync(x => x.Id == proceedingId && x.CaseId == caseId, cancellationToken);
            if (stored is null)
            {
                return FormOutcome.NotFound;
            }
        }

        await DescribeAsync(input, c, time, id, cancellationToken);
        input.Court = input.Court?.Trim();
        input.CourtCaseNumber = Blank(input.CourtCaseNumber);
        input.Judge = Blank(input.Judge);
        input.Subject = input.Subject?.Trim();
        await ValidateAsync(caseId, id, input, time.Today(clock.GetUtcNow()), errors, cancellationToken);
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        var now = clock.GetUtcNow();
        if (stored is null)
        {
            var created = new CourtProceeding(caseId, input.Jurisdiction!, input.Court!, input.Instance!.Value, input.Type!.Value, input.Subject!,
                input.ClientRole!.Value, input.OpenedOn!.Value, viewer.UserId, now)
            {
                CourtCaseNumber = input.CourtCaseNumber,
                Judge = input.Judge,
                ClosedOn = input.ClosedOn,
                ChallengesId = input.ChallengesId,
            };
            db.CourtProceedings.Add(created);
            await VersionedSave.SaveAsync(db, () => audit.RecordAsync(ProceedingAuditActions.ProceedingCreated, "proceeding", created.Id.ToString(), new
            {
                caseId,
                jurisdiction = created.Jurisdiction,
                instance = created.Instance.ToString(),
                type = created.Type.ToString(),
                openedOn = AuditValues.Iso(created.OpenedOn),
                challengesId = created.ChallengesId,
            }, cancellationToken: cancellationToken), cancellationToken);
            return FormOutcome.Saved(created.Id);
        }

        if (stored.Version != input.Version)
        {
            return await ConflictAsync(stored.Id, input, cancellationToken);
        }

        var changes = new ChangeList();
        changes.Value("Jurisdiction", stored.Jurisdiction, input.Jurisdiction!);
        changes.Value("Court", stored.Court, input.Court!);
        changes.Value("Instance", stored.Instance, input.Instance!.Value);
        changes.Value("Type", stored.Type, input.Type!.Value);
        changes.Value("CourtCaseNumber", stored.CourtCaseNumber, input.CourtCaseNumber);
        changes.Text("Judge", stored.Judge, input.Judge);
        changes.Text("Subject", stored.Subject, input.Subject);
        changes.Value("ClientRole", stored.ClientRole, input.ClientRole!.Value);
        changes.Value("OpenedOn", stored.OpenedOn, input.OpenedOn!.Value);
        changes.Value("ClosedOn", stored.ClosedOn, input.ClosedOn);
        changes.Value("ChallengesId", stored.ChallengesId, input.ChallengesId);
        if (changes.Count == 0)
        {
            return FormOutcome.Unchanged;
        }

        stored.Jurisdiction = input.Jurisdiction!;
        stored.Court = input.Court!;
        stored.Instance = input.Instance.Value;
        stored.Type = input.Type.Value;
        stored.CourtCaseNumber = input.CourtCaseNumber;
        stored.Judge = input.Judge;
        stored.Subject = input.Subject!;
        stored.ClientRole = input.ClientRole.Value;
        stored.OpenedOn = input.OpenedOn.Value;
        stored.ClosedOn = input.ClosedOn;
        stored.ChallengesId = input.ChallengesId;
        VersionedSave.Expect(db, stored, input.Version);
        var saved = await VersionedSave.SaveAsync(db, () => audit.RecordAsync(ProceedingAuditActions.ProceedingUpdated, "proceeding", stored.Id.ToString(),
            new { caseId, changes = changes.Changes }, cancellationToken: cancellationToken), cancellationToken);
        return saved ? FormOutcome.Saved(stored.Id) : await ConflictAsync(stored.Id, input, cancellationToken);
    }

    private async Task ValidateAsync(Guid caseId, Guid? id, ProceedingInput input, DateOnly today, FormErrors errors, CancellationToken cancellationToken)
    {
        if (input.Jurisdiction is not null && !Countries.IsKnown(input.Jurisdiction))
        {
            errors.Add(nameof(input.Jurisdiction), l["Choose a country from the list."]);
        }

        if (input.Instance is { } instance && !Enum.IsDefined(instance))
        {
            errors.Add(nameof(input.Instance), l["Choose an instance from the list."]);
        }

        if (input.Type is { } type && !Enum.IsDefined(type))
        {
            errors.Add(nameof(input.Type), l["Choose a kind of proceeding from the list."]);
        }

        if (input.ClientRole is { } role && !Enum.IsDefined(role))
        {
            errors.Add(nameof(input.ClientRole), l["Choose a role from the list."]);
        }

        if (input.OpenedOn is { } opened && opened > today)
        {
            errors.Add(nameof(input.OpenedOn), l["The opening date cannot be in the future."]);
        }

        if (input.ClosedOn is { } closed)
        {
            if (input.OpenedOn is { } openedOn && closed < openedOn)
            {
                errors.Add(nameof(input.ClosedOn), l["The closing date cannot be before the opening date."]);
            }
            else if (closed > today)
            {
                errors.Add(nameof(input.ClosedOn), l["The closing date cannot be in the future."]);
            }
        }

        if (!errors.IsValid || input.OpenedOn is not { } start)
        {
            return;
        }

        var self = new ProceedingLink(id ?? Guid.NewGuid(), input.ChallengesId, input.Instance!.Value, input.Jurisdiction!, start);
        var others = await db.CourtProceedings.AsNoTracking().Where(p => p.CaseId == caseId)
            .OrderBy(p => p.OpenedOn).Take(MaxProceedings)
            .Select(p => new ProceedingLink(p.Id, p.ChallengesId, p.Instance, p.Jurisdiction, p.OpenedOn))
            .ToListAsync(cancellationToken);
        switch (ProceedingRules.CheckChallenge(self, input.ChallengesId, others))
        {
            case ChallengeProblem.NotOnCase:
                errors.Add(nameof(input.ChallengesId), l["Choose a proceeding of this case."]);
                break;
            case ChallengeProblem.Itself:
                errors.Add(nameof(input.ChallengesId), l["A proceeding cannot challenge itself."]);
                break;
            case ChallengeProblem.FirstInstanceChallenges:
                errors.Add(nameof(input.ChallengesId), l["A first-instance proceeding does not challenge another proceeding: choose the instance of the appeal or review."]);
                break;
            case ChallengeProblem.NotLowerInstance:
                errors.Add(nameof(input.ChallengesId), l["An appeal or review must challenge a proceeding of a lower instance."]);
                break;
            case ChallengeProblem.OtherCountry:
                errors.Add(nameof(input.ChallengesId), l["The challenged proceeding is before a court of another country."]);
                break;
            case ChallengeProblem.OpensBeforeChallenged:
                errors.Add(nameof(input.OpenedOn), l["A challenge cannot open before the proceeding it challenges."]);
                break;
            case ChallengeProblem.Circle:
                errors.Add(nameof(input.ChallengesId), l["This choice would make the proceedings challenge each other in a circle."]);
                break;
        }

        if (id is not { } proceedingId)
        {
            return;
        }

        switch (ProceedingRules.CheckChallengers(self, others))
        {
            case ChallengeProblem.NotLowerInstance:
                errors.Add(nameof(input.Instance), l["A proceeding that challenges this one is not of a higher instance."]);
                break;
            case ChallengeProblem.OtherCountry:
                errors.Add(nameof(input.Jurisdiction), l["A proceeding that challenges this one is before a court of another country."]);
                break;
            case ChallengeProblem.OpensBeforeChallenged:
                errors.Add(nameof(input.OpenedOn), l["A proceeding that challenges this one opened before this date."]);
                break;
        }

        // Hearings and decisions already recorded must stay within the proceeding.
        var firstDecision = await db.CourtDecisions.AsNoTracking().Where(d => d.ProceedingId == proceedingId)
            .OrderBy(d => d.DecidedOn).Select(d => (DateOnly?)d.DecidedOn).FirstOrDefaultAsync(cancellationToken);
        var firstHearing = await db.Hearings.AsNoTracking().Where(h => h.ProceedingId == proceedingId)
            .OrderBy(h => h.StartsAt).Select(h => (DateTimeOffset?)h.StartsAt).FirstOrDefaultAsync(cancellationToken);
        var zone = OfficeTime.For(input.TimeZoneId);
        if ((firstDecision is { } decided && decided < start) || (firstHearing is { } heard && DateOnly.FromDateTime(zone.Local(heard)) < start))
        {
            errors.Add(nameof(input.OpenedOn), l["A hearing or decision of this proceeding is dated before this day."]);
        }
    }

    private async Task DescribeAsync(ProceedingInput input, Case c, OfficeTime time, Guid? id, CancellationToken cancellationToken)
    {
        input.Describe(c, time, id is { } p ? $"/cases/{c.Id}/proceedings/{p}/edit" : $"/cases/{c.Id}/proceedings/new", isNew: id is null);
        input.Choices = await db.CourtProceedings.AsNoTracking()
            .Where(p => p.CaseId == c.Id && p.Id != id)
            .OrderBy(p => p.OpenedOn).ThenBy(p => p.Instance).Take(MaxProceedings)
            .Select(p => new ProceedingChoice(p.Id, p.Instance, p.Court, p.CourtCaseNumber, p.OpenedOn))
            .ToListAsync(cancellationToken);
    }

    private async Task<FormOutcome> ConflictAsync(Guid id, ProceedingInput input, CancellationToken cancellationToken)
    {
        var current = await db.CourtProceedings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (current is null)
        {
            return FormOutcome.NotFound;
        }

        return input.ShowConflict(
        [
            new(l["Country"], CaseText.Country(l, current.Jurisdiction)),
            new(l["Court"], current.Court),
            new(l["Instance"], CaseText.Enum(l, current.Instance)),
            new(l["Kind of proceeding"], CaseText.Enum(l, current.Type)),
            new(l["Court case number"], current.CourtCaseNumber ?? "—"),
            new(l["Judge"], current.Judge ?? "—"),
            new(l["Subject"], current.Subject),
            new(l["Our client's role"], CaseText.Enum(l, current.ClientRole)),
            new(l["Opened on"], CaseText.Date(current.OpenedOn)),
            new(l["Closed on"], CaseText.Date(current.ClosedOn)),
        ], current.Version, l["Someone else changed this proceeding while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead."]);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
