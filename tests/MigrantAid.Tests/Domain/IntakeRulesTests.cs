using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;

namespace MigrantAid.Tests.Domain;

public class IntakeRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Actor = Guid.NewGuid();

    [Fact]
    public void Submitting_needs_a_client()
    {
        var intake = new Intake(Guid.NewGuid(), Actor, Now) { CategoryIds = [1] };

        ((Action)(() => intake.Submit(Now))).Should().Throw<DomainException>().WithMessage("An intake needs a client before it is submitted.");
        intake.Status.Should().Be(IntakeStatus.Draft);
    }

    [Fact]
    public void Submitting_needs_a_category()
    {
        var intake = new Intake(Guid.NewGuid(), Actor, Now) { ClientId = Guid.NewGuid() };

        ((Action)(() => intake.Submit(Now))).Should().Throw<DomainException>().WithMessage("An intake needs at least one category before it is submitted.");
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void Detention_expulsion_or_a_separated_child_make_it_urgent_with_a_24_hour_target(bool detention, bool expulsion, bool child)
    {
        var intake = Ready();
        intake.InDetention = detention;
        intake.ImminentExpulsion = expulsion;
        intake.SeparatedChild = child;

        intake.Submit(Now);

        intake.IsUrgent.Should().BeTrue();
        intake.ResponseDueAt.Should().Be(Now.AddHours(24));
        intake.Status.Should().Be(IntakeStatus.Submitted);
        intake.Step.Should().Be(IntakeStep.Done);
    }

    [Fact]
    public void Otherwise_the_target_is_five_days()
    {
        var intake = Ready();

        intake.Submit(Now);

        intake.IsUrgent.Should().BeFalse();
        intake.ResponseDueAt.Should().Be(Now.AddDays(5));
    }

    [Fact]
    public void Retriage_after_submission_moves_the_target()
    {
        var intake = Ready();
        intake.Submit(Now);

        intake.ImminentExpulsion = true;
        intake.Retriage(Now.AddHours(3));

        intake.ResponseDueAt.Should().Be(Now.AddHours(24), "the target counts from the submission");
    }

    [Fact]
    public void A_draft_cannot_be_decided_and_a_decided_intake_cannot_be_submitted()
    {
        var draft = Ready();
        ((Action)(() => draft.Accept(Actor, Now))).Should().Throw<DomainException>().WithMessage("This intake's status does not allow that.");
        ((Action)(() => draft.Reject(RejectionReason.NoContact, null, Actor, Now))).Should().Throw<DomainException>();

        draft.Submit(Now);
        draft.Accept(Actor, Now);
        ((Action)(() => draft.Submit(Now))).Should().Throw<DomainException>();
        ((Action)(() => draft.Reopen(Now))).Should().Throw<DomainException>("only a rejected intake reopens");
    }

    [Fact]
    public void Rejecting_for_another_reason_needs_a_note()
    {
        var intake = Ready();
        intake.Submit(Now);

        ((Action)(() => intake.Reject(RejectionReason.Other, " ", Actor, Now))).Should().Throw<DomainException>().WithMessage("Say why the intake is rejected.");
        intake.Reject(RejectionReason.OutsideMandate, null, Actor, Now);
        intake.Status.Should().Be(IntakeStatus.Rejected);
    }

    [Fact]
    public void A_rejected_intake_reopens_for_a_new_decision_with_a_new_target()
    {
        var intake = Ready();
        intake.Submit(Now);
        intake.Reject(RejectionReason.NoContact, null, Actor, Now);

        intake.Reopen(Now.AddDays(10));

        intake.Status.Should().Be(IntakeStatus.Submitted);
        intake.RejectionReason.Should().BeNull();
        intake.ResponseDueAt.Should().Be(Now.AddDays(15));
    }

    [Fact]
    public void Sector_is_kept_for_employers_only()
    {
        var intake = Ready();

        intake.AddRespondent("Stroy-Invest", RespondentType.Employer, Sector.Construction).Sector.Should().Be(Sector.Construction);
        intake.AddRespondent("District police", RespondentType.Police, Sector.Construction).Sector.Should().BeNull();
    }

    private static Intake Ready() => new(Guid.NewGuid(), Actor, Now) { ClientId = Guid.NewGuid(), CategoryIds = [3] };
}
