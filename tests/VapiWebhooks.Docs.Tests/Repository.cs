namespace VapiWebhooks.Docs.Tests;

/// <summary>The repository the tests run in, and its Markdown documents.</summary>
internal static class Repository
{
    private static readonly string[] SkippedDirectories = ["bin", "obj", ".git", "node_modules", "artifacts", "TestResults"];

    public static string Root { get; } = FindRoot();

    public static string ReadmePath => Path.Combine(Root, "README.md");

    /// <summary>Every Markdown file of the repository (build output and dependencies excluded).</summary>
    public static IEnumerable<string> MarkdownFiles() => Walk(Root).Order(StringComparer.Ordinal);

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static IEnumerable<string> Walk(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*.md"))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            if (!SkippedDirectories.Contains(Path.GetFileName(child), StringComparer.Ordinal))
            {
                foreach (var file in Walk(child))
                {
                    yield return file;
                }
            }
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "VapiWebhooks.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("VapiWebhooks.sln not found above " + AppContext.BaseDirectory);
    }
}
