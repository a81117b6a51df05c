using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Infrastructure;

/// <summary>
/// A failed sign-in must not tell whether the e-mail has an account: the answer's text and its
/// time are the same for a wrong password, an unknown e-mail and a disabled account.
/// </summary>
public class EqualAnswersTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const int Rounds = 15;

    [Fact]
    public async Task Wrong_password_unknown_email_and_disabled_account_take_alike_and_say_the_same()
    {
        await portal.CreateUserAsync("equal-active@test.local", Roles.Lawyer);
        var disabled = await portal.CreateUserAsync("equal-disabled@test.local", Roles.Lawyer);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var stored = (await users.FindByIdAsync(disabled.Id.ToString()))!;
            stored.IsActive = false;
            (await users.UpdateAsync(stored)).Succeeded.Should().BeTrue();
        }

        var cases = new Dictionary<string, string>
        {
            ["wrong password"] = "equal-active@test.local",
            ["unknown e-mail"] = "equal-nobody@test.local",
            ["disabled account"] = "equal-disabled@test.local",
        };
        var client = portal.NewClient();
        var token = (await client.GetDocumentAsync("/account/login")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var times = cases.Keys.ToDictionary(k => k, _ => new List<double>());
        var messages = new Dictionary<string, string>();

        // Round robin, after one warm-up round, so a busy moment of the machine falls on every case alike.
        for (var round = -1; round < Rounds; round++)
        {
            foreach (var (name, email) in cases)
            {
                var watch = Stopwatch.StartNew();
                var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Email"] = email,
                    ["Password"] = "Wrong-Password-" + round,
                    ["__RequestVerificationToken"] = token,
                }));
                var body = await response.Content.ReadAsStringAsync();
                watch.Stop();
                response.StatusCode.Should().Be(HttpStatusCode.OK, "{0} is refused on the form", name);
                messages[name] = HttpForms.Parse(body).QuerySelector("[data-testid=form-errors]")!.TextContent.Trim();
                if (round >= 0)
                {
                    times[name].Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        messages.Values.Distinct().Should().ContainSingle("the three refusals must read the same").Which.Should().Contain("not correct");
        var medians = times.ToDictionary(t => t.Key, t => Median(t.Value));
        var slowest = medians.Values.Max();
        var fastest = medians.Values.Min();
        (slowest / fastest).Should().BeLessThan(2.0,
            "the medians ({0}) should be within a factor of 2", string.Join(", ", medians.Select(m => $"{m.Key}: {m.Value:F0} ms")));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
