using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Security;

namespace VapiWebhooks.Tests.Voice;

public enum VoiceServer
{
    TestServer,
    Kestrel,
}

/// <summary>A voice handler made of a delegate, so each test writes its own behaviour inline.</summary>
internal sealed class DelegateVoiceHandler(Func<VoiceRequestMessage, VoiceResponseWriter, CancellationToken, Task> handle) : IVoiceRequestHandler
{
    public Task HandleAsync(VoiceRequestMessage message, VoiceResponseWriter audio, CancellationToken cancellationToken)
        => handle(message, audio, cancellationToken);
}

internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

/// <summary>Keeps every log entry, at every level, for assertions.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IReadOnlyList<LogEntry> Errors => [.. _entries.Where(e => e.Level >= LogLevel.Error)];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>Waits until an entry with <paramref name="eventId"/> is logged (the endpoint logs after the handler returns).</summary>
    public async Task<LogEntry?> WaitForAsync(int eventId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_entries.FirstOrDefault(e => e.EventId.Id == eventId) is { } found)
            {
                return found;
            }

            await Task.Delay(10);
        }

        return null;
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => owner._entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception));
    }
}

/// <summary>
/// A VapiWebhooks app on TestServer or on a real Kestrel socket (127.0.0.1, port 0), authenticated with a bearer
/// token the client sends.
/// </summary>
internal sealed class VoiceTestHost : IAsyncDisposable
{
    public const string Token = "test-token";

    private VoiceTestHost(WebApplication app, HttpClient client, CapturingLoggerProvider logs)
    {
        App = app;
        Client = client;
        Logs = logs;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    public static Task<VoiceTestHost> StartAsync(VoiceServer server, Func<VoiceRequestMessage, VoiceResponseWriter, CancellationToken, Task>? handler, Action<WebApplicationBuilder>? configure = null)
        => StartAsync(server, handler is null ? null : new DelegateVoiceHandler(handler), configure);

    public static async Task<VoiceTestHost> StartAsync(VoiceServer server, IVoiceRequestHandler? handler, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        if (server == VoiceServer.TestServer)
        {
            builder.WebHost.UseTestServer();
        }
        else
        {
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        }

        builder.Services.AddVapiWebhooks().AddCredential("", o => o.Bearer = new VapiBearerOptions { Tokens = { Token } });
        if (handler is not null)
        {
            builder.Services.AddSingleton(handler);
        }

        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapVapiWebhooks();
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));

        HttpClient client;
        if (server == VoiceServer.TestServer)
        {
            client = app.GetTestServer().CreateClient();
        }
        else
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            // Disposing an unfinished response must close the connection, as Vapi does when the caller interrupts.
            // By default SocketsHttpHandler would first drain the rest of the body for up to 2 s to reuse the connection.
            var sockets = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero, MaxResponseDrainSize = 0, ResponseDrainTimeout = TimeSpan.Zero };
            client = new HttpClient(sockets) { BaseAddress = new Uri(address) };
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        client.Timeout = TimeSpan.FromSeconds(30);
        return new VoiceTestHost(app, client, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await App.StopAsync(stop.Token);
        }

        await App.DisposeAsync();
    }
}

/// <summary>Deterministic test bytes.</summary>
internal static class TestPcm
{
    public static byte[] Pattern(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
