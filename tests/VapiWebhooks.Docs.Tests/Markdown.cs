using System.Text.RegularExpressions;

namespace VapiWebhooks.Docs.Tests;

/// <summary>Just enough Markdown reading for the document tests: links, headings, fenced code and tables.</summary>
internal static partial class Markdown
{
    /// <summary>The text outside fenced code blocks and inline code, line by line (code is blanked, so line numbers stay right).</summary>
    public static IReadOnlyList<string> ProseLines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var inFence = false;
        var result = new List<string>(lines.Length);
        foreach (var line in lines)
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                result.Add(string.Empty);
                continue;
            }

            result.Add(inFence ? string.Empty : InlineCode().Replace(line, string.Empty));
        }

        return result;
    }

    /// <summary>Every link target in the prose, with its 1-based line.</summary>
    public static IEnumerable<(int Line, string Target)> Links(string text)
    {
        var lines = ProseLines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            foreach (Match match in Link().Matches(lines[i]))
            {
                yield return (i + 1, match.Groups["target"].Value);
            }
        }
    }

    /// <summary>The anchors GitHub gives the headings of <paramref name="text"/>.</summary>
    public static ISet<string> Anchors(string text)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in ProseLines(text))
        {
            if (Heading().Match(line) is { Success: true } heading)
            {
                var slug = NotInSlug().Replace(heading.Groups["title"].Value.Trim().ToLowerInvariant(), string.Empty).Replace(' ', '-');
                var unique = slug;
                for (var n = 1; !anchors.Add(unique); n++)
                {
                    unique = $"{slug}-{n}";
                }
            }
        }

        return anchors;
    }

    /// <summary>The body of the first fenced block of <paramref name="language"/> after the heading <paramref name="heading"/>.</summary>
    public static string CodeBlockAfter(string text, string heading, string language)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == heading);
        if (start < 0)
        {
            throw new InvalidOperationException($"no heading '{heading}'");
        }

        var open = Array.FindIndex(lines, start, l => l.Trim() == "```" + language);
        var close = Array.FindIndex(lines, open + 1, l => l.Trim() == "```");
        return string.Join('\n', lines[(open + 1)..close]);
    }

    /// <summary>The rows (cells, trimmed) of the first table after the heading <paramref name="heading"/>, header and separator excluded.</summary>
    public static IReadOnlyList<string[]> TableAfter(string text, string heading)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == heading);
        if (start < 0)
        {
            throw new InvalidOperationException($"no heading '{heading}'");
        }

        var rows = lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).ToList();
        return [.. rows.Skip(2).Select(r => r.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())];
    }

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6}\s+(?<title>.+?)\s*#*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^a-z0-9 \-_]")]
    private static partial Regex NotInSlug();
}
