using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MigrantAid.Web;
using MigrantAid.Web.Domain.Cases;

namespace MigrantAid.Tests.Support;

/// <summary>What tests read from the running portal besides pages: its dates, its texts, stored records and what an action left in TempData.</summary>
public static class PortalReads
{
    /// <summary>The date the test clock shows in a time zone (by default the builders' offices', Moscow).</summary>
    public static DateOnly Today(this PortalFactory portal, string timeZone = Builders.OfficeBuilder.DefaultTimeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(portal.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);

    /// <summary>A resource's English text (the key itself until the resources have it).</summary>
    public static string English(this PortalFactory portal, string key, params object[] arguments)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
        try
        {
            return portal.Services.GetRequiredService<IStringLocalizer<SharedResource>>()[key, arguments];
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>What an action left in TempData (the cookie the response set), read with the portal's own provider.</summary>
    public static IDictionary<string, object> TempDataOf(this PortalFactory portal, HttpResponseMessage response)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = portal.Services };
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        context.Request.Headers.Cookie = string.Join("; ", cookies.Select(c => c.Split(';')[0]));
        return portal.Services.GetRequiredService<ITempDataProvider>().LoadTempData(context);
    }

    public static Task<Case> StoredCaseAsync(this PortalFactory portal, Guid id) =>
        portal.WithDbAsync(db => db.Cases.AsNoTracking().Include(c => c.Lawyers).Include(c => c.Clients).SingleAsync(c => c.Id == id));

    public static Task<Intake> StoredIntakeAsync(this PortalFactory portal, Guid id) =>
        portal.WithDbAsync(db => db.Intakes.AsNoTracking().Include(i => i.Respondents).SingleAsync(i => i.Id == id));
}
