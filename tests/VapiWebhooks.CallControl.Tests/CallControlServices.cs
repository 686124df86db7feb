using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VapiWebhooks.CallControl;

namespace VapiWebhooks.CallControl.Tests;

/// <summary>
/// The call-control client as a host without ASP.NET gets it: <c>AddVapiCallControl</c> on a plain service
/// collection. Retries wait 1 ms so that retry tests stay quick; loopback is allowed unless a test says otherwise.
/// </summary>
internal sealed class CallControlServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    /// <param name="connectTo">When set, every connection goes to this loopback port whatever the URL's host, so that
    /// URLs on Vapi's hosts can be tried without leaving the machine.</param>
    public CallControlServices(Action<VapiCallControlOptions>? configure = null, string? environment = null, bool allowLoopback = true, int? connectTo = null)
    {
        Logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        if (environment is not null)
        {
            services.AddSingleton<IHostEnvironment>(new TestEnvironment(environment));
        }

        services.AddVapiCallControl(options =>
        {
            options.RetryDelay = TimeSpan.FromMilliseconds(1);
            options.AllowLoopback = allowLoopback ? true : null;
            configure?.Invoke(options);
        });
        if (connectTo is { } port)
        {
            services.AddHttpClient("VapiWebhooks.CallControl").ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                ConnectCallback = async (_, cancellationToken) =>
                {
                    var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                    await socket.ConnectAsync(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port), cancellationToken);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                },
            });
        }

        _provider = services.BuildServiceProvider();
    }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _provider;

    public IVapiCallControlFactory Factory => _provider.GetRequiredService<IVapiCallControlFactory>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "CallControlTests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
