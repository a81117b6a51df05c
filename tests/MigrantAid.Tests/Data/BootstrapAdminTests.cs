using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Data;

/// <summary>The first administrator comes from configuration, once; there is never a default account.</summary>
public class BootstrapAdminTests
{
    private const string AdminPassword = "Bootstrap-Passw0rd!";

    [Fact]
    public async Task First_admin_from_settings_exists_after_start_and_can_sign_in()
    {
        var portal = new ConfiguredPortal(Bootstrap("first-admin@test.local"));
        await portal.InitializeAsync();
        try
        {
            var admins = await AdminEmailsAsync(portal);
            var client = await portal.SignedInClientAsync("first-admin@test.local", AdminPassword);

            admins.Should().Equal("first-admin@test.local");
            (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await portal.WithDbAsync(db => db.Users.SingleAsync())).FullName.Should().Be("First Admin");
        }
        finally
        {
            await portal.DisposeAsync();
        }
    }

    [Fact]
    public async Task Existing_admin_means_nothing_is_created_at_the_next_start()
    {
        var first = new ConfiguredPortal(Bootstrap("kept-admin@test.local"));
        await first.InitializeAsync();
        try
        {
            (await AdminEmailsAsync(first)).Should().Equal("kept-admin@test.local");
            await first.SignedInClientAsync("kept-admin@test.local", AdminPassword);

            var restarted = new ConfiguredPortal(Bootstrap("other-admin@test.local"), first.ConnectionString);
            await restarted.InitializeAsync();
            try
            {
                (await AdminEmailsAsync(restarted)).Should().Equal(["kept-admin@test.local"], "an administrator already exists");
                (await restarted.WithDbAsync(db => db.Users.CountAsync())).Should().Be(1);
            }
            finally
            {
                await restarted.DisposeAsync();
            }
        }
        finally
        {
            await first.DisposeAsync();
        }
    }

    [Fact]
    public async Task Without_settings_no_user_exists()
    {
        var portal = new ConfiguredPortal();
        await portal.InitializeAsync();
        try
        {
            (await portal.NewClient().GetAsync("/account/login")).StatusCode.Should().Be(HttpStatusCode.OK);

            (await portal.WithDbAsync(db => db.Users.CountAsync())).Should().Be(0, "there is no default account");
            (await portal.WithDbAsync(db => db.Roles.Select(r => r.Name!).ToListAsync())).Should().BeEquivalentTo(Roles.All);
        }
        finally
        {
            await portal.DisposeAsync();
        }
    }

    [Fact]
    public async Task Weak_bootstrap_password_stops_the_start_with_the_reason()
    {
        var settings = Bootstrap("weak-admin@test.local");
        settings["Bootstrap:AdminPassword"] = "weakpw7";
        var portal = new ConfiguredPortal(settings);
        await portal.InitializeAsync();
        try
        {
            var start = () => portal.Services;

            start.Should().Throw<InvalidOperationException>().WithMessage("*Bootstrap administrator could not be created*PasswordTooShort*")
                .Which.Message.Should().NotContain("weakpw7", "a password never appears in a message");
        }
        finally
        {
            await portal.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_instances_starting_together_create_one_admin()
    {
        var owner = new ConfiguredPortal(Bootstrap("together-admin@test.local"));
        await owner.InitializeAsync();
        var other = new ConfiguredPortal(Bootstrap("together-admin@test.local"), owner.ConnectionString);
        await other.InitializeAsync();
        try
        {
            // Both hosts start (migrate, roles, first admin) at the same moment on a database that has none of it.
            await Task.WhenAll(Task.Run(() => owner.Services), Task.Run(() => other.Services));

            (await AdminEmailsAsync(owner)).Should().Equal("together-admin@test.local");
            (await owner.WithDbAsync(db => db.Roles.CountAsync())).Should().Be(Roles.All.Count);
            (await owner.WithDbAsync(db => db.DataProtectionKeys.CountAsync())).Should().Be(1, "both instances share one key");
        }
        finally
        {
            await other.DisposeAsync();
            await owner.DisposeAsync();
        }
    }

    private static Dictionary<string, string?> Bootstrap(string email) => new()
    {
        ["Bootstrap:AdminEmail"] = email,
        ["Bootstrap:AdminPassword"] = AdminPassword,
        ["Bootstrap:AdminName"] = "First Admin",
    };

    private static async Task<List<string>> AdminEmailsAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.GetUsersInRoleAsync(Roles.Admin)).Select(u => u.Email!).ToList();
    }
}
