using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit.Abstractions;

namespace VapiWebhooks.Tests.Edge;

/// <summary>
/// Finding 1, the memory figure: 64 unauthenticated clients each announce a 4 MiB body and send it slowly or stall;
/// the host's resident memory (read from /proc, the host being a separate process: tests/VapiWebhooks.BenchHost on
/// Kestrel, loopback only) must rise by less than 16 MB, and a legitimate tool call sent meanwhile is answered. The
/// latencies before and during the attack are written to the test output (docs/benchmarks.md records them); they are
/// not asserted, the machine being shared. Bounded: about 15 s.
/// </summary>
public sealed class UnauthenticatedUploadMemoryTests(ITestOutputHelper output)
{
    private const int Attackers = 64;
    private const long AnnouncedLength = 4 * 1024 * 1024;
    private const long MaxRssRise = 16 * 1000 * 1000;
    private const string Token = "bench-token-7d41c9a0e25b48f3a6c1d9e07b5f2a83";

    [Fact]
    public async Task Sixty_four_stalled_unauthenticated_4_MiB_uploads_raise_the_host_RSS_by_less_than_16_MB()
    {
        if (!OperatingSystem.IsLinux())
        {
            output.WriteLine("Resident memory is read from /proc: Linux only.");
            return;
        }

        var port = FreePort();
        using var host = StartHost(port);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitUntilReadyAsync(client, host);
            var body = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "tool-calls", "tool-calls__vapi4k__5.json"));

            // Warm up (JIT, pools), then the usual latency.
            await LegitimateLatenciesAsync(client, body, 200);
            var usual = await LegitimateLatenciesAsync(client, body, 40);
            await Task.Delay(500);
            var before = Rss(host);

            using var attack = new CancellationTokenSource(TimeSpan.FromSeconds(8));
            var attackers = Enumerable.Range(0, Attackers).Select(i => AttackAsync(port, stall: i % 2 == 0, attack.Token)).ToArray();
            var peak = before;
            var sampler = Task.Run(async () =>
            {
                while (!attack.IsCancellationRequested)
                {
                    peak = Math.Max(peak, Rss(host));
                    await Task.Delay(50, CancellationToken.None);
                }
            });

            await Task.Delay(1000);
            var during = await LegitimateLatenciesAsync(client, body, 40);
            var statuses = await Task.WhenAll(attackers);
            await sampler;

            output.WriteLine(FormattableString.Invariant($"rss_before_mb={before / 1e6:F1} rss_peak_mb={peak / 1e6:F1} rise_mb={(peak - before) / 1e6:F1}"));
            output.WriteLine(FormattableString.Invariant($"legit_p50_ms usual={Median(usual):F2} during={Median(during):F2} ratio={Median(during) / Median(usual):F2}"));
            output.WriteLine("attacker statuses: " + string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Key}x{g.Count()}")));

            statuses.Should().OnlyContain(s => s == 401, "every unauthenticated upload is answered 401 from its headers");
            (peak - before).Should().BeLessThan(MaxRssRise, "unauthenticated bodies are never read into memory");
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync(CancellationToken.None);
        }
    }

    // One attacker: headers without credentials announcing 4 MiB, then either nothing (stalled) or 16 KiB every 50 ms,
    // until the server answers or the attack ends. Returns the status it got (0: none).
    private static async Task<int> AttackAsync(int port, bool stall, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
        var head = $"POST /vapi/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {AnnouncedLength.ToString(CultureInfo.InvariantCulture)}\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head), SocketFlags.None, cancellationToken);
        var receive = ReceiveStatusAsync(socket, cancellationToken);
        var chunk = new byte[16 * 1024];
        chunk.AsSpan().Fill((byte)' ');
        long sent = 0;
        try
        {
            while (!stall && !receive.IsCompleted && sent < AnnouncedLength && !cancellationToken.IsCancellationRequested)
            {
                sent += await socket.SendAsync(chunk, SocketFlags.None, cancellationToken);
                await Task.Delay(50, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            // The server closed the connection after its answer, or the attack is over.
        }

        return await receive;
    }

    private static async Task<int> ReceiveStatusAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var received = 0;
        try
        {
            while (received < 12)
            {
                var n = await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None, cancellationToken);
                if (n == 0)
                {
                    break;
                }

                received += n;
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
        }

        return received >= 12 ? int.Parse(Encoding.ASCII.GetString(buffer, 9, 3), CultureInfo.InvariantCulture) : 0;
    }

    private static async Task<List<double>> LegitimateLatenciesAsync(HttpClient client, byte[] body, int count)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/vapi/webhook") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
            var started = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            response.StatusCode.Should().Be(HttpStatusCode.OK, "a legitimate request is answered while the attack goes on");
        }

        return latencies;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static long Rss(Process process)
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("No VmRSS in /proc/<pid>/status.");
    }

    private static Process StartHost(int port)
    {
        // The bench host is built next to this assembly's own build (same configuration), by the project reference.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepositoryRoot(), "tests", "VapiWebhooks.BenchHost", "bin", configuration, "net10.0", "VapiWebhooks.BenchHost.dll");
        File.Exists(dll).Should().BeTrue("the test project references the bench host, so it is built: {0}", dll);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        // Workstation GC: its heap does not grow in large per-core budgets, so the RSS baseline is steady.
        start.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilReadyAsync(HttpClient client, Process host)
    {
        var deadline = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(deadline) < TimeSpan.FromSeconds(60))
        {
            host.HasExited.Should().BeFalse("the bench host must start");
            try
            {
                using var response = await client.GetAsync("/stats");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The bench host did not answer within 60 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "VapiWebhooks.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (VapiWebhooks.sln) was not found above " + AppContext.BaseDirectory);
    }
}
