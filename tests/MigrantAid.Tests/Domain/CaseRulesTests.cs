using System.Text.Json;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;

namespace MigrantAid.Tests.Domain;

public class CaseRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Opened = new(2026, 3, 10);
    private static readonly Guid Actor = Guid.NewGuid();

    [Theory]
    [InlineData("SPB", 2026, 42, "SPB-2026-0042")]
    [InlineData("ALA", 2025, 1, "ALA-2025-0001")]
    [InlineData("BIS", 2026, 12345, "BIS-2026-12345")]
    public void Reference_is_office_code_year_and_four_digit_number(string code, int year, int number, string expected)
    {
        Case.FormatReference(code, year, number).Should().Be(expected);
        NewCase(code, year, number).Reference.Should().Be(expected);
    }

    [Fact]
    public void New_case_is_open_with_its_principal_client_and_an_opening_event()
    {
        var c = NewCase();

        c.Status.Should().Be(CaseStatus.Open);
        c.Clients.Should().ContainSingle(x => x.Role == CaseClientRole.Principal && x.ClientId == c.PrincipalClientId);
        c.Events.Should().ContainSingle(e => e.Kind == CaseEventKind.Opened);
    }

    [Fact]
    public void Urgent_intake_makes_an_urgent_case_unless_the_decision_says_otherwise()
    {
        NewCase(urgent: true).Priority.Should().Be(CasePriority.Urgent);
        NewCase(urgent: true, priority: CasePriority.High).Priority.Should().Be(CasePriority.High);
        NewCase().Priority.Should().Be(CasePriority.Normal);
    }

    [Fact]
    public void Open_case_goes_in_progress()
    {
        var c = NewCase();

        c.ChangeStatus(CaseStatus.InProgress, Actor, Now);

        c.Status.Should().Be(CaseStatus.InProgress);
        c.Events.Should().Contain(e => e.Kind == CaseEventKind.StatusChanged);
    }

    [Theory]
    [InlineData(CaseStatus.Open, CaseStatus.Open)]
    [InlineData(CaseStatus.Open, CaseStatus.Closed)]
    [InlineData(CaseStatus.InProgress, CaseStatus.Open)]
    [InlineData(CaseStatus.InProgress, CaseStatus.InProgress)]
    [InlineData(CaseStatus.Closed, CaseStatus.Open)]
    public void Forbidden_status_changes_are_refused(CaseStatus from, CaseStatus to)
    {
        var c = CaseIn(from);

        var change = () => c.ChangeStatus(to, Actor, Now, "reason");

        change.Should().Throw<DomainException>().WithMessage("This status change is not allowed.");
        c.Status.Should().Be(from);
    }

    [Fact]
    public void Reopening_needs_a_reason_and_clears_the_outcome()
    {
        var c = CaseIn(CaseStatus.Closed);

        var withoutReason = () => c.ChangeStatus(CaseStatus.InProgress, Actor, Now, "  ");
        withoutReason.Should().Throw<DomainException>().WithMessage("Say why the case is reopened.");
        c.Status.Should().Be(CaseStatus.Closed);

        c.ChangeStatus(CaseStatus.InProgress, Actor, Now, "New evidence");
        c.Status.Should().Be(CaseStatus.InProgress);
        c.Outcome.Should().BeNull();
        c.ClosedOn.Should().BeNull();
        c.Events.Last().Text.Should().Be("New evidence");
    }

    [Fact]
    public void Closing_before_the_opening_date_is_refused()
    {
        var c = NewCase();

        var close = () => c.Close(CaseOutcome.Withdrawn, Opened.AddDays(-1), null, Actor, Now);

        close.Should().Throw<DomainException>().WithMessage("A case cannot be closed before it was opened.");
        c.Status.Should().Be(CaseStatus.Open);
    }

    [Fact]
    public void Closing_records_outcome_date_and_cannot_happen_twice()
    {
        var c = NewCase();

        c.Close(CaseOutcome.PartlyResolved, Opened, "Half of the wages paid", Actor, Now);

        c.Status.Should().Be(CaseStatus.Closed);
        c.Outcome.Should().Be(CaseOutcome.PartlyResolved);
        c.ClosedOn.Should().Be(Opened);
        var again = () => c.Close(CaseOutcome.Referred, Opened, null, Actor, Now);
        again.Should().Throw<DomainException>();
    }

    [Fact]
    public void Lead_lawyer_starts_the_work_and_the_timeline_says_so()
    {
        var c = NewCase();
        var lawyer = Guid.NewGuid();

        c.Assign(null, lawyer, [], Actor, Now);

        c.Status.Should().Be(CaseStatus.InProgress);
        c.Events.Select(e => e.Kind).Should().EndWith([CaseEventKind.Assigned, CaseEventKind.StatusChanged]);
        c.IsAssigned(lawyer).Should().BeTrue();
    }

    [Fact]
    public void Assignment_history_keeps_before_and_after()
    {
        var c = NewCase();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var further = Guid.NewGuid();
        c.Assign(first, null, [], Actor, Now);

        c.Assign(second, null, [further, further], Actor, Now);

        var details = JsonDocument.Parse(c.Events.Last(e => e.Kind == CaseEventKind.Assigned).Details!).RootElement;
        details.GetProperty("before").GetProperty("caseworker").GetGuid().Should().Be(first);
        details.GetProperty("after").GetProperty("caseworker").GetGuid().Should().Be(second);
        c.Lawyers.Should().ContainSingle(l => l.UserId == further);
        c.IsAssigned(first).Should().BeFalse();
    }

    [Fact]
    public void Assigning_the_same_people_again_writes_nothing()
    {
        var c = NewCase();
        var caseworker = Guid.NewGuid();
        c.Assign(caseworker, null, [], Actor, Now);
        var events = c.Events.Count;

        c.Assign(caseworker, null, [], Actor, Now);

        c.Events.Should().HaveCount(events);
    }

    [Fact]
    public void A_client_is_on_a_case_once_and_the_principal_is_unique()
    {
        var c = NewCase();
        var relative = Guid.NewGuid();
        c.AddClient(relative, CaseClientRole.FamilyMember, Actor, Now);

        ((Action)(() => c.AddClient(relative, CaseClientRole.CoComplainant, Actor, Now))).Should().Throw<DomainException>();
        ((Action)(() => c.AddClient(Guid.NewGuid(), CaseClientRole.Principal, Actor, Now))).Should().Throw<DomainException>();
    }

    [Fact]
    public void Notes_need_text()
    {
        var c = NewCase();

        ((Action)(() => c.AddNote(NoteKind.Call, " ", Actor, Now))).Should().Throw<DomainException>().WithMessage("Write the note.");
        c.AddNote(NoteKind.Call, " Called. ", Actor, Now).Text.Should().Be("Called.");
    }

    [Fact]
    public void Edits_record_old_and_new_values()
    {
        var c = NewCase();

        c.Update("New title", CasePriority.High, confidential: true, Actor, Now);

        c.IsConfidential.Should().BeTrue();
        var changes = JsonDocument.Parse(c.Events.Last().Details!).RootElement.GetProperty("changes").EnumerateArray()
            .Select(x => x.GetProperty("field").GetString()).ToList();
        changes.Should().BeEquivalentTo("Title", "Priority", "Confidential");
    }

    private static Case CaseIn(CaseStatus status)
    {
        var c = NewCase();
        if (status is CaseStatus.InProgress or CaseStatus.Closed)
        {
            c.ChangeStatus(CaseStatus.InProgress, Actor, Now);
        }

        if (status == CaseStatus.Closed)
        {
            c.Close(CaseOutcome.ResolvedInFavour, Opened, null, Actor, Now);
        }

        return c;
    }

    private static Case NewCase(string code = "SPB", int year = 2026, int number = 1, bool urgent = false, CasePriority? priority = null)
    {
        var intake = new Intake(Guid.NewGuid(), Actor, Now) { ClientId = Guid.NewGuid(), CategoryIds = [1], InDetention = urgent };
        intake.Submit(Now);
        intake.Accept(Actor, Now);
        return new Case(Guid.NewGuid(), code, year, number, intake, "Unpaid wages", Actor, Opened, Now, priority);
    }
}
