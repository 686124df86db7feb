using System.Text;
using System.Text.RegularExpressions;

namespace VapiWebhooks.Tests.Fixtures;

/// <summary>One fixture: a request body <c>{"message": {...}}</c> as Vapi posts it.</summary>
/// <param name="RelativePath">Path under <c>Fixtures/</c> with forward slashes, e.g. <c>tool-calls/tool-calls__vapi4k__1.json</c>.</param>
/// <param name="WireType">The message type on the wire, e.g. <c>tool-calls</c> or <c>transcript[transcriptType="final"]</c>.</param>
/// <param name="Kind">Where it comes from, per <c>SOURCES.md</c>: <c>captured</c>, <c>official-example</c>,
/// <c>written-from-schema</c>, <c>written-wire-drift</c> or <c>written-no-schema</c>.</param>
public sealed record FixtureFile(string RelativePath, string WireType, string Kind)
{
    public string FileName => RelativePath[(RelativePath.LastIndexOf('/') + 1)..];

    /// <summary>Real traffic or Vapi's own examples (as opposed to bodies written for these tests).</summary>
    public bool IsFromVapi => Kind is FixtureFiles.Captured or FixtureFiles.OfficialExample;

    public override string ToString() => RelativePath;
}

/// <summary>
/// The request bodies under <c>tests/VapiWebhooks.Tests/Fixtures/&lt;wire-type&gt;/</c>, copied next to the
/// test assembly. Folder = wire type, except <c>transcript-final</c> for <c>transcript[transcriptType="final"]</c>.
/// </summary>
public static partial class FixtureFiles
{
    public const string Captured = "captured";
    public const string OfficialExample = "official-example";
    public const string WrittenFromSchema = "written-from-schema";
    public const string WrittenWireDrift = "written-wire-drift";
    public const string WrittenNoSchema = "written-no-schema";

    /// <summary>Folder used for the <c>transcript[transcriptType="final"]</c> alias.</summary>
    public const string FinalTranscriptFolder = "transcript-final";
    public const string FinalTranscriptType = "transcript[transcriptType=\"final\"]";

    private static readonly Lazy<IReadOnlyList<FixtureFile>> Catalog = new(Scan, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Directory holding the fixtures next to the test assembly.</summary>
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>Every fixture, sorted by path.</summary>
    public static IReadOnlyList<FixtureFile> Files => Catalog.Value;

    /// <summary>For <c>[MemberData(nameof(FixtureFiles.All), MemberType = typeof(FixtureFiles))]</c>:
    /// rows of (relative path, wire type).</summary>
    public static IEnumerable<object[]> All => Files.Select(f => new object[] { f.RelativePath, f.WireType });

    /// <summary>Fixtures of one wire type.</summary>
    public static IEnumerable<FixtureFile> OfType(string wireType) => Files.Where(f => f.WireType == wireType);

    /// <summary>The wire type a fixture folder holds.</summary>
    public static string WireTypeOfFolder(string folder) => folder == FinalTranscriptFolder ? FinalTranscriptType : folder;

    /// <summary>The fixture folder for a wire type.</summary>
    public static string FolderOf(string wireType) => wireType == FinalTranscriptType ? FinalTranscriptFolder : wireType;

    /// <summary>The body as text (UTF-8).</summary>
    public static string Read(string relativePath) => File.ReadAllText(FullPath(relativePath), Encoding.UTF8);

    /// <summary>The body exactly as stored, e.g. to sign or post raw bytes.</summary>
    public static byte[] ReadBytes(string relativePath) => File.ReadAllBytes(FullPath(relativePath));

    public static string FullPath(string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        var full = Path.GetFullPath(Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        return full.StartsWith(Path.GetFullPath(Root), StringComparison.Ordinal)
            ? full
            : throw new ArgumentException($"'{relativePath}' is outside the fixtures directory.", nameof(relativePath));
    }

    private static List<FixtureFile> Scan()
    {
        var kinds = ReadKinds(Path.Combine(Root, "SOURCES.md"));
        return Directory.EnumerateDirectories(Root)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.json"))
            .Select(path =>
            {
                var folder = Path.GetFileName(Path.GetDirectoryName(path)!);
                var name = Path.GetFileName(path);
                var kind = kinds.TryGetValue(name, out var k)
                    ? k
                    : throw new InvalidOperationException($"Fixture {folder}/{name} has no row in Fixtures/SOURCES.md.");
                return new FixtureFile($"{folder}/{name}", WireTypeOfFolder(folder), kind);
            })
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToList();
    }

    // Rows look like: | `file.json` | kind | source | notes |
    private static Dictionary<string, string> ReadKinds(string sourcesPath)
    {
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(sourcesPath))
        {
            var match = SourcesRow().Match(line);
            if (match.Success)
            {
                kinds[match.Groups["file"].Value] = match.Groups["kind"].Value;
            }
        }

        return kinds;
    }

    [GeneratedRegex(@"^\|\s*`(?<file>[^`]+\.json)`\s*\|\s*(?<kind>[a-z-]+)\s*\|")]
    private static partial Regex SourcesRow();
}
