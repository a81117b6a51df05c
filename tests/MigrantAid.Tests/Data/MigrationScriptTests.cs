using MigrantAid.Web.Data;

namespace MigrantAid.Tests.Data;

public class MigrationScriptTests
{
    [Fact]
    public void Checksum_ignores_windows_line_endings()
    {
        var unix = new MigrationScript("0001_x", "CREATE TABLE a (\n    id int\n);\n");
        var windows = new MigrationScript("0001_x", "CREATE TABLE a (\r\n    id int\r\n);\r\n");

        windows.Checksum.Should().Be(unix.Checksum);
    }

    [Fact]
    public void Checksum_changes_with_the_text()
    {
        var before = new MigrationScript("0001_x", "CREATE TABLE a (id int);");
        var after = new MigrationScript("0001_x", "CREATE TABLE a (id bigint);");

        after.Checksum.Should().NotBe(before.Checksum);
    }

    [Fact]
    public void Checksum_is_lower_case_sha256_hex()
    {
        new MigrationScript("0001_x", "").Checksum
            .Should().Be("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
