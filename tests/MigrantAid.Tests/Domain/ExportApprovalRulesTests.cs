using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Exports;

namespace MigrantAid.Tests.Domain;

public class ExportApprovalRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Requester = Guid.NewGuid();

    [Fact]
    public void Only_another_person_decides_and_only_once()
    {
        var request = New();

        FluentActions.Invoking(() => request.Decide(approve: true, Requester, Now)).Should().Throw<DomainException>();
        request.Status.Should().Be(ExportApprovalStatus.Pending);

        request.Decide(approve: false, Guid.NewGuid(), Now);

        request.Status.Should().Be(ExportApprovalStatus.Refused);
        request.IsDownloadable(Now).Should().BeFalse("a refused export is never made");
        FluentActions.Invoking(() => request.Decide(approve: true, Guid.NewGuid(), Now)).Should().Throw<DomainException>();
    }

    [Fact]
    public void An_approval_is_good_for_24_hours()
    {
        var request = New();
        request.Decide(approve: true, Guid.NewGuid(), Now);

        request.IsDownloadable(Now.AddHours(23).AddMinutes(59)).Should().BeTrue();
        request.IsDownloadable(Now.AddHours(24)).Should().BeFalse();
        request.DownloadableUntil.Should().Be(Now.AddHours(24));
    }

    [Fact]
    public void A_reason_is_required()
    {
        FluentActions.Invoking(() => new ExportApproval(ExportApprovalKind.CaseList, Requester, Now, "", "", 600, " ")).Should().Throw<DomainException>();
    }

    private static ExportApproval New() => new(ExportApprovalKind.CaseList, Requester, Now.AddMinutes(-5), "office=x", "Office X", 600, "Donor report");
}
