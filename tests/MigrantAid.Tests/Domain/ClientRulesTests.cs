using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Tests.Domain;

public class ClientRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 9, 0, 0, TimeSpan.Zero);

    private static Client AClient() => new(Guid.NewGuid(), "Рахимов Фаррух", "Бахтиёрович", Guid.NewGuid(), Now);

    [Fact]
    public void A_document_cannot_expire_before_it_was_issued()
    {
        var client = AClient();

        var add = () => client.AddDocument(MigrationDocumentType.WorkPatent, "1", "RU", new DateOnly(2025, 5, 1), new DateOnly(2025, 4, 30));

        add.Should().Throw<ArgumentException>().WithParameterName("expiresOn");
        client.Documents.Should().BeEmpty();
    }

    [Fact]
    public void A_stay_cannot_end_before_it_began()
    {
        var client = AClient();

        var add = () => client.AddStay("RU", new DateOnly(2025, 5, 1), new DateOnly(2025, 4, 30));

        add.Should().Throw<ArgumentException>().WithParameterName("exit");
        client.Stays.Should().BeEmpty();
    }

    [Theory]
    [InlineData(-1, DocumentValidity.Expired)]
    [InlineData(0, DocumentValidity.ExpiresSoon)]
    [InlineData(30, DocumentValidity.ExpiresSoon)]
    [InlineData(31, DocumentValidity.Valid)]
    public void Document_validity_warns_30_days_ahead(int daysLeft, DocumentValidity expected)
    {
        var today = new DateOnly(2026, 3, 15);
        var document = AClient().AddDocument(MigrationDocumentType.Passport, null, null, null, today.AddDays(daysLeft));

        document.ValidityOn(today).Should().Be(expected);
    }

    [Fact]
    public void Consent_status_follows_the_latest_record_and_withdrawal_restricts_the_record()
    {
        var client = AClient();
        client.ConsentStatus.Should().Be(ConsentStatus.NotRecorded);

        client.RecordConsent(ConsentStatus.Given, new DateOnly(2026, 1, 10), "Case work", Guid.NewGuid(), Now);
        client.ConsentStatus.Should().Be(ConsentStatus.Given);
        client.IsRestricted.Should().BeFalse();

        client.RecordConsent(ConsentStatus.Withdrawn, new DateOnly(2026, 3, 1), null, Guid.NewGuid(), Now);
        client.ConsentStatus.Should().Be(ConsentStatus.Withdrawn);
        client.IsRestricted.Should().BeTrue();
        client.Consents.Select(c => c.Status).Should().Equal(ConsentStatus.Given, ConsentStatus.Withdrawn);
    }

    [Fact]
    public void Consent_cannot_be_recorded_as_not_recorded()
    {
        var record = () => AClient().RecordConsent(ConsentStatus.NotRecorded, new DateOnly(2026, 1, 10), null, Guid.NewGuid(), Now);

        record.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void The_name_gets_a_Latin_form_and_aliases_join_the_search_key()
    {
        var client = AClient();
        client.LatinName.Should().Be("Rakhimov Farrukh Bakhtiyorovich");
        client.SearchKey.Should().Be("rahimov faruh bahtierovich");

        var alias = client.AddAlias("Rakhimov Farukh", "passport");
        client.SearchKey.Should().Contain("rahimov faruh").And.NotContain("  ");
        client.RemoveAlias(alias);
        client.SearchKey.Should().Be("rahimov faruh bahtierovich");
    }

    [Fact]
    public void An_exact_birth_date_sets_the_year_and_an_approximate_year_stands_alone()
    {
        var client = AClient();

        client.SetBirth(new DateOnly(1991, 5, 2), 1980);
        client.BirthYear.Should().Be(1991);

        client.SetBirth(null, 1990);
        client.BirthDate.Should().BeNull();
        client.BirthYear.Should().Be(1990);
    }

    [Fact]
    public void Family_relations_invert_and_nobody_is_their_own_relative()
    {
        FamilyRelation.Parent.Inverse().Should().Be(FamilyRelation.Child);
        FamilyRelation.Child.Inverse().Should().Be(FamilyRelation.Parent);
        FamilyRelation.Spouse.Inverse().Should().Be(FamilyRelation.Spouse);
        FamilyRelation.Sibling.Inverse().Should().Be(FamilyRelation.Sibling);
        var id = Guid.NewGuid();
        var link = () => new FamilyLink(id, id, FamilyRelation.Sibling);
        link.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_blank_name_is_refused()
    {
        var rename = () => AClient().Rename("  ", null, Now);

        rename.Should().Throw<ArgumentException>();
    }
}
