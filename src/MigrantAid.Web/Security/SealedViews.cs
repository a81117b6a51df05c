using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Security.Sessions;

namespace MigrantAid.Web.Security;

/// <summary>An action that asks no reason for a sealed case (the reason form itself).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AsksNoSealedReasonAttribute : Attribute;

/// <summary>
/// A reason for every view of a sealed case (issue 15, ADR 0023). A person named on a sealed case who opens any page
/// of it (the case page and every page under <c>/cases/{id}/</c>), of one of its clients (<c>/clients/{id}/…</c>) or of
/// its intake (<c>/intakes/{id}/…</c>) is first sent to the reason form, unless they gave a reason for that case in this
/// sign-in session less than <see cref="SealedViewReason.Lifetime"/> ago. The reason is kept on the server
/// (<c>sealed_view_reasons</c>, by session and case), and every audit event of the request carries it
/// (<see cref="Audit.AuditLog"/> adds it as <see cref="Detail"/>). Someone not named is never sent to the form: the page
/// itself answers 404 as for any record they may not see. Unsafe requests are not turned away (a typed form is never
/// lost); they carry the reason when one holds.
/// </summary>
public sealed class SealedReasonFilter(AppDbContext db, TimeProvider clock) : IAsyncActionFilter
{
    /// <summary>The route of the reason form (its controller names it), with <c>id</c> and <c>returnUrl</c>.</summary>
    public const string ReasonRoute = "sealed-case-reason";

    /// <summary>The key of the reason in an audit event's details.</summary>
    public const string Detail = "viewReason";

    private const string ItemKey = "MigrantAid.SealedViewReason";

    /// <summary>The reason that holds for this request, once the filter found one.</summary>
    public static string? ReasonOf(HttpContext? http) => http?.Items.TryGetValue(ItemKey, out var value) == true ? value as string : null;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (context.ActionDescriptor.EndpointMetadata.OfType<AsksNoSealedReasonAttribute>().Any()
            || Scope(context) is not { } scope
            || Viewer.From(http.User).UserId == Guid.Empty)
        {
            await next();
            return;
        }

        var session = CurrentSession.Id(http) ?? Guid.Empty;
        var now = clock.GetUtcNow();
        var found = await Named(scope.Kind, scope.Id, Viewer.From(http.User))
            .Select(c => new
            {
                c.Id,
                Reason = db.SealedViewReasons.Where(r => r.SessionId == session && r.CaseId == c.Id && r.ExpiresAt > now)
                    .Select(r => r.Reason).FirstOrDefault(),
            })
            .OrderBy(c => c.Reason == null).ThenBy(c => c.Id)
            .FirstOrDefaultAsync(http.RequestAborted);
        if (found?.Reason is { } reason)
        {
            http.Items[ItemKey] = reason;
        }
        else if (found is not null && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)))
        {
            context.Result = new RedirectToRouteResult(ReasonRoute, new { id = found.Id, returnUrl = http.Request.Path + http.Request.QueryString });
            return;
        }

        await next();
    }

    /// <summary>
    /// The sealed cases behind the record that <paramref name="viewer"/> is named on; for an intake, only if the viewer may
    /// see that intake at all (a page that answers 404 asks no reason).
    /// </summary>
    private IQueryable<Case> Named(string kind, Guid id, Viewer viewer)
    {
        var me = viewer.UserId;
        var named = db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(c => c.IsSealed && db.CaseSealedPeople.Any(p => p.CaseId == c.Id && p.UserId == me));
        var intakes = db.Intakes.Where(IntakeAccess.Seen(viewer)).Select(i => i.Id);
        return kind switch
        {
            "cases" => named.Where(c => c.Id == id),
            "clients" => named.Where(c => db.CaseClients.Any(cc => cc.CaseId == c.Id && cc.ClientId == id)),
            _ => named.Where(c => c.IntakeId == id && intakes.Contains(c.IntakeId)),
        };
    }

    /// <summary>The record a page is about, read from its route template: <c>cases/{id}</c> or <c>cases/{caseId}/…</c>, <c>clients/{id}…</c>, <c>intakes/{id}…</c>.</summary>
    private static (string Kind, Guid Id)? Scope(ActionExecutingContext context)
    {
        var template = context.ActionDescriptor.AttributeRouteInfo?.Template;
        var kind = template?.Split('/') is [var first, var second, ..] && second.StartsWith('{') ? first : null;
        if (kind is not ("cases" or "clients" or "intakes"))
        {
            return null;
        }

        var values = context.RouteData.Values;
        var raw = kind == "cases" && values.TryGetValue("caseId", out var caseId) ? caseId : values.GetValueOrDefault("id");
        return Guid.TryParse(raw?.ToString(), out var id) ? (kind, id) : null;
    }
}
