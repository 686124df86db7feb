using System.Text.RegularExpressions;

namespace VapiWebhooks.Docs.Tests;

/// <summary>Every document stands alone: its relative links resolve inside the repository.</summary>
public sealed partial class LinkTests
{
    [Fact]
    public void Every_relative_link_in_every_markdown_file_resolves_inside_the_repository()
    {
        var broken = new List<string>();
        var files = Repository.MarkdownFiles().ToList();
        files.Should().Contain(Repository.ReadmePath);

        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var (line, target) in Markdown.Links(text))
            {
                if (Problem(file, text, target) is { } problem)
                {
                    broken.Add($"{Repository.Relative(file)}:{line}: ({target}) {problem}");
                }
            }
        }

        broken.Should().BeEmpty();
    }

    [Fact]
    public void No_document_points_outside_the_repository_or_at_the_machine_it_was_written_on()
    {
        var offenders = new List<string>();
        foreach (var file in Repository.MarkdownFiles())
        {
            var text = File.ReadAllText(file);
            var folder = Path.GetDirectoryName(file)!;

            // Any relative path, linked or not, that climbs out of the clone; and absolute paths of one machine.
            foreach (Match path in OutsidePath().Matches(text))
            {
                var resolved = Path.GetFullPath(Path.Combine(folder, path.Value));
                if (!resolved.StartsWith(Repository.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    offenders.Add($"{Repository.Relative(file)}: {path.Value}");
                }
            }

            offenders.AddRange(MachinePath().Matches(text).Select(m => $"{Repository.Relative(file)}: {m.Value}"));
        }

        offenders.Should().BeEmpty("a document must make sense in a fresh clone");
    }

    [GeneratedRegex(@"(?:\.\./)+[\w.-]+")]
    private static partial Regex OutsidePath();

    [GeneratedRegex(@"(?<![\w.~])/(?:home|root|mnt|srv|work)/[\w.-]+")]
    private static partial Regex MachinePath();

    private static string? Problem(string file, string text, string target)
    {
        if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
        {
            return null;
        }

        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var pathPart = hash < 0 ? target : target[..hash];
        var anchor = hash < 0 ? null : target[(hash + 1)..];
        var resolved = pathPart.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(pathPart)));

        if (!resolved.StartsWith(Repository.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && resolved != Repository.Root)
        {
            return "points outside the repository";
        }

        if (!File.Exists(resolved) && !Directory.Exists(resolved))
        {
            return "does not exist";
        }

        if (anchor is { Length: > 0 } && resolved.EndsWith(".md", StringComparison.Ordinal))
        {
            var anchors = Markdown.Anchors(resolved == file ? text : File.ReadAllText(resolved));
            if (!anchors.Contains(anchor))
            {
                return $"has no heading #{anchor}";
            }
        }

        return null;
    }
}
