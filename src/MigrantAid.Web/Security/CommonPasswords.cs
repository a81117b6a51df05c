namespace MigrantAid.Web.Security;

/// <summary>
/// The most used passwords, from the npm package @zxcvbn-ts/language-common (its passwords
/// dictionary), written by copy-frontend.mjs at build time and embedded in the assembly.
/// Entries are kept lower-cased: the check ignores case.
/// </summary>
public sealed class CommonPasswords
{
    private const string ResourceName = "MigrantAid.Web.CommonPasswords.txt";

    private readonly HashSet<string> _passwords;

    private CommonPasswords(HashSet<string> passwords, string source)
    {
        _passwords = passwords;
        Source = source;
    }

    /// <summary>How many distinct passwords are listed.</summary>
    public int Count => _passwords.Count;

    /// <summary>The package and version the list came from (the file's first line).</summary>
    public string Source { get; }

    public bool Contains(string lowerCasePassword) => _passwords.Contains(lowerCasePassword);

    public static CommonPasswords Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded list {ResourceName} is missing: build with npm available (see README).");
        using var reader = new StreamReader(stream);

        // The first line names the source ("# package version"); every other line is one password.
        var source = reader.ReadLine()?.TrimStart('#', ' ') ?? "";
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line.ToLowerInvariant());
            }
        }

        return new CommonPasswords(set, source);
    }
}
