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
        input.CourtCaseNumber = ProceedingText.Blank(input.CourtCaseNumber);
        input.Judge = ProceedingText.Blank(input.Judge);
        input.Subject = input.Subject?.Trim();
        await new ProceedingValidation(db, l).ValidateAsync(caseId, id, input, time.Today(clock.GetUtcNow()), errors, cancellationToken);
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        if (stored is null)
        {
            return await CreateAsync(caseId, input, viewer.UserId, cancellationToken);
        }

        return stored.Version != input.Version
            ? await ConflictAsync(stored.Id, input, cancellationToken)
            : await UpdateAsync(stored, input, cancellationToken);
    }

    private async Task<FormOutcome> CreateAsync(Guid caseId, ProceedingInput input, Guid userId, CancellationToken cancellationToken)
    {
        var created = new CourtProceeding(caseId, input.Jurisdiction!, input.Court!, input.Instance!.Value, input.Type!.Value, input.Subject!,
            input.ClientRole!.Value, input.OpenedOn!.Value, userId, clock.GetUtcNow());
        Apply(created, input);
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

    private async Task<FormOutcome> UpdateAsync(CourtProceeding stored, ProceedingInput input, CancellationToken cancellationToken)
    {
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

        Apply(stored, input);
        VersionedSave.Expect(db, stored, input.Version);
        var saved = await VersionedSave.SaveAsync(db, () => audit.RecordAsync(ProceedingAuditActions.ProceedingUpdated, "proceeding", stored.Id.ToString(),
            new { caseId = stored.CaseId, changes = changes.Changes }, cancellationToken: cancellationToken), cancellationToken);
        return saved ? FormOutcome.Saved(stored.Id) : await ConflictAsync(stored.Id, input, cancellationToken);
    }

    private static void Apply(CourtProceeding proceeding, ProceedingInput input)
    {
        proceeding.Jurisdiction = input.Jurisdiction!;
        proceeding.Court = input.Court!;
        proceeding.Instance = input.Instance!.Value;
        proceeding.Type = input.Type!.Value;
        proceeding.CourtCaseNumber = input.CourtCaseNumber;
        proceeding.Judge = input.Judge;
        proceeding.Subject = input.Subject!;
        proceeding.ClientRole = input.ClientRole!.Value;
        proceeding.OpenedOn = input.OpenedOn!.Value;
        proceeding.ClosedOn = input.ClosedOn;
        proceeding.ChallengesId = input.ChallengesId;
    }

    private async Task DescribeAsync(ProceedingInput input, Case c, OfficeTime time, Guid? id, CancellationToken cancellationToken)
    {
        input.Describe(c, time, id is { } p ? $"/cases/{c.Id}/proceedings/{p}/edit" : $"/cases/{c.Id}/proceedings/new", isNew: id is null);
        input.Choices = await db.CourtProceedings.AsNoTracking()
            .Where(p => p.CaseId == c.Id && p.Id != id)
            .OrderBy(p => p.OpenedOn).ThenBy(p => p.Instance).TakeFixed(ProceedingValidation.MaxProceedings)
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
}
