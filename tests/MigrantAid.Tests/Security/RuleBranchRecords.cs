using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.CaseList;
using MigrantAid.Tests.Infrastructure;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Deadlines;

namespace MigrantAid.Tests.Security;

/// <summary>
/// Records added to the demo data so that the access matrix meets every branch of the rule
/// (Security/CaseAccess.cs) with the demo accounts, not only the ones the demo stories happen to hold:
/// a confidential case of the caseworker's own office that is not theirs; an office case whose client
/// refused consent; a client who withdrew consent on the caseworker's own case; a case of another
/// office where the St Petersburg lawyer is a further lawyer. Plus the record kinds the demo lacks:
/// international submissions, uploaded case documents, an organisation export.
/// </summary>
public sealed record RuleBranchRecords(Guid ConfidentialCase, Guid RefusedConsentClient, Guid WithdrawnConsentClient, Guid FurtherLawyerCase)
{
    public static async Task<RuleBranchRecords> AddAsync(SecurityPortal portal)
    {
        var spb = new TestOffice(await portal.OfficeIdAsync("St Petersburg"), "SPB");
        var almaty = new TestOffice(await portal.OfficeIdAsync("Almaty"), "ALA");
        var lawyer = await portal.UserIdAsync("lawyer@demo.local");
        var lawyer2 = await portal.UserIdAsync("lawyer2@demo.local");
        var caseworker = await portal.UserIdAsync("caseworker@demo.local");

        var confidential = await new CaseBuilder(portal, spb).WithClient("Секретова Мадина").Confidential().AssignedTo(lead: lawyer2).BuildAsync();
        var refused = await new CaseBuilder(portal, spb).WithClient("Отказова Гульнара").WithConsentRefused().BuildAsync();
        var withdrawn = await new CaseBuilder(portal, spb).WithClient("Отозванов Бахтиёр").WithConsentWithdrawn().AssignedTo(caseworker: caseworker).BuildAsync();
        var further = await new CaseBuilder(portal, almaty).WithClient("Дальнейшая Айгуль").AssignedTo(lead: lawyer2, further: lawyer).BuildAsync();

        var demoCase = await portal.WithDbAsync(db => db.Cases.AsNoTracking().Where(c => !c.IsConfidential).OrderBy(c => c.Reference).Select(c => c.Id).FirstAsync());
        foreach (var caseId in new[] { confidential.Id, refused.Id, demoCase })
        {
            await AddSubmissionAsync(portal, caseId, lawyer2);
        }

        await MarkAsRecordedEventsAsync(portal);
        var coordinator = await portal.SignInAsync("coordinator@demo.local");
        await UploadAsync(coordinator.Client, confidential.Id);
        await UploadAsync(coordinator.Client, demoCase);
        var admin = await portal.SignInAsync("admin@demo.local");
        (await admin.Client.SubmitFormAsync("/exports", [], "/exports")).StatusCode.Should().Be(HttpStatusCode.Redirect, "an export is queued");

        return new RuleBranchRecords(confidential.Id, refused.ClientId, withdrawn.ClientId, further.Id);
    }

    /// <summary>
    /// The demo records no event of its own (its deadlines come from hearings and decisions): a few
    /// deadlines, of distinct cases, are given the source an event recorded on the event form leaves.
    /// </summary>
    private static Task<int> MarkAsRecordedEventsAsync(PortalFactory portal) =>
        portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""
            UPDATE case_deadlines SET source_type = {RecordEventHandler.SourceType}, source_id = gen_random_uuid()
            WHERE id IN (SELECT DISTINCT ON (case_id) id FROM case_deadlines ORDER BY case_id, id LIMIT 6)
            """));

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
