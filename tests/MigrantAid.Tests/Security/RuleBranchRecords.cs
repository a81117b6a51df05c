using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Cases.Deadlines;

namespace MigrantAid.Tests.Security;

/// <summary>
/// Records added to the demo data so that the access matrix meets every branch of the rule
/// (Security/CaseAccess.cs) with the demo accounts, not only the ones the demo stories happen to hold:
/// a confidential case of the caseworker's own office that is not theirs; an office case whose client
/// refused consent; a client who withdrew consent on the caseworker's own case; a case of another
/// office where the St Petersburg lawyer is a further lawyer; a sealed office case assigned to the caseworker and the
/// Almaty lawyer but named only to the St Petersburg lawyer (issue 15), with a deadline. Plus the record kinds the demo lacks:
/// international submissions, uploaded case documents, deadlines of a recorded event, an organisation export.
/// </summary>
public sealed record RuleBranchRecords(Guid ConfidentialCase, Guid RefusedConsentClient, Guid WithdrawnConsentClient, Guid FurtherLawyerCase, Guid SealedCase)
{
    public static async Task<RuleBranchRecords> AddAsync(SecurityPortal portal)
    {
        var spb = new TestOffice(await portal.OfficeIdAsync("St Petersburg"), "SPB");
        var almaty = new TestOffice(await portal.OfficeIdAsync("Almaty"), "ALA");
        var lawyer = await portal.UserIdAsync("lawyer@demo.local");
        var lawyer2 = await portal.UserIdAsync("lawyer2@demo.local");
        var caseworker = await portal.UserIdAsync("caseworker@demo.local");

        var confidential = await new CaseBuilder(portal, spb).WithClient("Секретова Мадина").Confidential().AssignedTo(lead: lawyer2).SaveAsync();
        var refused = await new CaseBuilder(portal, spb).WithClient("Отказова Гульнара").WithConsentRefused().SaveAsync();
        var withdrawn = await new CaseBuilder(portal, spb).WithClient("Отозванов Бахтиёр").WithConsentWithdrawn().AssignedTo(caseworker: caseworker).SaveAsync();
        var further = await new CaseBuilder(portal, almaty).WithClient("Дальнейшая Айгуль").AssignedTo(lead: lawyer2, further: lawyer).SaveAsync();
        var sealedCase = await new CaseBuilder(portal, spb).WithClient("Печатная Севара").AssignedTo(caseworker: caseworker, lead: lawyer2).Sealed(lawyer).SaveAsync();

        var demoCase = await portal.WithDbAsync(db => db.Cases.AsNoTracking().Where(c => !c.IsConfidential).OrderBy(c => c.Reference).Select(c => c.Id).FirstAsync());
        foreach (var caseId in new[] { confidential.Id, refused.Id, demoCase })
        {
            await AddSubmissionAsync(portal, caseId, lawyer2);
        }

        await AddDeadlinesAsync(portal, lawyer2, [confidential.Id, refused.Id, withdrawn.Id, further.Id, sealedCase.Id], [confidential.Id, demoCase]);
        var coordinator = await portal.SignInAsync("coordinator@demo.local");
        await UploadAsync(coordinator.Client, confidential.Id);
        await UploadAsync(coordinator.Client, demoCase);
        var admin = await portal.SignInAsync("admin@demo.local");
        (await admin.Client.SubmitFormAsync("/exports", [], "/exports")).StatusCode.Should().Be(HttpStatusCode.Redirect, "an export is queued");

        return new RuleBranchRecords(confidential.Id, refused.ClientId, withdrawn.ClientId, further.Id, sealedCase.Id);
    }

    /// <summary>
    /// Deadlines on the added cases (the demo's few hang on two cases), and deadlines left by a recorded
    /// event (the demo records none: its deadlines come from hearings and decisions).
    /// </summary>
    private static Task<int> AddDeadlinesAsync(PortalFactory portal, Guid by, Guid[] cases, Guid[] eventCases) =>
        portal.WithDbAsync(db =>
        {
            var now = portal.Clock.GetUtcNow();
            var due = DateOnly.FromDateTime(now.UtcDateTime).AddDays(20);
            db.CaseDeadlines.AddRange(cases.Select(c => new CaseDeadline(c, DeadlineKind.Manual, "File the appeal", due, by, now)));
            db.CaseDeadlines.AddRange(eventCases.Select(c => new CaseDeadline(c, DeadlineKind.Computed, "Answer the decision", due, by, now)
            {
                SourceType = RecordEventHandler.SourceType,
                SourceId = Guid.NewGuid(),
            }));
            return db.SaveChangesAsync();
        });

    private static Task<int> AddSubmissionAsync(PortalFactory portal, Guid caseId, Guid by) =>
        portal.WithDbAsync(db =>
        {
            var now = portal.Clock.GetUtcNow();
            db.InternationalSubmissions.Add(new InternationalSubmission(caseId, by, now)
            {
                StateConcerned = "RU",
                SubmittedOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-30),
            });
            return db.SaveChangesAsync();
        });

    private static async Task UploadAsync(HttpClient client, Guid caseId)
    {
        var token = HttpForms.Parse(await client.GetStringAsync("/profile"))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.7\n% access matrix\n%%EOF\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent { { file, "File", "statement.pdf" }, { new StringContent(token), "__RequestVerificationToken" } };
        var response = await client.PostAsync($"/cases/{caseId}/documents", form);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the document is uploaded");
    }
}
