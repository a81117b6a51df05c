using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Infrastructure;

namespace MigrantAid.BrowserTests.Infrastructure;

public sealed record SeededCase(Guid Id, string Reference, Guid ClientId, string ClientName);

/// <summary>
/// Cases put straight into the portal's database the way an accepted intake leaves them, for tests
/// whose subject is not the intake itself (the intake is driven through the browser elsewhere).
/// </summary>
public static class CaseSeeds
{
    /// <summary>A client, its submitted and accepted intake, and the numbered case with <paramref name="leadLawyerId"/> as lead lawyer.</summary>
    public static async Task<SeededCase> OpenCaseAsync(this BrowserPortal portal, string officeName, string clientName, Guid leadLawyerId, string title)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var office = await db.Offices.SingleAsync(o => o.Name == officeName);
        var category = await db.ComplaintCategories.Where(c => c.Code == "labour.unpaid-wages").Select(c => c.Id).SingleAsync();
        var now = portal.Clock.GetUtcNow();
        var openedOn = OfficeTime.For(office.TimeZoneId).Today(now);

        var client = new Client(office.Id, clientName, null, leadLawyerId, now) { Citizenship = "UZ" };
        db.Clients.Add(client);
        var intake = new Intake(office.Id, leadLawyerId, now) { ClientId = client.Id, CategoryIds = [category] };
        intake.Submit(now);
        intake.Accept(leadLawyerId, now);
        db.Intakes.Add(intake);

        var number = await CaseNumbers.NextAsync(db, office.Id, openedOn.Year);
        var opened = new Case(office.Id, office.CasePrefix, openedOn.Year, number, intake, title, leadLawyerId, openedOn, now);
        opened.Assign(null, leadLawyerId, [], leadLawyerId, now);
        db.Cases.Add(opened);
        db.CaseCategories.Add(new CaseCategory { CaseId = opened.Id, CategoryId = category });
        await db.SaveChangesAsync();
        return new SeededCase(opened.Id, opened.Reference, client.Id, clientName);
    }
}
