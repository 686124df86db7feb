using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Kit;

/// <summary>
/// The one test host builder: a minimal ASP.NET Core app on <see cref="TestServer"/> (or on Kestrel on loopback) with
/// <c>AddVapiWebhooks</c>, a <see cref="HandlerLog"/> singleton, optional configuration, an optional
/// <see cref="ManualTimeProvider"/> and an optional <see cref="CapturingLoggerProvider"/>. Real HTTP semantics
/// (routing, status codes, headers); real sockets with Kestrel. Every test project that hosts the library builds its
/// app here: with <see cref="StartAsync"/> (a started app and a client that sends <see cref="Token"/>), or with
/// <see cref="Build"/> when the test maps, starts or fails to start the app itself. Suite wrappers (the voice,
/// simulator, inspector and inbox hosts) only add their handlers, endpoints and helpers.
/// </summary>
public sealed class VapiTestHost : IAsyncDisposable
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The bearer token every test host accepts (the library refuses to start without a credential).</summary>
    public const string Token = "endpoint-test-token-3f9a1c7e5b2d4068";

    private readonly CapturingLoggerProvider? _logs;
    private bool _stopped;

    private VapiTestHost(WebApplication app, HttpClient client, CapturingLoggerProvider? logs)
    {
        App = app;
        Client = client;
        _logs = logs;
    }

    public WebApplication App { get; }

    /// <summary>A client of the app (TestServer's, or one on the Kestrel address) that sends <see cref="Token"/>.</summary>
    public HttpClient Client { get; }

    /// <summary>Where the app listens: TestServer's base address, or <c>http://127.0.0.1:port/</c> with Kestrel.</summary>
    public Uri BaseAddress => Client.BaseAddress!;

    public IServiceProvider Services => App.Services;

    public HandlerLog Log => App.Services.GetRequiredService<HandlerLog>();

    /// <summary>The log capture passed to <see cref="StartAsync"/> as <c>logs</c>.</summary>
    public CapturingLoggerProvider Logs => _logs ?? throw new InvalidOperationException("This host captures no logs: pass logs: new CapturingLoggerProvider() to VapiTestHost.StartAsync.");

    /// <summary>
    /// Builds and starts an app; <paramref name="map"/> maps the endpoints (default: <c>MapVapiWebhooks()</c>).
    /// <paramref name="clientHandler"/> is the Kestrel client's handler, for a test that needs its own connection
    /// behaviour (the voice tests close the connection on an unfinished response, as Vapi does).
    /// </summary>
    public static async Task<VapiTestHost> StartAsync(
        Action<VapiWebhooksBuilder>? vapi = null,
        Action<VapiWebhookOptions>? options = null,
        IReadOnlyDictionary<string, string?>? configuration = null,
        ManualTimeProvider? clock = null,
        CapturingLoggerProvider? logs = null,
        Action<WebApplicationBuilder>? host = null,
        Action<WebApplication>? map = null,
        bool kestrel = false,
        bool defaultCredential = true,
        string? environment = null,
        LogLevel logLevel = LogLevel.Trace,
        HttpMessageHandler? clientHandler = null)
    {
        if (clientHandler is not null && !kestrel)
        {
            throw new ArgumentException("A client handler needs kestrel: true (TestServer's client has its own).", nameof(clientHandler));
        }

        var app = Build(vapi, options, configuration, clock, logs, host, kestrel, defaultCredential, environment, logLevel);
        try
        {
            (map ?? (a => a.MapVapiWebhooks())).Invoke(app);
            using (var start = new CancellationTokenSource(RequestTimeout))
            {
                await app.StartAsync(start.Token);
            }

            HttpClient client;
            if (kestrel)
            {
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
                client = clientHandler is null ? new HttpClient() : new HttpClient(clientHandler);
                client.BaseAddress = new Uri(address);
            }
            else
            {
                client = app.GetTestClient();
            }

            client.Timeout = RequestTimeout;
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
            return new VapiTestHost(app, client, logs);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Builds (without starting or mapping) an app on <see cref="TestServer"/>, or on Kestrel on a free loopback port.</summary>
    public static WebApplication Build(
        Action<VapiWebhooksBuilder>? vapi = null,
        Action<VapiWebhookOptions>? options = null,
        IReadOnlyDictionary<string, string?>? configuration = null,
        ManualTimeProvider? clock = null,
        CapturingLoggerProvider? logs = null,
        Action<WebApplicationBuilder>? host = null,
        bool kestrel = false,
        bool defaultCredential = true,
        string? environment = null,
        LogLevel logLevel = LogLevel.Trace)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        if (kestrel)
        {
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        Configure(builder, vapi, options, configuration, clock, logs, defaultCredential, logLevel);
        host?.Invoke(builder);
        return builder.Build();
    }

    private static void Configure(
        WebApplicationBuilder builder,
        Action<VapiWebhooksBuilder>? vapi,
        Action<VapiWebhookOptions>? options,
        IReadOnlyDictionary<string, string?>? configuration,
        ManualTimeProvider? clock,
        CapturingLoggerProvider? logs,
        bool defaultCredential = true,
        LogLevel logLevel = LogLevel.Trace)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (defaultCredential)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Vapi:Webhooks:Authentication:Bearer:Tokens:0"] = Token });
        }

        if (configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(configuration);
        }

        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.SetMinimumLevel(logLevel);
            builder.Logging.AddProvider(logs);
        }

        builder.Services.AddSingleton<HandlerLog>();
        var webhooks = builder.Services.AddVapiWebhooks(options);
        vapi?.Invoke(webhooks);
        if (clock is not null)
        {
            builder.Services.RemoveAll<TimeProvider>();
            builder.Services.AddSingleton<TimeProvider>(clock);
        }
    }

    /// <summary>Stops the app, for a test of what a stop leaves behind (a stop that outlasts <see cref="RequestTimeout"/> fails the test); disposing then only disposes.</summary>
    public async Task StopAsync()
    {
        _stopped = true;
        using var stop = new CancellationTokenSource(RequestTimeout);
        await App.StopAsync(stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_stopped)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await App.StopAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                // A test that left a handler hanging must not hang the run.
            }
        }

        await App.DisposeAsync();
    }
}

/// <summary>A problem+json body: status, title, detail and the <c>reason</c> extension.</summary>
public sealed record ProblemBody(int Status, string? Title, string? Detail, string? Reason, string Raw);

/// <summary>Reads the endpoint's problem+json bodies and JSON replies.</summary>
public static class ProblemReader
{
    public static async Task<ProblemBody> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expectedStatus)
    {
        ArgumentNullException.ThrowIfNull(response);
        var raw = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expectedStatus, "the body was {0}", raw);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", "the body was {0}", raw);
        var root = JsonElement.Parse(raw);
        string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        root.TryGetProperty("status", out var status).Should().BeTrue("a problem carries its status: {0}", raw);
        return new ProblemBody(status.GetInt32(), Text("title"), Text("detail"), Text("reason"), raw);
    }

    /// <summary>Reads a 200 JSON reply as a <see cref="JsonElement"/>.</summary>
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var raw = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the body was {0}", raw);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/json", "the body was {0}", raw);
        return JsonElement.Parse(raw);
    }
}
