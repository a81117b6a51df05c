using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MigrantAid.Web;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Tests.Localization;

/// <summary>
/// Every user-visible string is a literal key in the code (L["..."], ErrorMessage, Display Name,
/// TempData messages) or comes from a fixed list (roles, countries, audit actions, ...). Each key
/// must have an English and a Russian text; a missing Russian string fails here, naming the keys.
/// </summary>
public partial class RussianTranslationTests
{
    private static readonly string RepoRoot = FindRepoRoot();
    private static readonly string ResourceDir = Path.Combine(RepoRoot, "src/MigrantAid.Web/Resources");

    public static IReadOnlySet<string> KeysUsedByTheCode()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var source = Path.Combine(RepoRoot, "src/MigrantAid.Web");
        var files = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var patterns = new List<Regex> { LocalizerCall(), ErrorMessage(), DisplayName(), TempDataMessage() };
            if (Path.GetFileName(file).Contains("Controller", StringComparison.Ordinal))
            {
                // Flash messages handed to FormResults (saved: "The case was saved."): the layout localizes them.
                patterns.Add(ControllerSentence());
            }

            foreach (var pattern in patterns)
            {
                foreach (Match match in pattern.Matches(text))
                {
                    var key = match.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal);
                    if (!key.EndsWith('.') || key.Contains(' ', StringComparison.Ordinal))
                    {
                        keys.Add(key);
                    }
                }
            }
        }

        // Keys built at run time, from fixed lists.
        keys.UnionWith(Roles.All.Select(r => "Role." + r));
        keys.UnionWith(Countries.Codes.Select(Countries.ResourceKey));
        keys.UnionWith(IdentityErrors.KnownCodes.Select(c => "Identity." + c));
        keys.UnionWith(AuditActions.All.Select(a => "Audit." + a));
        keys.UnionWith(SupportedLanguages.All.Select(c => "Language." + c));
        keys.Add("Citizenship.Stateless");
        keys.UnionWith(MigrantAid.Web.Features.Shared.CategoryGroups.Known.Select(MigrantAid.Web.Features.Shared.CategoryGroups.ResourceKey));

        // Every member of the domain's enums (Clients, Cases, Proceedings, Deadlines, International...) is shown as "<Enum>.<Member>".
        var enums = typeof(Roles).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.IsPublic && t.Namespace is { } ns && ns.StartsWith("MigrantAid.Web.Domain.", StringComparison.Ordinal));
        foreach (var type in enums)
        {
            keys.UnionWith(Enum.GetNames(type).Select(n => type.Name + "." + n));
        }

        return keys;
    }

    [Fact]
    public void The_code_uses_localized_strings_at_all()
    {
        // Guards the scanner itself: if the patterns stopped matching, the tests below would pass vacuously.
        KeysUsedByTheCode().Should().Contain(["Sign in", "Role.Admin", "Enter your e-mail."]).And.HaveCountGreaterThan(60);

        // The flash messages controllers hand to FormResults are keys too.
        KeysUsedByTheCode().Should().Contain(["The case was saved.", "The deadline was added."]);
        ControllerSentence().Match("""errors, input, redirect, "The case was closed.");""").Groups[1].Value.Should().Be("The case was closed.");
        ControllerSentence().IsMatch("""logger.LogInformation("Case {CaseId} viewed.", id);""").Should().BeFalse();
    }

    [Fact]
    public void Every_key_has_an_English_text()
    {
        var english = Read("SharedResource.resx");
        var missing = KeysUsedByTheCode().Where(k => string.IsNullOrWhiteSpace(english.GetValueOrDefault(k))).ToList();
        missing.Should().BeEmpty("these keys are used in the code but have no English text in SharedResource.resx");
    }

    [Fact]
    public void Every_key_has_a_Russian_text()
    {
        var russian = Read("SharedResource.ru.resx");
        var missing = KeysUsedByTheCode().Where(k => string.IsNullOrWhiteSpace(russian.GetValueOrDefault(k))).ToList();
        missing.Should().BeEmpty("these keys are used in the code but have no Russian text in SharedResource.ru.resx");
    }

    [Fact]
    public void Russian_texts_are_in_Russian_and_keep_their_placeholders()
    {
        var english = Read("SharedResource.resx");
        var russian = Read("SharedResource.ru.resx");
        var problems = new List<string>();
        foreach (var (key, text) in russian)
        {
            if (!Cyrillic().IsMatch(text) && !LanguageNeutral(text))
            {
                problems.Add($"{key}: '{text}' has no Cyrillic letter");
            }

            var expected = Placeholders(english.GetValueOrDefault(key) ?? key);
            if (!expected.SetEquals(Placeholders(text)))
            {
                problems.Add($"{key}: placeholders differ from the English text");
            }
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Both_resource_files_have_the_same_keys()
    {
        Read("SharedResource.resx").Keys.Should().BeEquivalentTo(Read("SharedResource.ru.resx").Keys);
    }

    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.ru.resx")]
    public void No_two_keys_differ_only_in_case(string file)
    {
        // Resource names are case-insensitive: "Held" and "held" would break the build (MSB3568).
        Read(file).Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key)
            .Should().BeEmpty();
    }

    [Fact]
    public void The_localizer_returns_Russian_at_run_time()
    {
        var factory = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        var localizer = factory.Create(typeof(SharedResource));
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("ru");
            localizer["Sign in"].Value.Should().Be(Read("SharedResource.ru.resx")["Sign in"]);
            localizer["Sign in"].ResourceNotFound.Should().BeFalse();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static bool LanguageNeutral(string text) =>
        !text.Any(char.IsLetter) || text is "MigrantAid" or "English" or "WhatsApp" or "Telegram" || text.StartsWith("E-mail", StringComparison.Ordinal);

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    private static Dictionary<string, string> Read(string file)
    {
        var path = Path.Combine(ResourceDir, file);
        File.Exists(path).Should().BeTrue($"{path} should exist");
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "", StringComparer.Ordinal);
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MigrantAid.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("MigrantAid.sln not found above the test binaries.");
    }

    [GeneratedRegex("""\b[Ll]\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex("""ErrorMessage\s*=\s*"((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex ErrorMessage();

    [GeneratedRegex("""\[Display\(Name\s*=\s*"((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex DisplayName();

    [GeneratedRegex("""TempData\["(?:Success|Error|Warning)"\]\s*=\s*"((?:[^"\\]|\\.)*)";""")]
    private static partial Regex TempDataMessage();

    [GeneratedRegex("""(?<![\w$@])"([A-Z][^"\\{}]* [^"\\{}]*[.!])"[,;)\s]""")]
    private static partial Regex ControllerSentence();

    [GeneratedRegex("[А-Яа-яЁё]")]
    private static partial Regex Cyrillic();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
