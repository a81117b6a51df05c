using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using Xunit.Abstractions;
using static MigrantAid.Tests.Support.HttpForms;
using static MigrantAid.Tests.Support.IntakeSteps;

namespace MigrantAid.Tests.Infrastructure;

/// <summary>
/// Every controller action that binds text from the query, a form or the route gets a NUL in each such field,
/// one at a time, from a signed-in user who is administrator, coordinator and lawyer at once (so that the
/// actions are reached, not refused): none may answer 500. The actions and their fields are read from the
/// portal's own action descriptors, so a new form is covered the day it is added.
/// </summary>
public partial class ControlCharacterSweepTests(PortalFactory portal, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    private const string Email = "ctl-sweep@test.local";
    private const string Nul = "ab\0cd";

    /// <summary>In a path: HTTP clients and Kestrel refuse a NUL there before the portal sees it, U+0001 gets through.</summary>
    private const string InPath = "ab\u0001cd";
    private const int MaxDepth = 3;

    [Fact]
    public async Task A_nul_in_any_bound_text_field_never_answers_500()
    {
        var world = await WorldAsync();
        var client = await portal.SignedInClientAsync(Email);
        var token = await client.TokenOnAsync("/profile");
        var probes = Probes(world).ToList();
        probes.Select(p => p.Action).Distinct().Count().Should().BeGreaterThanOrEqualTo(50, "the sweep should reach every action that binds text");

        var failures = new List<string>();
        var answers = new List<int>();
        foreach (var probe in probes)
        {
            var response = await SendAsync(client, probe, token);
            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/account/login", StringComparison.Ordinal) == true)
            {
                // An action ended this session (e.g. a password change): sign in again and repeat the probe.
                client = await portal.SignedInClientAsync(Email);
                token = await client.TokenOnAsync("/profile");
                response = await SendAsync(client, probe, token);
            }

            answers.Add((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Redirect && probe.Method != HttpMethods.Get)
            {
                output.WriteLine($"accepted: {probe.Method} {probe.Url} [{probe.Field}] -> {response.Headers.Location}");
            }

            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{probe.Method} {probe.Url} [{probe.Field}] answered {(int)response.StatusCode}");
            }
        }

        output.WriteLine($"{probes.Count} probes of {probes.Select(p => p.Action).Distinct().Count()} actions; answers: "
            + string.Join(", ", answers.GroupBy(a => a).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}")));
        failures.Should().BeEmpty();
    }

    private sealed record World(Guid OfficeId, Guid CaseId, Guid ClientId, Guid IntakeId, Guid OtherUserId);

    private sealed record Probe(string Action, string Method, string Url, string Field, bool InForm);

    private async Task<World> WorldAsync()
    {
        var office = await portal.Office().WithCode("SWEEP").SaveAsync();
        var user = await portal.Staff(Email).InOffice(office.Id).WithRoles(Roles.Admin, Roles.Coordinator, Roles.Lawyer).SaveAsync();
        var other = await portal.Staff("ctl-sweep-other@test.local").InOffice(office.Id).WithRoles(Roles.Caseworker).SaveAsync();
        var caseId = (await portal.Case(office).WithClient("Проверкин Сардор", null).OnBuildingSite().OpenedToday().OpenedBy(other.Id).AssignedTo(other.Id, user.Id).SaveAsync()).Id;
        var clientId = await portal.WithDbAsync(db => db.CaseClients.Where(c => c.CaseId == caseId).Select(c => c.ClientId).FirstAsync());
        var intakeId = await StartIntakeAsync(await portal.SignedInClientAsync(Email));
        return new World(office.Id, caseId, clientId, intakeId, other.Id);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Probe probe, string token)
    {
        if (probe.Method == HttpMethods.Get)
        {
            return client.GetAsync(probe.Url);
        }

        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        if (probe.InForm)
        {
            fields.Add(new(probe.Field, Nul));
        }

        return client.SendAsync(new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url) { Content = new FormUrlEncodedContent(fields) });
    }

    private IEnumerable<Probe> Probes(World world)
    {
        var actions = portal.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<ControllerActionDescriptor>();
        var metadata = portal.Services.GetRequiredService<IModelMetadataProvider>();
        foreach (var action in actions.Where(a => a.AttributeRouteInfo?.Template is not null))
        {
            var template = action.AttributeRouteInfo!.Template!;
            var method = action.ActionConstraints?.OfType<HttpMethodActionConstraint>().SelectMany(c => c.HttpMethods).FirstOrDefault() ?? HttpMethods.Get;
            if (template == "account/logout")
            {
                continue;
            }

            var name = $"{method} {template}";
            foreach (var (field, source) in TextFields(action, metadata))
            {
                var inPath = source == BindingSource.Path || RouteNames(template).Contains(field, StringComparer.OrdinalIgnoreCase);
                var path = "/" + Fill(template, world, inPath ? field : null);
                var inQuery = !inPath && (method == HttpMethods.Get || source == BindingSource.Query);
                var url = inQuery ? path + "?" + Uri.EscapeDataString(field) + "=" + Uri.EscapeDataString(Nul) : path;
                yield return new Probe(name, method, url, field, InForm: !inPath && !inQuery);
            }
        }
    }

    /// <summary>The action's text inputs: string parameters, and the string properties of bound models (nested, in lists).</summary>
    private static IEnumerable<(string Field, BindingSource? Source)> TextFields(ControllerActionDescriptor action, IModelMetadataProvider metadata)
    {
        foreach (var parameter in action.Parameters)
        {
            var source = parameter.BindingInfo?.BindingSource;
            if (!Bindable(source) || parameter.ParameterType == typeof(CancellationToken))
            {
                continue;
            }

            var name = parameter.BindingInfo?.BinderModelName ?? parameter.Name;
            if (parameter.ParameterType == typeof(string))
            {
                yield return (name, source);
                continue;
            }

            // A model binds its properties without the parameter's name as prefix when none is sent with it.
            var prefix = parameter.BindingInfo?.BinderModelName is { } explicitPrefix ? explicitPrefix + "." : "";
            foreach (var field in ModelFields(metadata.GetMetadataForType(parameter.ParameterType), prefix, 0))
            {
                yield return (field, source);
            }
        }
    }

    private static IEnumerable<string> ModelFields(ModelMetadata model, string prefix, int depth)
    {
        if (!model.IsComplexType || depth > MaxDepth)
        {
            yield break;
        }

        foreach (var property in model.Properties.Where(p => p.IsBindingAllowed && Bindable(p.BindingSource)))
        {
            var name = prefix + (property.BinderModelName ?? property.PropertyName);
            var type = property.ElementMetadata ?? property;
            if (type.ModelType == typeof(string))
            {
                yield return name;
            }
            else
            {
                foreach (var nested in ModelFields(type, property.IsEnumerableType ? name + "[0]." : name + ".", depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool Bindable(BindingSource? source) =>
        source is null || source == BindingSource.Query || source == BindingSource.Form || source == BindingSource.Path
        || source == BindingSource.ModelBinding || source == BindingSource.Custom;

    private static IEnumerable<string> RouteNames(string template) => RouteParameter().Matches(template).Select(m => m.Groups["name"].Value);

    /// <summary>The template with real ids of the world's records (so handlers are reached), and the NUL in <paramref name="nulIn"/>.</summary>
    private static string Fill(string template, World world, string? nulIn) => RouteParameter().Replace(template, m =>
    {
        var name = m.Groups["name"].Value;
        var constraint = m.Groups["constraint"].Value;
        if (string.Equals(name, nulIn, StringComparison.OrdinalIgnoreCase))
        {
            return Uri.EscapeDataString(InPath);
        }

        if (constraint.StartsWith(":int", StringComparison.Ordinal) || constraint.StartsWith(":long", StringComparison.Ordinal))
        {
            return "1";
        }

        if (constraint.StartsWith(":regex(", StringComparison.Ordinal))
        {
            return Regex.Match(constraint, @"\^\((\w+)").Groups[1].Value;
        }

        if (!constraint.StartsWith(":guid", StringComparison.Ordinal))
        {
            return name == "date" ? "2026-01-01" : name == "country" ? "RU" : "x";
        }

        var area = template.Split('/')[0];
        return (name, area) switch
        {
            ("caseId", _) or ("id", "cases") => world.CaseId.ToString(),
            ("id", "clients") => world.ClientId.ToString(),
            ("id", "intakes") => world.IntakeId.ToString(),
            ("id", "users") => world.OtherUserId.ToString(),
            ("id", "offices") => world.OfficeId.ToString(),
            _ => Guid.NewGuid().ToString(),
        };
    });

    [GeneratedRegex(@"\{\*{0,2}(?<name>\w+)(?<constraint>(:[^{}]*(\{[^}]*\})?[^{}]*)?)\??\}")]
    private static partial Regex RouteParameter();
}
