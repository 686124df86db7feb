namespace VapiWebhooks.SampleHost.Tests;

/// <summary>
/// The sample host as a real process, started the README's way (<c>dotnet run --project samples/VapiWebhooks.SampleHost</c>,
/// with <c>--no-build</c>: the test build already built it) on a free loopback port and a fresh temp data folder.
/// Configuration comes from environment variables, as a user would set it. Killed and its data folder deleted on dispose.
/// </summary>
public sealed class SampleHostProcess : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private SampleHostProcess(TestProcess process, int port, string dataDirectory)
    {
        Process = process;
        Port = port;
        DataDirectory = dataDirectory;
    }

    public TestProcess Process { get; }

    public int Port { get; }

    public string DataDirectory { get; }

    /// <summary><c>http://127.0.0.1:port</c>.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>Starts the sample; <paramref name="environment"/> adds (or, with a null value, removes) environment variables.</summary>
    public static SampleHostProcess Start(IReadOnlyDictionary<string, string?>? environment = null)
    {
        var port = TestProcess.FreeLoopbackPort();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "vapi-samplehost-run", Guid.NewGuid().ToString("N"));
        var variables = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Sample__DataDirectory"] = dataDirectory,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        var process = TestProcess.Start(
            "dotnet",
            ["run", "--project", "samples/VapiWebhooks.SampleHost", "--no-build", "-c", Configuration],
            TestProcess.RepositoryRoot(),
            variables);
        return new SampleHostProcess(process, port, dataDirectory);
    }

    /// <summary>Waits until <c>/healthz</c> answers.</summary>
    public Task WaitUntilReadyAsync() => Process.WaitUntilRespondingAsync(new Uri(BaseAddress, "/healthz"), StartTimeout);

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        TestProcess.DeleteDirectory(DataDirectory);
    }
}
