using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Features.Users;

public class UserAdminTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "Fresh-Passw0rd!";

    [Fact]
    public async Task Admin_creates_user_who_sets_password_from_link_and_signs_in()
    {
        var (admin, _) = await AdminAsync("create-admin@test.local");
        var officeId = await CreateOfficeAsync();

        var response = await admin.SubmitFormAsync("/users/create",
            CreateForm("Zarina Karimova", "Zarina.Karimova@test.local", officeId, "en", Roles.Lawyer, Roles.Caseworker));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var link = ResetLink(HttpForms.Parse(await response.Content.ReadAsStringAsync()));
        var created = await FindUserAsync("zarina.karimova@test.local");
        created.Should().BeOfType<AppUser>("the account exists after the form is sent");
        created!.PasswordHash.Should().BeNull("the account is created without a password");
        created.FullName.Should().Be("Zarina Karimova");
        created.OfficeId.Should().Be(officeId);
        link.Should().StartWith($"https://localhost/account/reset-password?userId={created.Id}&token=");

        var createdEvent = (await portal.AuditAsync(AuditActions.UserCreated)).Should().ContainSingle(a => a.EntityId == created.Id.ToString()).Subject;
        createdEvent.Details.Should().Contain("Lawyer").And.Contain("Caseworker").And.Contain(officeId.ToString()).And.NotContainAny("assw", "token");
        (await portal.AuditAsync(AuditActions.PasswordResetLinkIssued)).Should().Contain(a => a.EntityId == created.Id.ToString());

        var setPassword = await SetPasswordFromLinkAsync(portal.NewClient(), link, NewPassword);
        setPassword.StatusCode.Should().Be(HttpStatusCode.Redirect);
        setPassword.Headers.Location!.ToString().Should().Contain("/account/login");

        var user = await portal.SignedInClientAsync("zarina.karimova@test.local", NewPassword);
        var home = await user.GetDocumentAsync("/");
        home.QuerySelector("[data-testid=home-roles]")!.TextContent.Should().Contain("Lawyer").And.Contain("Caseworker").And.NotContain("Admin");
        (await user.GetAsync("/users")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Reset_link_works_only_once()
    {
        var (admin, _) = await AdminAsync("once-admin@test.local");
        var response = await admin.SubmitFormAsync("/users/create",
            CreateForm("Once Only", "once-user@test.local", await CreateOfficeAsync(), "en", Roles.Caseworker));
        var link = ResetLink(HttpForms.Parse(await response.Content.ReadAsStringAsync()));

        (await SetPasswordFromLinkAsync(portal.NewClient(), link, NewPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var second = await SetPasswordFromLinkAsync(portal.NewClient(), link, "Other-Passw0rd!");

        second.StatusCode.Should().Be(HttpStatusCode.OK, "the form comes back with a message instead of setting the password");
        HttpForms.Parse(await second.Content.ReadAsStringAsync()).QuerySelector("[data-testid=form-errors] p")!.TextContent
            .Should().NotBeNullOrWhiteSpace("the used token is refused with a message");
        (await TrySignInAsync("once-user@test.local", "Other-Passw0rd!")).Should().BeFalse();
        (await TrySignInAsync("once-user@test.local", NewPassword)).Should().BeTrue();
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Lawyer)]
    [InlineData(Roles.Caseworker)]
    public async Task Non_admin_roles_are_refused_user_pages(string role)
    {
        var email = $"refused-{role.ToLowerInvariant()}@test.local";
        var target = await portal.CreateUserAsync(email, role);
        var client = await portal.SignedInClientAsync(email);

        foreach (var url in new[] { "/users", "/users/create", $"/users/{target.Id}/edit" })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden, url);
            (await response.Content.ReadAsStringAsync()).Should().Contain("You do not have permission to do this.");
        }

        // A valid antiforgery token of this user, taken from a page they may open.
        var token = Token(await client.GetDocumentAsync("/"));
        var newEmail = $"made-by-{role.ToLowerInvariant()}@test.local";
        var fields = CreateForm("Should Not Exist", newEmail, await CreateOfficeAsync(), "en", Roles.Admin);
        fields.Add(new("__RequestVerificationToken", token));
        var post = await client.PostAsync("/users/create", new FormUrlEncodedContent(fields));

        post.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await FindUserAsync(newEmail)).Should().BeNull();
        var disable = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        await client.PostAsync($"/users/{target.Id}/disable", new FormUrlEncodedContent(disable));
        (await FindUserAsync(email))!.IsActive.Should().BeTrue();
    }

    [Fact]
    public async Task Create_with_invalid_input_keeps_values_and_shows_field_messages()
    {
        var (admin, _) = await AdminAsync("invalid-admin@test.local");
        var officeId = await CreateOfficeAsync();
        var usersBefore = await portal.WithDbAsync(db => db.Users.CountAsync());

        var response = await admin.SubmitFormAsync("/users/create", CreateForm("", "not-an-email", officeId, "ru"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        Message(page, "FullName").Should().Be("Enter the full name.");
        Message(page, "Email").Should().Be("Enter a valid e-mail address.");
        Message(page, "Roles").Should().Be("Choose at least one role.");
        page.QuerySelector("input[name=Email]")!.GetAttribute("value").Should().Be("not-an-email");
        page.QuerySelector("select[name=OfficeId] option[selected]")!.GetAttribute("value").Should().Be(officeId.ToString());
        page.QuerySelector("select[name=PreferredLanguage] option[selected]")!.GetAttribute("value").Should().Be("ru");

        await portal.CreateUserAsync("taken@test.local", Roles.Lawyer);
        var duplicate = await admin.SubmitFormAsync("/users/create",
            CreateForm("Second Taken", "TAKEN@test.local", officeId, "en", Roles.Lawyer, Roles.Coordinator));

        duplicate.StatusCode.Should().Be(HttpStatusCode.OK);
        page = HttpForms.Parse(await duplicate.Content.ReadAsStringAsync());
        Message(page, "Email").Should().Be("A user with this e-mail already exists.");
        Message(page, "FullName").Should().BeEmpty();
        page.QuerySelector("input[name=FullName]")!.GetAttribute("value").Should().Be("Second Taken");
        page.QuerySelectorAll("input[name=Roles][checked]").Select(i => i.GetAttribute("value"))
            .Should().BeEquivalentTo(Roles.Lawyer, Roles.Coordinator);
        (await portal.WithDbAsync(db => db.Users.CountAsync())).Should().Be(usersBefore + 1, "only the user made directly exists");
    }

    [Fact]
    public async Task Case_staff_need_an_office_and_the_office_must_exist()
    {
        var (admin, _) = await AdminAsync("office-rule-admin@test.local");

        var withoutOffice = await admin.SubmitFormAsync("/users/create", CreateForm("No Office", "no-office@test.local", null, "en", Roles.Lawyer));
        var unknownOffice = await admin.SubmitFormAsync("/users/create", CreateForm("Gone Office", "gone-office@test.local", Guid.NewGuid(), "en", Roles.Lawyer));
        var adminWithoutOffice = await admin.SubmitFormAsync("/users/create", CreateForm("Head Admin", "head-admin@test.local", null, "en", Roles.Admin));

        Message(HttpForms.Parse(await withoutOffice.Content.ReadAsStringAsync()), "OfficeId").Should().NotBeEmpty();
        Message(HttpForms.Parse(await unknownOffice.Content.ReadAsStringAsync()), "OfficeId").Should().Be("Choose an office from the list.");
        ResetLink(HttpForms.Parse(await adminWithoutOffice.Content.ReadAsStringAsync())).Should().Contain("/account/reset-password");
        (await FindUserAsync("no-office@test.local")).Should().BeNull();
        (await FindUserAsync("gone-office@test.local")).Should().BeNull();
    }

    [Fact]
    public async Task Disabled_user_cannot_sign_in_and_open_session_ends_within_a_minute()
    {
        var (admin, _) = await AdminAsync("disable-admin@test.local");
        var user = await portal.CreateUserAsync("disabled-user@test.local", Roles.Caseworker);
        var session = await portal.SignedInClientAsync("disabled-user@test.local");
        (await session.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);

        var disable = await admin.SubmitFormAsync($"/users/{user.Id}/edit", [], $"/users/{user.Id}/disable");

        disable.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await FindUserAsync("disabled-user@test.local"))!.IsActive.Should().BeFalse();
        (await portal.AuditAsync(AuditActions.UserDisabled)).Should().Contain(a => a.EntityId == user.Id.ToString());

        portal.Clock.Advance(TimeSpan.FromSeconds(61));
        var next = await session.GetAsync("/");
        next.StatusCode.Should().Be(HttpStatusCode.Redirect);
        next.Headers.Location!.ToString().Should().Contain("/account/login");
        (await TrySignInAsync("disabled-user@test.local", PortalFactory.Password)).Should().BeFalse();

        var edit = await admin.GetDocumentAsync($"/users/{user.Id}/edit");
        edit.QuerySelector("[data-testid=user-status]")!.TextContent.Should().Contain("Disabled");
        (await admin.SubmitFormAsync($"/users/{user.Id}/edit", [], $"/users/{user.Id}/enable")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await portal.AuditAsync(AuditActions.UserEnabled)).Should().Contain(a => a.EntityId == user.Id.ToString());
        (await TrySignInAsync("disabled-user@test.local", PortalFactory.Password)).Should().BeTrue();
    }

    [Fact]
    public async Task Role_change_is_audited_with_old_and_new_roles()
    {
        var (admin, _) = await AdminAsync("roles-admin@test.local");
        var officeId = await CreateOfficeAsync();
        var user = await portal.CreateUserAsync("role-change@test.local", Roles.Lawyer);
        var session = await portal.SignedInClientAsync("role-change@test.local");

        var response = await SubmitEditAsync(admin, user.Id, "Renamed Person", officeId, "en", Roles.Coordinator, Roles.Caseworker);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var changed = (await portal.AuditAsync(AuditActions.UserRolesChanged)).Should().ContainSingle(a => a.EntityId == user.Id.ToString()).Subject;
        using (var details = JsonDocument.Parse(changed.Details!))
        {
            details.RootElement.GetProperty("old").EnumerateArray().Select(e => e.GetString()).Should().Equal(Roles.Lawyer);
            details.RootElement.GetProperty("new").EnumerateArray().Select(e => e.GetString()).Should().Equal(Roles.Coordinator, Roles.Caseworker);
        }

        var updates = (await portal.AuditAsync(AuditActions.UserUpdated)).Where(a => a.EntityId == user.Id.ToString())
            .Select(a => JsonDocument.Parse(a.Details!).RootElement).ToList();
        updates.Select(d => d.GetProperty("field").GetString()).Should().BeEquivalentTo("FullName", "OfficeId");
        var nameChange = updates.Single(d => d.GetProperty("field").GetString() == "FullName");
        nameChange.GetProperty("old").GetString().Should().Be(user.FullName);
        nameChange.GetProperty("new").GetString().Should().Be("Renamed Person");

        // The renewed security stamp ends the open session at the next check; signing in again brings the new roles.
        portal.Clock.Advance(TimeSpan.FromSeconds(61));
        (await session.GetAsync("/")).Headers.Location!.ToString().Should().Contain("/account/login");
        var again = await portal.SignedInClientAsync("role-change@test.local");
        var roles = (await again.GetDocumentAsync("/")).QuerySelector("[data-testid=home-roles]")!.TextContent;
        roles.Should().Contain("Coordinator").And.Contain("Caseworker").And.NotContain("Lawyer");
    }

    [Fact]
    public async Task Office_change_ends_the_open_session_so_the_old_office_cases_are_not_kept()
    {
        var (admin, _) = await AdminAsync("office-move-admin@test.local");
        var firstOffice = await CreateOfficeAsync();
        var secondOffice = await CreateOfficeAsync();
        var user = await portal.CreateUserAsync("office-move@test.local", Roles.Caseworker);
        await SubmitEditAsync(admin, user.Id, user.FullName, firstOffice, "en", Roles.Caseworker);
        var session = await portal.SignedInClientAsync("office-move@test.local");
        portal.Clock.Advance(TimeSpan.FromSeconds(61));
        (await session.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK, "nothing changed yet");

        var response = await SubmitEditAsync(admin, user.Id, user.FullName, secondOffice, "en", Roles.Caseworker);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        portal.Clock.Advance(TimeSpan.FromSeconds(61));
        (await session.GetAsync("/")).Headers.Location!.ToString().Should().Contain("/account/login", "the office in the cookie is out of date");
    }

    [Fact]
    public async Task Admin_cannot_disable_themself()
    {
        var (admin, self) = await AdminAsync("self-disable@test.local");

        var edit = await admin.GetDocumentAsync($"/users/{self.Id}/edit");
        edit.QuerySelector("[data-testid=disable-user]").Should().BeNull("the page offers no button to disable oneself");
        var token = Token(edit);
        var response = await admin.PostAsync($"/users/{self.Id}/disable",
            new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", token)]));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        HttpForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent
            .Should().Contain("You cannot disable your own account.");
        (await FindUserAsync("self-disable@test.local"))!.IsActive.Should().BeTrue();
        (await portal.AuditAsync(AuditActions.UserDisabled)).Should().NotContain(a => a.EntityId == self.Id.ToString());
        (await admin.GetAsync("/users")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Admin_cannot_remove_the_admin_role_from_themself()
    {
        var (admin, self) = await AdminAsync("self-demote@test.local");

        var response = await SubmitEditAsync(admin, self.Id, self.FullName, null, "en", Roles.Coordinator);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        Message(page, "Roles").Should().Be("You cannot remove the Admin role from yourself.");
        page.QuerySelectorAll("input[name=Roles][checked]").Select(i => i.GetAttribute("value")).Should().Equal(Roles.Coordinator);
        var roles = await portal.WithDbAsync(db => db.UserRoles.Where(ur => ur.UserId == self.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        roles.Should().Equal(Roles.Admin);
        (await portal.AuditAsync(AuditActions.UserRolesChanged)).Should().NotContain(a => a.EntityId == self.Id.ToString());
    }

    [Fact]
    public async Task Users_list_pages_by_email_and_filters_by_search_role_office_and_status()
    {
        var (admin, _) = await AdminAsync("list-admin@test.local");
        var prefix = "pg" + Guid.NewGuid().ToString("N")[..8];
        var emails = new List<string>();
        for (var i = 1; i <= 27; i++)
        {
            var email = $"{prefix}-{i:00}@test.local";
            await portal.CreateUserAsync(email, i % 3 == 0 ? Roles.Lawyer : Roles.Caseworker);
            emails.Add(email);
        }

        var first = await admin.GetDocumentAsync($"/users?q={prefix.ToUpperInvariant()}");
        Emails(first).Should().Equal(emails.Take(25), "the first page holds 25 rows in e-mail order");
        var next = first.QuerySelector("a[data-testid=next-page]")!.GetAttribute("href")!;
        next.Should().Contain("after=").And.Contain("q=");
        var second = await admin.GetDocumentAsync(next);
        Emails(second).Should().Equal(emails.Skip(25));
        second.QuerySelector("a[data-testid=next-page]").Should().BeNull();

        var byName = await admin.GetDocumentAsync($"/users?q={Uri.EscapeDataString("TEST " + prefix + "-0")}");
        Emails(byName).Should().Equal(emails.Take(9), "the name is searched without regard to case");

        var lawyers = await admin.GetDocumentAsync($"/users?q={prefix}&role=Lawyer");
        Emails(lawyers).Should().Equal(emails.Where((_, i) => (i + 1) % 3 == 0));

        var officeId = await CreateOfficeAsync();
        await portal.WithDbAsync(async db =>
        {
            var users = await db.Users.Where(u => u.Email == emails[1] || u.Email == emails[4]).ToListAsync();
            users.ForEach(u => u.OfficeId = officeId);
            db.Users.Single(u => u.Email == emails[0]).IsActive = false;
            return await db.SaveChangesAsync();
        });
        Emails(await admin.GetDocumentAsync($"/users?q={prefix}&office={officeId}")).Should().Equal(emails[1], emails[4]);
        Emails(await admin.GetDocumentAsync($"/users?q={emails[0]}")).Should().BeEmpty("disabled users are hidden by default");
        var withDisabled = await admin.GetDocumentAsync($"/users?q={emails[0]}&disabled=true");
        Emails(withDisabled).Should().Equal(emails[0]);
        withDisabled.QuerySelector("[data-testid=user-status]")!.TextContent.Should().Contain("Disabled");

        Emails(await admin.GetDocumentAsync("/users?q=%25")).Should().BeEmpty("a % typed in the search is matched literally");
    }

    [Fact]
    public async Task Admin_issues_a_new_password_link_that_replaces_a_forgotten_password()
    {
        var (admin, _) = await AdminAsync("relink-admin@test.local");
        var user = await portal.CreateUserAsync("forgot@test.local", Roles.Lawyer);

        var response = await admin.SubmitFormAsync($"/users/{user.Id}/edit", [], $"/users/{user.Id}/password-link");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=reset-link-expires]")!.TextContent.Should().Contain(portal.Clock.GetUtcNow().AddDays(3).Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await portal.AuditAsync(AuditActions.PasswordResetLinkIssued)).Should().Contain(a => a.EntityId == user.Id.ToString());
        (await SetPasswordFromLinkAsync(portal.NewClient(), ResetLink(page), NewPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await TrySignInAsync("forgot@test.local", NewPassword)).Should().BeTrue();
        (await TrySignInAsync("forgot@test.local", PortalFactory.Password)).Should().BeFalse();
    }

    [Fact]
    public async Task Post_without_antiforgery_token_creates_no_user()
    {
        var (admin, _) = await AdminAsync("csrf-admin@test.local");

        var response = await admin.PostWithoutTokenAsync("/users/create",
            CreateForm("Forged User", "forged@test.local", await CreateOfficeAsync(), "en", Roles.Admin));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await FindUserAsync("forged@test.local")).Should().BeNull();
        (await portal.AuditAsync(AuditActions.UserCreated)).Should().NotContain(a => a.Details!.Contains("Forged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_user_gives_not_found()
    {
        var (admin, self) = await AdminAsync("unknown-admin@test.local");
        var token = Token(await admin.GetDocumentAsync($"/users/{self.Id}/edit"));
        var unknown = Guid.NewGuid();

        (await admin.GetAsync($"/users/{unknown}/edit")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        foreach (var action in new[] { "edit", "disable", "enable", "password-link" })
        {
            var response = await admin.PostAsync($"/users/{unknown}/{action}",
                new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", token)]));
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, action);
        }
    }

    private async Task<(HttpClient Client, AppUser User)> AdminAsync(string email)
    {
        var user = await portal.CreateUserAsync(email, Roles.Admin);
        return (await portal.SignedInClientAsync(email), user);
    }

    private Task<Guid> CreateOfficeAsync() => portal.WithDbAsync(async db =>
    {
        var office = new Office("Office " + Guid.NewGuid().ToString("N")[..8], "Moscow", "RU", "Europe/Moscow", portal.Clock.GetUtcNow());
        db.Offices.Add(office);
        await db.SaveChangesAsync();
        return office.Id;
    });

    private Task<AppUser?> FindUserAsync(string email) =>
        portal.WithDbAsync(db => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));

    private static List<KeyValuePair<string, string>> CreateForm(string name, string email, Guid? officeId, string language, params string[] roles)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("FullName", name),
            new("Email", email),
            new("OfficeId", officeId?.ToString() ?? ""),
            new("PreferredLanguage", language),
        };
        fields.AddRange(roles.Select(r => new KeyValuePair<string, string>("Roles", r)));
        return fields;
    }

    private static async Task<HttpResponseMessage> SubmitEditAsync(HttpClient admin, Guid id, string name, Guid? officeId, string language, params string[] roles)
    {
        var form = await admin.GetDocumentAsync($"/users/{id}/edit");
        var fields = CreateForm(name, "", officeId, language, roles).Where(f => f.Key != "Email").ToList();
        fields.Add(new("ConcurrencyStamp", form.QuerySelector("input[name=ConcurrencyStamp]")!.GetAttribute("value")!));
        return await admin.SubmitFormAsync($"/users/{id}/edit", fields);
    }

    /// <summary>Opens the link as its recipient would and sets the password on the page it leads to.</summary>
    private static async Task<HttpResponseMessage> SetPasswordFromLinkAsync(HttpClient client, string link, string password)
    {
        var url = new Uri(link).PathAndQuery;
        var page = await client.GetDocumentAsync(url);
        return await client.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["UserId"] = page.QuerySelector("input[name=UserId]")!.GetAttribute("value")!,
            ["Token"] = page.QuerySelector("input[name=Token]")!.GetAttribute("value")!,
            ["NewPassword"] = password,
            ["ConfirmPassword"] = password,
        });
    }

    private async Task<bool> TrySignInAsync(string email, string password)
    {
        var response = await portal.NewClient().SubmitFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
        });
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    private static string ResetLink(IHtmlDocument page) =>
        page.QuerySelector("[data-testid=reset-link]")?.TextContent.Trim()
        ?? throw new InvalidOperationException("No reset link on the page: " + page.QuerySelector("main")?.TextContent);

    private static string Token(IHtmlDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static string Message(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for={field}]")?.TextContent.Trim() ?? "";

    private static List<string> Emails(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=user-email]").Select(e => e.TextContent.Trim()).ToList();
}
