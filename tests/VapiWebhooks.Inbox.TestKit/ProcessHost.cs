using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VapiWebhooks.Inbox.TestKit;

/// <summary>The inbox process host (tests/VapiWebhooks.Inbox.ProcessHost) as a real process on a loopback port, killable with SIGKILL.</summary>
public sealed class ProcessHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ProcessHost(Process process, int port, string journal)
    {
        _process = process;
        Port = port;
        JournalPath = journal;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "process-host-token-0123456789abcdef01");
    }

    public int Port { get; }

    public string JournalPath { get; }

    public HttpClient Client { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<ProcessHost> StartAsync(string store, string connectionString, string journal, params string[] settings)
    {
        var port = FreePort();
        var dll = Locate();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--Inbox:Store", store, "--Inbox:ConnectionString", connectionString, "--Journal", journal }.Concat(settings))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var host = new ProcessHost(process, port, journal);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                using var response = await host.Client.GetAsync("/handled");
                if (response.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await host.DisposeAsync();
                throw new InvalidOperationException($"The process host did not start: {host.Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        }

        _process.Dispose();
    }

    /// <summary>The journal's lines: (message id, attempt).</summary>
    public static IReadOnlyList<(string MessageId, int Attempt)> ReadJournal(params string[] paths) =>
        [.. paths.Where(File.Exists).SelectMany(File.ReadAllLines).Where(l => l.Length > 0).Select(l => l.Split(' ')).Select(p => (p[0], int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))];

    /// <summary>
    /// Sends distinct status-updates over <paramref name="calls"/> calls from <paramref name="senders"/> parallel clients until
    /// <paramref name="stop"/> fires or <paramref name="max"/> were sent; returns the ids answered 200.
    /// </summary>
    public static async Task<IReadOnlyCollection<string>> LoadAsync(HttpClient client, int senders, int calls, int max, Func<int, bool> stop)
    {
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        var next = 0;
        var tasks = Enumerable.Range(0, senders).Select(async _ =>
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i > max || stop(acknowledged.Count))
                {
                    return;
                }

                var body = InboxTestHost.StatusUpdate($"call-{i % calls}", i);
                try
                {
                    using var content = new StringContent(body, Encoding.UTF8, "application/json");
                    using var response = await client.PostAsync("/vapi/webhook", content);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        acknowledged.Add(InboxTestHost.MessageIdOf(body));
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // The process was killed under us: what was not answered 200 was never promised.
                    return;
                }
            }
        });
        await Task.WhenAll(tasks);
        return [.. acknowledged];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Locate()
    {
        // The process host is built beside the test project (a build-order reference): same configuration and framework.
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "VapiWebhooks.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root?.FullName ?? ".", "tests", "VapiWebhooks.Inbox.ProcessHost", "bin", configuration, framework, "VapiWebhooks.Inbox.ProcessHost.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build tests/VapiWebhooks.Inbox.ProcessHost first.", dll);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 100_000)
            {
                _output.AppendLine(line);
            }
        }
    }
}
