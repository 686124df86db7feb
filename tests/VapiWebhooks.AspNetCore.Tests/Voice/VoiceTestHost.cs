using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;

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
/// The voice tests' <see cref="VapiTestHost"/>: on TestServer or on a real Kestrel socket, in Production, with the
/// test's voice handler and logs captured from Debug up.
/// </summary>
internal static class VoiceTestHost
{
    public static Task<VapiTestHost> StartAsync(VoiceServer server, Func<VoiceRequestMessage, VoiceResponseWriter, CancellationToken, Task>? handler, Action<WebApplicationBuilder>? configure = null)
        => StartAsync(server, handler is null ? null : new DelegateVoiceHandler(handler), configure);

    public static Task<VapiTestHost> StartAsync(VoiceServer server, IVoiceRequestHandler? handler, Action<WebApplicationBuilder>? configure = null)
    {
        var kestrel = server == VoiceServer.Kestrel;
        return VapiTestHost.StartAsync(
            logs: new CapturingLoggerProvider(),
            host: builder =>
            {
                if (handler is not null)
                {
                    builder.Services.AddSingleton(handler);
                }

                configure?.Invoke(builder);
            },
            kestrel: kestrel,
            environment: "Production",
            logLevel: LogLevel.Debug,
            // Disposing an unfinished response must close the connection, as Vapi does when the caller interrupts.
            // By default SocketsHttpHandler would first drain the rest of the body for up to 2 s to reuse the connection.
            clientHandler: kestrel ? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero, MaxResponseDrainSize = 0, ResponseDrainTimeout = TimeSpan.Zero } : null);
    }
}
