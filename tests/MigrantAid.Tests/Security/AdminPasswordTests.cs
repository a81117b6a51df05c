using MigrantAid.Web.Data;

namespace MigrantAid.Tests.Security;

public class AdminPasswordTests
{
    [Fact]
    public void Generated_password_satisfies_the_portal_password_rules()
    {
        for (var i = 0; i < 200; i++)
        {
            var password = AdminBootstrapper.GeneratePassword();

            password.Should().HaveLength(18);
            password.Should().Match(p => p.Any(char.IsAsciiLetterLower), "it needs a lower-case letter: {0}", password);
            password.Should().Match(p => p.Any(char.IsAsciiLetterUpper), "it needs an upper-case letter: {0}", password);
            password.Should().Match(p => p.Any(char.IsAsciiDigit), "it needs a digit: {0}", password);
            password.Should().Match(p => p.Any(c => !char.IsLetterOrDigit(c)), "it needs a symbol: {0}", password);
            password.Should().Match(p => p.All(c => c > ' ' && c < 127), "it must be typeable anywhere: {0}", password);
            password.Should().NotContainAny(["0", "O", "1", "l", "I"], "look-alike characters are left out");
        }
    }

    [Fact]
    public void Each_generated_password_is_different()
    {
        var passwords = Enumerable.Range(0, 100).Select(_ => AdminBootstrapper.GeneratePassword()).ToList();

        passwords.Should().OnlyHaveUniqueItems();
    }
}
