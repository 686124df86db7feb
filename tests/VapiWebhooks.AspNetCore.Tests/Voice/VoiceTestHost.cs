using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
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

/// <summary>
/// A VapiWebhooks app on TestServer or on a real Kestrel socket (127.0.0.1, port 0), authenticated with a bearer
/// token the client sends.
/// </summary>
internal sealed class VoiceTestHost : IAsyncDisposable
{
    public const string Token = "voice-test-token-8e1b4d7a0c3f6925";

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
        var logs = new CapturingLoggerProvider();
        var app = VapiTestHost.Build(
            vapi => vapi.AddCredential("", o => o.Bearer = new VapiBearerOptions { Tokens = { Token } }),
            logs: logs,
            host: builder =>
            {
                if (handler is not null)
                {
                    builder.Services.AddSingleton(handler);
                }

                configure?.Invoke(builder);
            },
            kestrel: server == VoiceServer.Kestrel,
            defaultCredential: false,
            environment: "Production",
            logLevel: LogLevel.Debug);
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
