using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MigrantAid.Web;

namespace MigrantAid.Tests.Support;

/// <summary>What tests read from the running portal besides pages: its dates, its texts and what an action left in TempData.</summary>
public static class PortalTexts
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
}
