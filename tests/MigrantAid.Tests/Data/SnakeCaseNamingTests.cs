using MigrantAid.Web.Data;

namespace MigrantAid.Tests.Data;

public class SnakeCaseNamingTests
{
    [Theory]
    [InlineData("Id", "id")]
    [InlineData("UserName", "user_name")]
    [InlineData("NormalizedEmail", "normalized_email")]
    [InlineData("AspNetUsers", "asp_net_users")]
    [InlineData("IPAddress", "ip_address")]
    [InlineData("UserID", "user_id")]
    [InlineData("HTMLParser", "html_parser")]
    [InlineData("Sha256Hash", "sha256_hash")]
    [InlineData("Address2", "address2")]
    [InlineData("PK_AspNetUsers", "pk_asp_net_users")]
    [InlineData("FK_AspNetUserRoles_AspNetRoles_RoleId", "fk_asp_net_user_roles_asp_net_roles_role_id")]
    [InlineData("IX_audit_events_ActorId_Id", "ix_audit_events_actor_id_id")]
    [InlineData("RoleNameIndex", "role_name_index")]
    [InlineData("already_snake", "already_snake")]
    [InlineData("", "")]
    public void Converts_names_to_snake_case(string name, string expected)
    {
        SnakeCaseNaming.ToSnakeCase(name).Should().Be(expected);
    }
}
