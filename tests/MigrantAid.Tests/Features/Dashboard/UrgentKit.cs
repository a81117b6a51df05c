using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Tests.Features.Dashboard;

/// <summary>Intakes stored directly for the urgent-intake clock tests.</summary>
public static class UrgentKit
{
    /// <summary>An intake in <paramref name="officeId"/>, submitted at <paramref name="submittedAt"/> (a draft when null).</summary>
    public static Task<Guid> IntakeAsync(PortalFactory portal, Guid officeId, DateTimeOffset? submittedAt, bool urgent = true, Guid? createdBy = null) =>
        portal.WithDbAsync(async db =>
        {
            var now = portal.Clock.GetUtcNow();
            var client = new Client(officeId, "Urgent Clock " + Guid.NewGuid().ToString("N")[..6], null, Guid.NewGuid(), now);
            db.Clients.Add(client);
            var category = await db.ComplaintCategories.Select(c => c.Id).FirstAsync();
            var intake = new Web.Domain.Cases.Intake(officeId, createdBy ?? Guid.NewGuid(), submittedAt ?? now) { ClientId = client.Id, InDetention = urgent, CategoryIds = [category] };
            if (submittedAt is { } at)
            {
                intake.Submit(at);
            }

            db.Intakes.Add(intake);
            await db.SaveChangesAsync();
            return intake.Id;
        });
}
