using static MigrantAid.Tests.Support.HttpForms;

namespace MigrantAid.Tests.Support;

/// <summary>
/// The intake steps driven through HTTP the way the browser submits them (hidden fields such as the row
/// version included): a draft started, its client registered, the complaint, the consent, submitted, accepted.
/// </summary>
public sealed class IntakeSteps(PortalFactory portal)
{
    /// <summary>Starts a draft and returns its id.</summary>
    public static async Task<Guid> StartIntakeAsync(HttpClient client)
    {
        var location = Location(await PostFormAsync(client, "/intakes", "/intakes/new", []));
        location.Should().EndWith("/client");
        return IdIn(location, 1);
    }

    public static async Task<HttpResponseMessage> RegisterClientAsync(HttpClient client, Guid intake, string name, string? patronymic = null, string next = "continue") =>
        await PostFormAsync(client, $"/intakes/{intake}/client", $"/intakes/{intake}/client/new",
        [
            new("NewClient.FullName", name),
            new("NewClient.Patronymic", patronymic ?? ""),
            new("NewClient.BirthYear", "1990"),
            new("NewClient.Sex", "Male"),
            new("NewClient.Citizenship", "TJ"),
            new("NewClient.ConfirmNew", "true"),
            new("Next", next),
        ]);

    public async Task<HttpResponseMessage> ComplaintAsync(HttpClient client, Guid intake, string next = "continue", string account = "He worked on a building site for three months and was not paid.",
        IEnumerable<KeyValuePair<string, string>>? respondents = null)
    {
        var category = await portal.CategoryIdAsync("labour.unpaid-wages");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("CategoryIds", category.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("IncidentCountry", "RU"),
            new("IncidentCity", "St Petersburg"),
            new("IncidentFrom", portal.Today().AddMonths(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("IncidentTo", portal.Today().AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Account", account),
            new("ClientWishes", "To be paid what he is owed."),
            new("Next", next),
        };
        fields.AddRange(respondents ??
        [
            new("Respondents[0].Name", "Stroy-Invest LLC"),
            new("Respondents[0].Type", "Employer"),
            new("Respondents[0].Sector", "Construction"),
        ]);
        return await PostFormAsync(client, $"/intakes/{intake}/complaint", $"/intakes/{intake}/complaint", fields);
    }

    public async Task<HttpResponseMessage> ConsentAsync(HttpClient client, Guid intake, string next = "continue") =>
        await PostFormAsync(client, $"/intakes/{intake}/consent", $"/intakes/{intake}/consent",
        [
            new("Status", "Given"),
            new("Date", portal.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Scope", "Legal help with this complaint."),
            new("Next", next),
        ]);

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, Guid intake, bool detention = false)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Next", "submit") };
        if (detention)
        {
            fields.Add(new("InDetention", "true"));
        }

        return await PostFormAsync(client, $"/intakes/{intake}/triage", $"/intakes/{intake}/triage", fields);
    }

    /// <summary>A whole intake through the steps, submitted; returns its id.</summary>
    public async Task<Guid> SubmittedIntakeAsync(HttpClient client, string clientName, bool urgent = false)
    {
        var intake = await StartIntakeAsync(client);
        Location(await RegisterClientAsync(client, intake, clientName)).Should().Be($"/intakes/{intake}/complaint");
        Location(await ComplaintAsync(client, intake)).Should().Be($"/intakes/{intake}/consent");
        Location(await ConsentAsync(client, intake)).Should().Be($"/intakes/{intake}/triage");
        Location(await SubmitAsync(client, intake, urgent)).Should().Be($"/intakes/{intake}");
        return intake;
    }

    public static async Task<Guid> AcceptAsync(HttpClient client, Guid intake, string title, Guid? leadLawyer = null)
    {
        var location = Location(await PostFormAsync(client, $"/intakes/{intake}", $"/intakes/{intake}/accept",
        [
            new("Accept.Title", title),
            new("Accept.Priority", "Normal"),
            new("Accept.LeadLawyerId", leadLawyer?.ToString() ?? ""),
        ]));
        location.Should().StartWith("/cases/");
        return IdIn(location, 1);
    }
}
