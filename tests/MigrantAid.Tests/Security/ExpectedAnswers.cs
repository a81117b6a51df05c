using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Web.Security;

namespace MigrantAid.Tests.Security;

/// <summary>
/// What one user should get on a record page, computed with the portal's own rules, never a copy of
/// them: the endpoint's effective policy through the portal's IAuthorizationService (403 when the role
/// does not allow it), then the record's visibility (404 when hidden) from Security/CaseAccess.cs (the
/// in-memory predicate for a case and what hangs on it), Security/ClientAccess.cs (the query expression
/// for clients) and Security/IntakeAccess.cs (the intake gate) for intakes, then the page's own rule, else 200.
/// </summary>
public sealed class ExpectedAnswers
{
    private readonly IAuthorizationService _authorization;
    private readonly ClaimsPrincipal _principal;
    private readonly HashSet<Guid> _visibleClients;
    private readonly HashSet<Guid> _visibleIntakes;
    private readonly HashSet<Guid> _sealedClients;
    private readonly HashSet<Guid> _sealedIntakes;
    private readonly Dictionary<string, bool> _roleAllows = [];

    private ExpectedAnswers(IAuthorizationService authorization, ClaimsPrincipal principal, HashSet<Guid> visibleClients, HashSet<Guid> visibleIntakes,
        HashSet<Guid> sealedClients, HashSet<Guid> sealedIntakes)
    {
        _sealedClients = sealedClients;
        _sealedIntakes = sealedIntakes;
        _authorization = authorization;
        _principal = principal;
        Viewer = Viewer.From(principal);
        _visibleClients = visibleClients;
        _visibleIntakes = visibleIntakes;
    }

    public Viewer Viewer { get; }

    public static async Task<ExpectedAnswers> ForAsync(SecurityPortal portal, ClaimsPrincipal principal, IEnumerable<RecordRow> intakes)
    {
        var viewer = Viewer.From(principal);
        var clients = await portal.WithDbAsync(db => db.Clients.AsNoTracking().Where(ClientAccess.VisibleClients(viewer, db)).Select(c => c.Id).ToListAsync());
        var visibleIntakes = new HashSet<Guid>();
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var gate = scope.ServiceProvider.GetRequiredService<IntakeGate>();
            foreach (var intake in intakes)
            {
                if (await gate.LoadAsync(intake.IntakeId!.Value, viewer, track: false) is not null)
                {
                    visibleIntakes.Add(intake.IntakeId!.Value);
                }
            }
        }

        var sealedClients = await portal.WithDbAsync(db => db.CaseClients.Where(cc => db.Cases.Any(c => c.Id == cc.CaseId && c.IsSealed)).Select(cc => cc.ClientId).ToListAsync());
        var sealedIntakes = await portal.WithDbAsync(db => db.Cases.Where(c => c.IsSealed).Select(c => c.IntakeId).ToListAsync());
        return new ExpectedAnswers(portal.Services.GetRequiredService<IAuthorizationService>(), principal, [.. clients], visibleIntakes, [.. sealedClients], [.. sealedIntakes]);
    }

    public async Task<HttpStatusCode> ForAsync(RecordPage page, PortalEndpoint endpoint, RecordRow record)
    {
        if (!_roleAllows.TryGetValue(endpoint.Key, out var allowed))
        {
            allowed = (await _authorization.AuthorizeAsync(_principal, endpoint.Policy)).Succeeded;
            _roleAllows[endpoint.Key] = allowed;
        }

        if (!allowed)
        {
            return HttpStatusCode.Forbidden;
        }

        if (!MaySee(record))
        {
            return HttpStatusCode.NotFound;
        }

        // A sealed case, its client and its intake first ask whoever may see them (the people named) for a reason.
        if (AsksReason(record) && page.Route != "/cases/{id:guid}/reason")
        {
            return HttpStatusCode.Redirect;
        }

        return page.OwnRule?.Invoke(record, Viewer) ?? HttpStatusCode.OK;
    }

    private bool AsksReason(RecordRow record) => record switch
    {
        { Case: { } c } => c.IsSealed,
        { ClientId: { } client } => _sealedClients.Contains(client),
        { IntakeId: { } intake } => _sealedIntakes.Contains(intake),
        _ => false,
    };

    public bool MaySee(RecordRow record) => record switch
    {
        { Case: { } c } => CaseAccess.CanView(c, Viewer),
        { ClientId: { } client } => _visibleClients.Contains(client),
        { IntakeId: { } intake } => _visibleIntakes.Contains(intake),
        _ => true,
    };
}
