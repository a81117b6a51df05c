using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Tests.Features.Cases.Proceedings;

/// <summary>What a case holds of proceedings work, counted to prove that a refused form wrote nothing.</summary>
public sealed record ProceedingCounts(int Proceedings, int Hearings, int Decisions, int Deadlines);

/// <summary>
/// Builders for proceedings tests: an office in a given time zone, a case with a lawyer on it, and proceedings,
/// hearings, decisions, documents and deadline rules stored directly.
/// </summary>
public sealed class ProceedingKit(PortalFactory portal)
{
    public CaseWorkKit Cases { get; } = new(portal);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Local(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A date or time as the English pages show it (British formats).</summary>
    public static string Shown(DateTime local) => local.ToString("d MMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"));

    public static string Shown(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public Task<Office> OfficeAsync(string code, string timeZone) =>
        portal.WithDbAsync(async db =>
        {
            var office = new Office("Office " + code, "Almaty", "KZ", timeZone, portal.Clock.GetUtcNow());
            office.SetCode(code, portal.Clock.GetUtcNow());
            db.Offices.Add(office);
            await db.SaveChangesAsync();
            return office;
        });

    /// <summary>Today in a time zone, by the portal's clock.</summary>
    public DateOnly Today(string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(portal.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);

    /// <summary>A lawyer signed in and lead lawyer of a new case of the office; returns the case and the signed-in client.</summary>
    public async Task<(Guid CaseId, HttpClient Client, AppUser Lawyer)> LawyerCaseAsync(Office office, string email)
    {
        var lawyer = await Cases.StaffAsync(email, office.Id, Roles.Lawyer);
        var caseId = await Cases.CaseAsync(office, "Client of " + email, leadLawyer: lawyer.Id);
        return (caseId, await portal.SignedInClientAsync(email), lawyer);
    }

    public Task<Guid> ProceedingAsync(Guid caseId, DateOnly openedOn, CourtInstance instance = CourtInstance.FirstInstance,
        ProceedingType type = ProceedingType.AdministrativeOffence, Guid? challenges = null, string court = "Tverskoy District Court of Moscow", string country = "RU") =>
        portal.WithDbAsync(async db =>
        {
            var p = new CourtProceeding(caseId, country, court, instance, type, "Administrative expulsion", ProceedingClientRole.PersonConcerned, openedOn, Guid.NewGuid(), portal.Clock.GetUtcNow())
            {
                ChallengesId = challenges,
            };
            db.CourtProceedings.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });

    public Task<Guid> HearingAsync(Guid caseId, Guid proceedingId, DateTimeOffset startsAt) =>
        portal.WithDbAsync(async db =>
        {
            var h = new Hearing(proceedingId, caseId, startsAt, "Courtroom 5", Guid.NewGuid(), portal.Clock.GetUtcNow());
            db.Hearings.Add(h);
            await db.SaveChangesAsync();
            return h.Id;
        });

    public Task<Guid> DecisionAsync(Guid caseId, Guid proceedingId, DateOnly decidedOn) =>
        portal.WithDbAsync(async db =>
        {
            var d = new CourtDecision(proceedingId, caseId, decidedOn, DecisionOutcome.Rejected, Guid.NewGuid(), portal.Clock.GetUtcNow());
            db.CourtDecisions.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });

    public Task<Guid> DocumentAsync(Guid caseId, string fileName) =>
        portal.WithDbAsync(async db =>
        {
            var document = new CaseDocument(caseId, fileName, "application/pdf", 4, new string('0', 64), Guid.NewGuid(), portal.Clock.GetUtcNow());
            db.CaseDocuments.Add(document);
            db.CaseDocumentContents.Add(new CaseDocumentContent(document.Id, "%PDF"u8.ToArray()));
            await db.SaveChangesAsync();
            return document.Id;
        });

    /// <summary>The starter rule for appeals in administrative-offence cases: 10 calendar days from receipt of the copy.</summary>
    public Task<int> AppealRuleAsync(string name) =>
        portal.WithDbAsync(async db =>
        {
            var rule = new DeadlineRule
            {
                Name = name,
                Forum = "RU",
                Procedure = "Appeal against a decision in an administrative-offence case",
                Trigger = TriggerEvent.DecisionReceived,
                ProceedingType = ProceedingType.AdministrativeOffence,
                Period = 10,
                Unit = PeriodUnit.CalendarDays,
                IsActive = true,
            };
            db.DeadlineRules.Add(rule);
            await db.SaveChangesAsync();
            return rule.Id;
        });

    public Task<ProceedingCounts> CountsAsync(Guid caseId) =>
        portal.WithDbAsync(async db => new ProceedingCounts(
            await db.CourtProceedings.CountAsync(p => p.CaseId == caseId),
            await db.Hearings.CountAsync(h => h.CaseId == caseId),
            await db.CourtDecisions.CountAsync(d => d.CaseId == caseId),
            await db.CaseDeadlines.CountAsync(d => d.CaseId == caseId)));

    public static string? Value(IHtmlDocument page, string name) => page.QuerySelector($"[name='{name}']") switch
    {
        IHtmlTextAreaElement area => area.Value,
        IHtmlSelectElement select => select.Value,
        var input => input?.GetAttribute("value"),
    };

    /// <summary>
    /// Submits the form posting to <paramref name="action"/> the way a browser does: every field as it is on the page
    /// (checked boxes, selected options, text), with <paramref name="changes"/> typed over them.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string action, IEnumerable<KeyValuePair<string, string>> changes)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var form = page.Forms.First(f => string.Equals(f.GetAttribute("action"), action, StringComparison.OrdinalIgnoreCase));
        var given = changes.ToList();
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || given.Any(g => g.Key == name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked:
                case IHtmlButtonElement:
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    values.Add(new(name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value));
                    break;
            }
        }

        values.AddRange(given);
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    public static string Error(IHtmlDocument page, string field) => page.QuerySelector($"[data-testid=error-{field}]")?.TextContent.Trim() ?? "";
}
