namespace VapiWebhooks.Tests.Shared.SystemTools;

/// <summary>
/// Finds the system tools (espeak-ng, nginx, postgresql, chromium...) some tests run, and decides whether such a test
/// may skip: on a developer machine without the tool it skips with the install line, so <c>dotnet test</c> passes with
/// only the .NET SDK; in CI (<c>CI=true</c>) it never skips, so a missing tool fails the run instead of hiding a test.
/// </summary>
internal static class SystemTool
{
    private static readonly string[] SystemDirectories = ["/usr/sbin", "/usr/local/sbin", "/sbin"];

    /// <summary>Whether this run is CI (<c>CI=true</c>), where tests that need a system tool must run.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The full path of <paramref name="tool"/>: an executable name looked up on PATH (<c>nginx</c>), or a path
    /// that may contain <c>*</c> in its directory or file names (<c>/usr/lib/postgresql/*/bin/initdb</c>, newest
    /// match first). Null when it is not there.
    /// </summary>
    public static string? Find(string tool)
    {
        ArgumentException.ThrowIfNullOrEmpty(tool);
        return tool.Contains('/', StringComparison.Ordinal) ? FindByPattern(tool) : FindOnPath(tool);
    }

    /// <summary>
    /// The full path of <paramref name="tool"/>, or an exception whose message says what is missing and how to
    /// install it: for the test body of a <see cref="RequiresToolFactAttribute"/> test that runs in CI anyway.
    /// </summary>
    public static string Require(string tool, string installHint)
        => Find(tool) ?? throw new InvalidOperationException(MissingReason([tool], installHint));

    /// <summary>
    /// The reason to skip a test that needs <paramref name="tools"/>, or null when it must run: every tool is
    /// there, or this is CI.
    /// </summary>
    public static string? SkipReason(IReadOnlyList<string> tools, string? installHint)
    {
        if (IsCi)
        {
            return null;
        }

        var missing = tools.Where(tool => Find(tool) is null).ToArray();
        return missing.Length == 0 ? null : MissingReason(missing, installHint) + " (with CI=true this test runs and fails instead)";
    }

    private static string MissingReason(IReadOnlyList<string> missing, string? installHint)
    {
        var what = string.Join(", ", missing);
        var verb = missing.Count == 1 ? "is" : "are";
        return string.IsNullOrWhiteSpace(installHint)
            ? $"{what} {verb} not installed"
            : $"{what} {verb} not installed; install with: {installHint}";
    }

    private static string? FindOnPath(string name)
    {
        // Debian puts daemons such as nginx in /usr/sbin, which is not on a non-root user's PATH.
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Concat(SystemDirectories))
        {
            var candidate = Path.Combine(directory, name);
            if (IsExecutableFile(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? FindByPattern(string pattern)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            return IsExecutableFile(pattern) ? Path.GetFullPath(pattern) : null;
        }

        // Expand one segment at a time so that "/usr/lib/postgresql/*/bin/initdb" finds every installed version.
        var rooted = Path.IsPathRooted(pattern);
        IEnumerable<string> candidates = [rooted ? Path.GetPathRoot(pattern)! : Directory.GetCurrentDirectory()];
        var segments = pattern[(rooted ? Path.GetPathRoot(pattern)!.Length : 0)..]
            .Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            candidates = candidates.SelectMany(directory => Expand(directory, segment, last)).ToArray();
        }

        return candidates.Where(IsExecutableFile).OrderDescending(StringComparer.Ordinal).FirstOrDefault();
    }

    private static IEnumerable<string> Expand(string directory, string segment, bool last)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        if (!segment.Contains('*', StringComparison.Ordinal))
        {
            return [Path.Combine(directory, segment)];
        }

        return last ? Directory.GetFiles(directory, segment) : Directory.GetDirectories(directory, segment);
    }

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        return OperatingSystem.IsWindows()
            || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }
}
