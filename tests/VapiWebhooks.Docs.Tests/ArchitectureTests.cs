using System.Text.RegularExpressions;

namespace VapiWebhooks.Docs.Tests;

/// <summary>docs/architecture.md stays true: every source file it names exists, where it says.</summary>
public sealed partial class ArchitectureTests
{
    // The page's worked example (adding call.hold) names files that do not exist on purpose.
    private static readonly string[] Illustrations = ["CallHoldMessage.cs", "ICallHoldHandler.cs"];

    [Fact]
    public void Every_source_file_the_architecture_page_names_exists()
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "docs", "architecture.md"));
        var sources = Directory.EnumerateFiles(Repository.Root, "*.cs", SearchOption.AllDirectories)
            .Select(Repository.Relative)
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal))
            .ToList();

        var named = SourcePath().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        var missing = named
            .Where(name => !Illustrations.Contains(Path.GetFileName(name), StringComparer.Ordinal))
            .Where(name => !sources.Any(source => source == name || source.EndsWith("/" + name, StringComparison.Ordinal)))
            .ToList();

        named.Should().HaveCountGreaterThan(30, "the page names the file that owns each stage");
        missing.Should().BeEmpty("docs/architecture.md names files that were moved or renamed");
    }

    [GeneratedRegex(@"[A-Za-z][\w.]*(?:/[\w.]+)*\.cs\b")]
    private static partial Regex SourcePath();
}
