using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;

namespace MigrantAid.Tools.Generator;

/// <summary>Intakes: the interview a case was opened from, with its respondents, and the intakes that did not (yet) become cases.</summary>
internal sealed class SyntheticIntakes(SyntheticWorld world, SyntheticPeople people)
{
    private Random Rng => world.Rng;

    /// <summary>Intakes that did not (yet) become cases: rejected ones all along, pending and drafts of the last days.</summary>
    public void Others(SyntheticBatch b, SyntheticOffice office, List<ComplaintCategory> categories, DateOnly day, DateTimeOffset at, Guid caseworker, int ageDays)
    {
        var roll = Rng.NextDouble();
        var status = roll < 0.08 ? IntakeStatus.Rejected
            : ageDays <= 14 && roll < 0.35 ? IntakeStatus.Submitted
            : ageDays <= 3 && roll < 0.40 ? IntakeStatus.Draft
            : (IntakeStatus?)null;
        if (status is not { } s)
        {
            return;
        }

        var (client, _) = people.New(b, office, world.PickGroup(), null, PersonKind.Adult, 0, at, caseworker);
        var urgent = Rng.NextDouble() < 0.1;
        var intake = New(b, office, client, categories, day, at, caseworker, urgent, false, urgent, false);
        b.Intakes.Add(s switch
        {
            IntakeStatus.Rejected => intake with
            {
                Status = IntakeStatus.Rejected,
                DecidedAt = SyntheticRandom.Min(at.AddHours(Rng.Next(1, 72)), world.Now),
                DecidedBy = office.Coordinator,
                RejectionReason = (RejectionReason)Rng.Next(4),
                RejectionNote = office.Russian ? "Вне мандата организации или передано партнёрам." : "Outside the mandate or referred to partners.",
            },
            IntakeStatus.Draft => intake with { Status = IntakeStatus.Draft, Step = IntakeStep.Complaint, SubmittedAt = null, ResponseDueAt = null },
            _ => intake,
        });
    }

    public IntakeRow New(
        SyntheticBatch b, SyntheticOffice office, Guid client, List<ComplaintCategory> categories, DateOnly day, DateTimeOffset at, Guid caseworker,
        bool urgent, bool inDetention, bool expulsion, bool separatedChild)
    {
        var id = world.NewId();
        var group = categories[0].GroupCode;
        var respondents = Rng.NextDouble() switch { < 0.2 => 0, < 0.8 => 1, _ => 2 };
        var firstRespondent = "";
        for (var r = 0; r < respondents; r++)
        {
            var type = group switch
            {
                "labour" or "trafficking" => r == 0 ? RespondentType.Employer : RespondentType.RecruitmentAgency,
                "detention" => r == 0 ? RespondentType.MigrationAuthority : RespondentType.Police,
                "documents" => RespondentType.MigrationAuthority,
                "children" => RespondentType.School,
                "health" => RespondentType.Hospital,
                "violence" => RespondentType.Police,
                _ => RespondentType.Other,
            };
            var name = SyntheticText.Respondent(Rng, type);
            firstRespondent = r == 0 ? name : firstRespondent;
            Sector? sector = type == RespondentType.Employer
                ? categories[0].Code == "labour.domestic-worker-abuse" ? Sector.DomesticWork : (Sector)Rng.Next(7)
                : null;
            b.Respondents.Add(new(world.NewId(), id, name, type, sector, Transliteration.MatchKey(name)));
        }

        var from = day.AddDays(-Rng.Next(1, 200));
        var to = from.AddDays(Rng.Next(0, 60));
        var submitted = SyntheticRandom.Min(at.AddMinutes(Rng.Next(20, 90)), world.Now);
        return new IntakeRow(id, office.Id, client, IntakeStatus.Submitted, IntakeStep.Done, categories.Select(c => c.Id).ToArray(),
            office.Country, office.City, from, to < day ? to : day,
            SyntheticText.Account(Rng, group, firstRespondent.Length > 0 ? firstRespondent : office.City, office.Russian),
            SyntheticText.Wishes(Rng, office.Russian), inDetention, expulsion, separatedChild,
            submitted + (urgent || inDetention || separatedChild ? Intake.UrgentResponseTarget : Intake.NormalResponseTarget),
            caseworker, at, submitted, submitted, null, null, null, null);
    }
}
