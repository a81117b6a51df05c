using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Tests.Domain;

/// <summary>The rules of a person's situation on <see cref="Client"/>, without a database.</summary>
public class ClientSituationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2008-03-02", null, "2026-03-01", true)]
    [InlineData("2008-03-01", null, "2026-03-01", false)]
    [InlineData(null, 2010, "2026-03-01", true)]
    [InlineData(null, 2008, "2026-03-01", null)]
    [InlineData(null, 2007, "2026-03-01", false)]
    [InlineData(null, null, "2026-03-01", null)]
    public void A_child_is_under_18_on_the_day_and_a_year_at_the_boundary_cannot_tell(string? born, int? year, string on, bool? expected) =>
        Client.WasChildOn(born is null ? null : DateOnly.Parse(born), year, DateOnly.Parse(on)).Should().Be(expected);

    [Fact]
    public void Triage_marks_a_child_separated_and_anyone_undocumented_and_never_removes_a_mark()
    {
        var child = Person(new DateOnly(2014, 5, 1));
        child.RecordTriage(noDocuments: true, separatedChild: true, new DateOnly(2026, 2, 20), Now).Should().BeTrue();
        child.Vulnerabilities.Should().Be(Vulnerability.Undocumented | Vulnerability.SeparatedChild);
        child.RecordTriage(noDocuments: false, separatedChild: false, new DateOnly(2026, 2, 20), Now).Should().BeFalse("a 'no' is not asked, not a reason to clear");
        child.Vulnerabilities.Should().Be(Vulnerability.Undocumented | Vulnerability.SeparatedChild);

        var mother = Person(new DateOnly(1986, 9, 2));
        mother.RecordTriage(noDocuments: false, separatedChild: true, new DateOnly(2026, 2, 20), Now).Should().BeFalse();
        mother.Vulnerabilities.Should().Be(Vulnerability.None);

        var unknownAge = Person(null);
        unknownAge.Vulnerabilities = Vulnerability.Child;
        unknownAge.RecordTriage(noDocuments: false, separatedChild: true, new DateOnly(2026, 2, 20), Now).Should().BeTrue("the Child flag stands in for an unknown birth");
        unknownAge.Vulnerabilities.Should().HaveFlag(Vulnerability.SeparatedChild);
    }

    [Fact]
    public void Separation_details_belong_to_a_separated_child_only()
    {
        var client = Person(new DateOnly(2014, 5, 1));
        client.SetSeparation(new DateOnly(2025, 1, 1), "Mother");
        client.SeparatedOn.Should().BeNull();
        client.SeparatedFrom.Should().BeNull();

        client.Vulnerabilities = Vulnerability.SeparatedChild;
        client.SetSeparation(new DateOnly(2025, 1, 1), "  Mother  ");
        client.SeparatedOn.Should().Be(new DateOnly(2025, 1, 1));
        client.SeparatedFrom.Should().Be("Mother");
    }

    private static Client Person(DateOnly? born)
    {
        var client = new Client(Guid.NewGuid(), "Test Person", null, Guid.NewGuid(), Now);
        client.SetBirth(born, null);
        return client;
    }
}
