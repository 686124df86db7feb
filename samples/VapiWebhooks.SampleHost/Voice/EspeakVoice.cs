using Microsoft.Extensions.Options;

namespace VapiWebhooks.SampleHost.Voice;

/// <summary>Finds espeak-ng once, at start-up, and says how to install it when it is missing.</summary>
public sealed class EspeakVoice
{
    public const string InstallHint = "espeak-ng is not installed, so the custom voice cannot speak. Install it with: sudo apt-get update && sudo apt-get install -y espeak-ng (Debian/Ubuntu), brew install espeak-ng (macOS), or set Sample:Voice:EspeakPath to its full path. Until then the assistant uses the Vapi voice Sample:Assistant:FallbackVoiceId.";

    public EspeakVoice(IOptions<SampleOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Settings = options.Value.Voice;
        ExecutablePath = Locate(Settings.EspeakPath);
    }

    public VoiceOptions Settings { get; }

    /// <summary>The full path of espeak-ng, or null when it is not installed.</summary>
    public string? ExecutablePath { get; }

    public bool IsAvailable => ExecutablePath is not null;

    private static string? Locate(string configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        if (Path.IsPathRooted(configured) || configured.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, configured);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (OperatingSystem.IsWindows() && File.Exists(candidate + ".exe"))
            {
                return candidate + ".exe";
            }
        }

        return null;
    }
}
