namespace VapiWebhooks.Docs.Tests;

/// <summary>Every document stands alone: its relative links resolve inside the repository.</summary>
public sealed class LinkTests
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
    public void No_document_points_at_the_machine_it_was_written_on()
    {
        var offenders = Repository.MarkdownFiles()
            .Where(f => File.ReadAllText(f) is var text && (text.Contains("/work/", StringComparison.Ordinal) || text.Contains("../shared", StringComparison.Ordinal)))
            .Select(Repository.Relative)
            .ToList();

        offenders.Should().BeEmpty("a document must make sense in a fresh clone");
    }

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
