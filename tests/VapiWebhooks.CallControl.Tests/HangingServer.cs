using System.Net;
using System.Net.Sockets;

namespace VapiWebhooks.CallControl.Tests;

/// <summary>A raw socket on loopback that accepts connections and never answers: an attempt that hangs.</summary>
internal sealed class HangingServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly List<TcpClient> _clients = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    private HangingServer(TcpListener listener)
    {
        _listener = listener;
        _accepting = AcceptAsync();
    }

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The connection count once it reaches <paramref name="expected"/>, or after a bounded wait (the accept loop may lag the client).</summary>
    public async Task<int> WaitForConnectionsAsync(int expected)
    {
        for (var i = 0; i < 40 && Connections < expected; i++)
        {
            await Task.Delay(50);
        }

        return Connections;
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri ControlUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/call-hang/control");

    public static Task<HangingServer> StartAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return Task.FromResult(new HangingServer(listener));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        lock (_clients)
        {
            _clients.ForEach(c => c.Dispose());
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        // Bounded: a test makes a handful of attempts.
        for (var i = 0; i < 100 && !_stop.IsCancellationRequested; i++)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            lock (_clients)
            {
                _clients.Add(client);
            }
        }
    }
}
