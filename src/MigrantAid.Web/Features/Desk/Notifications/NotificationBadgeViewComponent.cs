using System.Data.Common;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Data;
using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Web.Features.Desk.Notifications;

/// <summary>The navigation's link to the notifications, with the unread count (one indexed count per page).</summary>
public sealed class NotificationBadgeViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var id = UserClaimsPrincipal.Id();
        if (User.Identity?.IsAuthenticated != true || id == Guid.Empty)
        {
            return Content("");
        }

        int unread;
        try
        {
            unread = await ListNotificationsHandler.UnreadCountAsync(db, id, HttpContext.RequestAborted);
        }
        catch (DbException)
        {
            // The layout also frames the error page shown when the database is away: the link without a count.
            unread = 0;
        }

        return View("/Features/Desk/Notifications/_Badge.cshtml", unread);
    }
}
