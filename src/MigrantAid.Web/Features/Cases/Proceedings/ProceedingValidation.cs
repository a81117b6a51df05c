using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Infrastructure;

namespace MigrantAid.Web.Features.Cases.Proceedings;

/// <summary>
/// The checks of a proceeding's form beyond its attributes: choices from the lists and dates in order; then, when those
/// hold, the chain of instances (<see cref="ProceedingRules"/>) seen from this proceeding and from those that challenge
/// it; and that the hearings and decisions already recorded stay within it.
/// </summary>
internal sealed class ProceedingValidation(AppDbContext db, IStringLocalizer l)
{
    /// <summary>The proceedings of one case read for the chain (a case has a handful; the bound keeps a read small).</summary>
    public const int MaxProceedings = 200;

    public async Task ValidateAsync(Guid caseId, Guid? id, ProceedingInput input, DateOnly today, FormErrors errors, CancellationToken cancellationToken)
    {
        CheckFields(input, today, errors);
        if (!errors.IsValid || input.OpenedOn is not { } start)
        {
            return;
        }

        var self = new ProceedingLink(id ?? Guid.NewGuid(), input.ChallengesId, input.Instance!.Value, input.Jurisdiction!, start);
        var others = await db.CourtProceedings.AsNoTracking().Where(p => p.CaseId == caseId)
            .OrderBy(p => p.OpenedOn).TakeFixed(MaxProceedings)
            .Select(p => new ProceedingLink(p.Id, p.ChallengesId, p.Instance, p.Jurisdiction, p.OpenedOn))
            .ToListAsync(cancellationToken);
        CheckChallenge(self, input, others, errors);
        if (id is not { } proceedingId)
        {
            return;
        }

        CheckChallengers(self, input, others, errors);
        await CheckRecordsAsync(proceedingId, start, input, errors, cancellationToken);
    }

    private void CheckFields(ProceedingInput input, DateOnly today, FormErrors errors)
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
    }

    /// <summary>The proceeding this one challenges must fit the chain.</summary>
    private void CheckChallenge(ProceedingLink self, ProceedingInput input, IReadOnlyCollection<ProceedingLink> others, FormErrors errors)
    {
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
    }

    /// <summary>A proceeding changed must still fit the proceedings that challenge it.</summary>
    private void CheckChallengers(ProceedingLink self, ProceedingInput input, IReadOnlyCollection<ProceedingLink> others, FormErrors errors)
    {
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
    }

    /// <summary>Hearings and decisions already recorded must stay within the proceeding.</summary>
    private async Task CheckRecordsAsync(Guid proceedingId, DateOnly start, ProceedingInput input, FormErrors errors, CancellationToken cancellationToken)
    {
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
}
