namespace MigrantAid.BrowserTests.Infrastructure;

/// <summary>
/// Pictures for the user guide, written to docs/screenshots/ of the repository (or to the folder in
/// MIGRANTAID_SCREENSHOTS; "off" writes none). Tests take them only after the page has passed its
/// checks, so a picture never shows a broken page.
/// </summary>
public static class Screenshots
{
    private static readonly Lazy<string?> Folder = new(FindFolder);

    public static async Task SaveAsync(IPage page, string fileName, bool fullPage = true)
    {
        if (Folder.Value is not { } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(folder, fileName),
            FullPage = fullPage,
            Animations = ScreenshotAnimations.Disabled,
            Caret = ScreenshotCaret.Hide,
        });
    }

    private static string? FindFolder()
    {
        var configured = Environment.GetEnvironmentVariable("MIGRANTAID_SCREENSHOTS");
        if (string.Equals(configured, "off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MigrantAid.sln")))
            {
                return Path.Combine(dir.FullName, "docs", "screenshots");
            }
        }

        return null;
    }
}
