using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Security;
using VapiWebhooks.Testing;

namespace VapiWebhooks.LoadTests;

public sealed class VoiceLoadSettings
{
    public int Concurrency { get; set; } = 500;

    public double Seconds { get; set; } = 2;

    public int ChunkMilliseconds { get; set; } = 20;

    public int SampleRate { get; set; } = 24000;

    public int RampMilliseconds { get; set; }

    public int ChunkBytes => SampleRate * ChunkMilliseconds / 1000 * 2;

    public int Chunks => (int)Math.Round(Seconds * 1000 / ChunkMilliseconds);

    public string? Validate()
    {
        if (Concurrency is < 1 or > 2000)
        {
            return "--concurrency must be 1-2000";
        }

        if (Seconds is < 0.1 or > 30)
        {
            return "--seconds must be 0.1-30";
        }

        if (RampMilliseconds is < 0 or > 10_000)
        {
            return "--ramp-ms must be 0-10000";
        }

        if (ChunkMilliseconds is < 5 or > 100)
        {
            return "--chunk-ms must be 5-100";
        }

        return SampleRate is 8000 or 16000 or 22050 or 24000 or 44100 ? null : "--rate must be one of Vapi's: 8000, 16000, 22050, 24000, 44100";
    }
}

/// <summary>
/// Many concurrent voice-requests over loopback to an in-process Kestrel host. Each handler streams a tone in
/// fixed chunks paced in real time against an absolute schedule; each client records when every chunk's last
/// byte arrived and compares it with that schedule.
/// </summary>
public static class VoiceLoadTest
{
    private const string Token = "load-test-token-6b9e2d5a8c1f4037";

    private const int WarmupRounds = 2;

    /// <summary>What each handler did, by request id: when it started (a <see cref="Stopwatch"/> timestamp, the
    /// client's clock too, since both run in this process) and when it wrote each chunk, in ms from its start.</summary>
    private static readonly ConcurrentDictionary<int, HandlerTrace> Traces = new();

    public static async Task<VoiceLoadReport> RunAsync(VoiceLoadSettings settings)
    {
        var loadBefore = ReadLoadAverage();
        await using var app = await StartServerAsync(settings);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.Concurrency,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        })
        {
            BaseAddress = new Uri(address),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        // Warm up, not measured: a server runs for hours, the measurement is of its steady state. Two rounds at
        // full concurrency open every connection and let tiered JIT finish (instrumented tier, then optimised
        // code compiled in the background, which otherwise competes with the measured streams for the cores).
        using (var warmupDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            var warmup = new VoiceLoadSettings { Concurrency = settings.Concurrency, Seconds = 0.5, ChunkMilliseconds = settings.ChunkMilliseconds, SampleRate = settings.SampleRate };
            for (var round = 0; round < WarmupRounds; round++)
            {
                await Task.WhenAll(Enumerable.Range(0, warmup.Concurrency).Select(i => RunOneAsync(client, warmup, -1 - i, TimeSpan.Zero, warmupDeadline.Token)));
                await Task.Delay(TimeSpan.FromMilliseconds(500), warmupDeadline.Token);
            }
        }

        // Start the measurement from a collected heap, as BenchmarkDotNet does: the warm-up's garbage is not
        // the measured streams' (a gen2 collection it triggers later paused 25-50 ms here).
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();

        // Everything is bounded: the whole run gets the audio's duration plus a minute.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(settings.Seconds + (settings.RampMilliseconds / 1000.0) + 60));
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var gcBefore = GcCounts.Now();
        var wall = Stopwatch.StartNew();
        var runs = await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(i =>
            RunOneAsync(client, settings, i, TimeSpan.FromMilliseconds((double)settings.RampMilliseconds * i / settings.Concurrency), deadline.Token)));
        wall.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var gc = GcCounts.Now() - gcBefore;
        var loadAfter = ReadLoadAverage();
        await app.StopAsync(CancellationToken.None);
        return new VoiceLoadReport(settings, runs, wall.Elapsed, cpu, gc, loadBefore, loadAfter);
    }

    private static async Task<WebApplication> StartServerAsync(VoiceLoadSettings settings)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Limits.MaxConcurrentConnections = null;
            o.Limits.MaxConcurrentUpgradedConnections = null;
        });

        // The default listen backlog (512) would drop SYNs when every client connects at once.
        builder.WebHost.UseSockets(o => o.Backlog = Math.Max(512, settings.Concurrency * 2));
        builder.Services.AddVapiWebhooks().AddCredential("", o => o.Bearer = new VapiBearerOptions { Tokens = { Token } });
        builder.Services.AddSingleton<IVoiceRequestHandler>(new PacedToneHandler(settings));
        var app = builder.Build();
        app.MapVapiWebhooks();
        await app.StartAsync();
        return app;
    }

    private static async Task<StreamRun> RunOneAsync(HttpClient client, VoiceLoadSettings settings, int id, TimeSpan startAfter, CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (startAfter > TimeSpan.Zero)
        {
            await Task.Delay(startAfter, cancellationToken);
        }

        var message = VapiTestMessages.VoiceRequest(string.Create(CultureInfo.InvariantCulture, $"Sentence number {id}. id={id} chunks={settings.Chunks}"), settings.SampleRate);
        var sent = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.PostVapiMessageAsync(message, cancellationToken: cancellationToken);
            var expectedBytes = (long)settings.Chunks * settings.ChunkBytes;
            var (received, arrivals, firstByteMs) = await ReadChunkArrivalsAsync(response, settings, sent, cancellationToken);
            if ((int)response.StatusCode != 200 || received != expectedBytes)
            {
                return StreamRun.Failed($"status {(int)response.StatusCode}, {received}/{expectedBytes} bytes");
            }

            if (!Traces.TryRemove(id, out var trace))
            {
                return StreamRun.Failed("the handler left no trace");
            }

            var handlerStartMs = Stopwatch.GetElapsedTime(sent, trace.Start).TotalMilliseconds;
            return new StreamRun(null, firstByteMs, handlerStartMs, arrivals, trace.WriteMs);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            return StreamRun.Failed(ex.GetType().Name + ": " + ex.Message);
        }
    }

    // Keeps no audio: 500 streams of recorded PCM would be hundreds of MB whose collections stall the
    // measurement itself. Notes when the last byte of each chunk arrived, in ms from the request.
    private static async Task<(long Received, double[] Arrivals, double FirstByteMs)> ReadChunkArrivalsAsync(HttpResponseMessage response, VoiceLoadSettings settings, long sent, CancellationToken cancellationToken)
    {
        var arrivals = new double[settings.Chunks];
        var buffer = new byte[4096];
        var firstByteMs = double.NaN;
        long received = 0;
        var next = 0;
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var at = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            if (received == 0)
            {
                firstByteMs = at;
            }

            received += read;
            while (next < arrivals.Length && received >= (long)(next + 1) * settings.ChunkBytes)
            {
                arrivals[next++] = at;
            }
        }

        return (received, arrivals, firstByteMs);
    }

    private static string ReadLoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    /// <summary>Writes one tone chunk every chunk period against an absolute schedule, as a real-time TTS would.</summary>
    private sealed class PacedToneHandler : IVoiceRequestHandler
    {
        private readonly VoiceLoadSettings _settings;
        private readonly byte[] _chunk;

        public PacedToneHandler(VoiceLoadSettings settings)
        {
            _settings = settings;
            _chunk = new byte[settings.ChunkBytes];
            for (var i = 0; i < _chunk.Length / 2; i++)
            {
                var sample = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / settings.SampleRate));
                _chunk[2 * i] = (byte)sample;
                _chunk[(2 * i) + 1] = (byte)(sample >> 8);
            }
        }

        public async Task HandleAsync(VoiceRequestMessage message, VoiceResponseWriter audio, CancellationToken cancellationToken)
        {
            var start = Stopwatch.GetTimestamp();
            var period = TimeSpan.FromMilliseconds(_settings.ChunkMilliseconds);

            // The client says who it is and how many chunks it expects (the warm-up asks for fewer).
            var text = message.Text ?? string.Empty;
            var id = int.Parse(Field(text, "id="), CultureInfo.InvariantCulture);
            var chunks = int.Parse(Field(text, "chunks="), CultureInfo.InvariantCulture);
            var writeMs = new double[chunks];
            for (var k = 0; k < chunks; k++)
            {
                var wait = (period * k) - Stopwatch.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                writeMs[k] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                await audio.WriteAsync(_chunk, cancellationToken);
            }

            Traces[id] = new HandlerTrace(start, writeMs);
        }

        private static ReadOnlySpan<char> Field(string text, string name)
        {
            var at = text.IndexOf(name, StringComparison.Ordinal) + name.Length;
            var end = text.IndexOf(' ', at);
            return text.AsSpan(at, (end < 0 ? text.Length : end) - at);
        }
    }
}

internal sealed record HandlerTrace(long Start, double[] WriteMs);

/// <summary>Garbage collections by generation and the total time paused, for the report.</summary>
public readonly record struct GcCounts(int Gen0, int Gen1, int Gen2, TimeSpan Pause)
{
    public static GcCounts Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public static GcCounts operator -(GcCounts after, GcCounts before)
        => new(after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, after.Pause - before.Pause);
}

/// <summary>One stream: times in ms from the moment the client sent the request.</summary>
public sealed record StreamRun(string? Error, double TimeToFirstByteMs, double HandlerStartMs, double[] ArrivalMs, double[] HandlerWriteMs)
{
    public static StreamRun Failed(string error) => new(error, double.NaN, double.NaN, [], []);
}

public sealed record VoiceLoadReport(VoiceLoadSettings Settings, StreamRun[] Runs, TimeSpan Wall, TimeSpan Cpu, GcCounts Gc, string LoadBefore, string LoadAfter)
{
    public const double GoalMs = 50;

    public int Failures => Runs.Count(r => r.Error is not null);

    public string Format()
    {
        var ok = Runs.Where(r => r.Error is null).ToArray();
        var period = Settings.ChunkMilliseconds;

        // Chunk k is due at the client when the handler's real-time schedule says: handler start + k × period.
        // Lateness is the last byte of chunk k arriving after that (the time before the handler ran is the TTFB's).
        var lateness = ok.SelectMany(r => r.ArrivalMs.Select((t, k) => t - r.HandlerStartMs - (k * period))).ToArray();

        // Split: how late the handler woke up to write (server timers/thread pool), and how long a written chunk
        // took to reach the client's reads (Kestrel, loopback TCP, HttpClient).
        var handlerLate = ok.SelectMany(r => r.HandlerWriteMs.Select((t, k) => t - (k * period))).ToArray();
        var delivery = ok.SelectMany(r => r.ArrivalMs.Select((t, k) => t - r.HandlerStartMs - r.HandlerWriteMs[k])).ToArray();
        var ttfb = ok.Select(r => r.TimeToFirstByteMs).ToArray();
        var handlerStart = ok.Select(r => r.HandlerStartMs).ToArray();
        var lateOverGoal = lateness.Count(l => l > GoalMs);
        var streamsOverGoal = ok.Count(r => r.ArrivalMs.Select((t, k) => t - r.HandlerStartMs - (k * period)).Any(l => l > GoalMs));

        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"voice load: {Settings.Concurrency} concurrent voice-requests, {Settings.Seconds} s each at {Settings.SampleRate} Hz, {Settings.Chunks} chunks of {Settings.ChunkBytes} bytes every {period} ms, starts spread over {Settings.RampMilliseconds} ms, loopback 127.0.0.1");
        text.AppendLine(c, $"machine: {Environment.ProcessorCount} logical CPUs; load average before: {LoadBefore}; after: {LoadAfter}");
        text.AppendLine(c, $"wall {Wall.TotalSeconds:F2} s, process CPU {Cpu.TotalSeconds:F2} s ({Cpu.TotalSeconds / Wall.TotalSeconds * 100:F0}% of one core)");
        text.AppendLine(c, $"collections during the run: gen0 {Gc.Gen0}, gen1 {Gc.Gen1}, gen2 {Gc.Gen2}; paused {Gc.Pause.TotalMilliseconds:F1} ms in all");
        text.AppendLine(c, $"streams: {ok.Length} ok, {Failures} failed; chunks measured: {lateness.Length}");
        foreach (var error in Runs.Where(r => r.Error is not null).GroupBy(r => r.Error).Take(5))
        {
            text.AppendLine(c, $"  failure x{error.Count()}: {error.Key}");
        }

        if (ok.Length > 0)
        {
            text.AppendLine(c, $"time to first byte (request sent -> first PCM byte): p50 {Percentile(ttfb, 50):F1} ms, p99 {Percentile(ttfb, 99):F1} ms, max {ttfb.Max():F1} ms");
            text.AppendLine(c, $"  of which request sent -> handler started: p50 {Percentile(handlerStart, 50):F1} ms, p99 {Percentile(handlerStart, 99):F1} ms, max {handlerStart.Max():F1} ms");
            text.AppendLine(c, $"chunk lateness at the client vs schedule (handler start + k x {period} ms): p50 {Percentile(lateness, 50):F1} ms, p99 {Percentile(lateness, 99):F1} ms, max {lateness.Max():F1} ms");
            text.AppendLine(c, $"  handler write lateness (woke after due): p50 {Percentile(handlerLate, 50):F1} ms, p99 {Percentile(handlerLate, 99):F1} ms, max {handlerLate.Max():F1} ms");
            text.AppendLine(c, $"  delivery (write -> client read): p50 {Percentile(delivery, 50):F1} ms, p99 {Percentile(delivery, 99):F1} ms, max {delivery.Max():F1} ms");
            text.AppendLine(c, $"chunks later than {GoalMs} ms behind schedule: {lateOverGoal} of {lateness.Length} (in {streamsOverGoal} streams) -> {(lateOverGoal == 0 && Failures == 0 ? "GOAL MET" : "GOAL MISSED")}");
        }

        return text.ToString();
    }

    private static IEnumerable<double> Lateness(double[] arrivals, int period)
    {
        var start = arrivals.Select((t, k) => t - (k * period)).Min();
        return arrivals.Select((t, k) => t - start - (k * period));
    }

    private static double Percentile(double[] values, double percentile)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
