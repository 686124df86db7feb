using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using VapiWebhooks.Audio;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;

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

/// <summary>espeak-ng was not found; carries the install instructions.</summary>
public sealed class EspeakNotInstalledException() : Exception(EspeakVoice.InstallHint);

/// <summary>
/// <c>voice-request</c>: runs espeak-ng and streams its WAV output, converted to 16-bit mono PCM at the requested
/// rate, to Vapi as it is produced. The first audio leaves after espeak-ng's first buffer, not after the whole
/// sentence. When the caller interrupts, Vapi drops the connection, the token fires and espeak-ng is killed.
/// </summary>
public sealed class EspeakVoiceHandler(EspeakVoice espeak, ILogger<EspeakVoiceHandler> logger) : IVoiceRequestHandler
{
    /// <summary>Longest text synthesised; Vapi sends one sentence per request, so this only stops abuse.</summary>
    public const int MaxTextLength = 2000;

    public async Task HandleAsync(VoiceRequestMessage message, VoiceResponseWriter audio, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(audio);
        if (espeak.ExecutablePath is not { } executable)
        {
            throw new EspeakNotInstalledException();
        }

        var text = message.Text ?? string.Empty;
        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength];
        }

        // No shell, and the text never becomes an argument: it goes through stdin (--stdin), so text that starts
        // with "-" cannot be read as an option (espeak-ng -w <file> would write a file).
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        start.ArgumentList.Add("--stdout");
        start.ArgumentList.Add("--stdin");
        start.ArgumentList.Add("-v");
        start.ArgumentList.Add(espeak.Settings.EspeakVoice);
        start.ArgumentList.Add("-s");
        start.ArgumentList.Add(espeak.Settings.WordsPerMinute.ToString(CultureInfo.InvariantCulture));

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(EspeakVoice.InstallHint, ex);
        }

        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        await using var kill = cancellationToken.Register(() => Kill(process));
        try
        {
            await process.StandardInput.WriteAsync(text.AsMemory(), cancellationToken);
            await process.StandardInput.WriteLineAsync();
            process.StandardInput.Close();

            await using var destination = new VoiceResponseWriterStream(audio);
            var written = await PcmStreamConverter.CopyWavAsync(process.StandardOutput.BaseStream, destination, audio.SampleRate, cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0 && written == 0)
            {
                throw new InvalidOperationException($"espeak-ng exited with code {process.ExitCode}: {(await stderr).Trim()}");
            }

            logger.LogDebug("Spoke {Characters} characters: {Bytes} bytes of PCM at {SampleRate} Hz.", text.Length, written, audio.SampleRate);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug("The caller interrupted: espeak-ng stopped.");
            throw;
        }
        finally
        {
            Kill(process);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
