using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security;

namespace MigrantAid.Tests.Security;

public class CommonPasswordTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Refusal = "among the most commonly used passwords";

    private static readonly CommonPasswordValidator Validator = new(CommonPasswords.Load());

    [Fact]
    public void The_list_holds_at_least_ten_thousand_passwords_from_its_package()
    {
        var list = CommonPasswords.Load();

        list.Count.Should().BeGreaterThanOrEqualTo(10_000);
        list.Source.Should().StartWith("@zxcvbn-ts/language-common ");
        list.Contains("qwerty").Should().BeTrue();
    }

    [Theory]
    [InlineData("Password1!")]
    [InlineData("password123456")]
    [InlineData("QWERTYUIOP")]
    [InlineData("Iloveyou2024")]
    public void Common_passwords_and_common_words_with_a_short_tail_are_refused(string password) =>
        Validator.IsCommon(password).Should().BeTrue();

    [Theory]
    [InlineData(PortalFactory.Password)]
    [InlineData("Demo-2026!")]
    [InlineData("vivid-Otter-trellis-94")]
    public void Uncommon_passwords_pass(string password) =>
        Validator.IsCommon(password).Should().BeFalse();

    [Theory]
    [InlineData("Password1!")]
    [InlineData("password123456")]
    public async Task Change_password_refuses_a_common_password_at_the_field(string password)
    {
        var email = $"common-change-{password.Length}@test.local";
        await portal.CreateUserAsync(email, Roles.Lawyer);
        var client = await portal.SignedInClientAsync(email);

        var response = await client.SubmitFormAsync("/profile/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = PortalFactory.Password,
            ["NewPassword"] = password,
            ["ConfirmPassword"] = password,
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        FieldError(await response.Content.ReadAsStringAsync()).Should().Contain(Refusal);
    }

    [Theory]
    [InlineData("Password1!")]
    [InlineData("password123456")]
    public async Task Reset_password_refuses_a_common_password_at_the_field(string password)
    {
        var user = await portal.CreateUserAsync($"common-reset-{password.Length}@test.local", Roles.Caseworker);
        var token = await ResetTokenAsync(user);
        var client = portal.NewClient();

        var response = await client.SubmitFormAsync($"/account/reset-password?userId={user.Id}&token={Uri.EscapeDataString(token)}",
            new Dictionary<string, string>
            {
                ["UserId"] = user.Id.ToString(),
                ["Token"] = token,
                ["NewPassword"] = password,
                ["ConfirmPassword"] = password,
            });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        FieldError(await response.Content.ReadAsStringAsync()).Should().Contain(Refusal);
    }

    [Fact]
    public async Task A_strong_password_is_accepted()
    {
        await portal.CreateUserAsync("common-strong@test.local", Roles.Lawyer);
        var client = await portal.SignedInClientAsync("common-strong@test.local");

        var response = await client.SubmitFormAsync("/profile/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = PortalFactory.Password,
            ["NewPassword"] = "vivid-Otter-trellis-94",
            ["ConfirmPassword"] = "vivid-Otter-trellis-94",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await portal.SignedInClientAsync("common-strong@test.local", "vivid-Otter-trellis-94");
    }

    [Fact]
    public async Task Create_admin_refuses_a_common_password()
    {
        await using var scope = portal.Services.CreateAsyncScope();

        var (result, created) = await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>()
            .CreateAdminAsync("common-admin@test.local", "Common Admin", "Password1!");

        result.Succeeded.Should().BeFalse();
        created.Should().BeFalse();
        result.Errors.Select(e => e.Code).Should().Contain(CommonPasswordValidator.ErrorCode);
    }

    private async Task<string> ResetTokenAsync(AppUser user)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(user.Id.ToString()))!);
    }

    private static string FieldError(string html) =>
        HttpForms.Parse(html).QuerySelector("[data-valmsg-for=NewPassword]")?.TextContent ?? "";
}
