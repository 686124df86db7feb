using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VapiWebhooks.Tests.Edge;

/// <summary>
/// HTTP/1.1 written by hand on a loopback socket, for what an HttpClient will not send: broken chunks, bodies that stop
/// or end early, resets. Every wait is bounded.
/// </summary>
internal sealed class RawHttp : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly Socket _socket;

    private RawHttp(Socket socket) => _socket = socket;

    public static async Task<RawHttp> ConnectAsync(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = new CancellationTokenSource(Timeout);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, baseAddress.Port), timeout.Token);
        return new RawHttp(socket);
    }

    /// <summary>The request line and headers of a POST to <paramref name="path"/>, ending with the blank line.</summary>
    public static string Head(string path, IEnumerable<string> headers)
        => $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{string.Concat(headers.Select(h => h + "\r\n"))}\r\n";

    public async Task SendAsync(string text) => await SendAsync(Encoding.ASCII.GetBytes(text));

    public async Task SendAsync(byte[] bytes)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _socket.SendAsync(bytes, SocketFlags.None, timeout.Token);
    }

    /// <summary>Ends the request stream (FIN) while keeping the socket open for the answer.</summary>
    public void EndSending() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>Drops the connection with a TCP reset instead of a clean close.</summary>
    public void Reset()
    {
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
    }

    /// <summary>Reads until the server closes, or until a whole response (head and Content-Length body) is in, or the wait ends.</summary>
    public async Task<RawResponse> ReadResponseAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? Timeout);
        var received = new List<byte>();
        var buffer = new byte[8192];
        try
        {
            while (true)
            {
                var n = await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                if (n == 0)
                {
                    break;
                }

                received.AddRange(buffer.AsSpan(0, n));
                if (RawResponse.TryParse(received.ToArray(), out _))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }

        return RawResponse.TryParse(received.ToArray(), out var response) && response is not null
            ? response
            : new RawResponse(0, Encoding.ASCII.GetString(received.ToArray()), string.Empty);
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>A response read off the socket: status 0 when none arrived.</summary>
internal sealed record RawResponse(int Status, string Head, string Body)
{
    public static bool TryParse(byte[] bytes, out RawResponse? response)
    {
        response = null;
        var text = Encoding.UTF8.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0 || !text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
        {
            return false;
        }

        var head = text[..end];
        var body = text[(end + 4)..];
        var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        if (lengthLine is not null && Encoding.UTF8.GetByteCount(body) < int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
        {
            return false;
        }

        var chunked = head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase);
        if (chunked && !body.EndsWith("0\r\n\r\n", StringComparison.Ordinal))
        {
            return false;
        }

        response = new RawResponse(int.Parse(head.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture), head, body);
        return true;
    }
}
