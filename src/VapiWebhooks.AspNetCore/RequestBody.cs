using System.Buffers;
using System.IO.Pipelines;

namespace VapiWebhooks.AspNetCore;

/// <summary>
/// The raw request body in a pooled buffer: exactly the bytes received (signatures are verified over them), read
/// with the size limit enforced as it goes. The buffer grows with what arrives: <c>Content-Length</c> only caps it,
/// so a client announcing a large body and sending little costs little.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    // Enough for most messages in one rent (a tool call is about 9 KB); larger bodies double from here.
    private const int InitialCapacity = 16 * 1024;

    private byte[]? _buffer;

    private RequestBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    /// <summary>Reads the whole body, or returns null as soon as it exceeds <paramref name="limit"/> bytes.</summary>
    public static async ValueTask<RequestBody?> ReadAsync(PipeReader reader, long? contentLength, long limit, CancellationToken cancellationToken)
    {
        // The announced length caps the buffer, it never sizes it: growth follows the bytes actually received.
        var cap = Math.Min(contentLength is >= 0 ? contentLength.Value : limit, Math.Min(limit, Array.MaxLength));
        byte[]? buffer = null;
        var length = 0;
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var data = read.Buffer;
                if (length + data.Length > limit)
                {
                    reader.AdvanceTo(data.End);
                    Return(buffer);
                    return null;
                }

                var needed = length + (int)data.Length;
                if (buffer is null || needed > buffer.Length)
                {
                    var size = Math.Max(needed, buffer is null ? Math.Min(InitialCapacity, cap) : Math.Min(buffer.Length * 2L, cap));
                    var grown = ArrayPool<byte>.Shared.Rent((int)Math.Max(size, 1));
                    buffer?.AsSpan(0, length).CopyTo(grown);
                    Return(buffer);
                    buffer = grown;
                }

                data.CopyTo(buffer.AsSpan(length));
                length = needed;
                reader.AdvanceTo(data.End);
                if (read.IsCompleted)
                {
                    return new RequestBody(buffer, length);
                }
            }
        }
        catch
        {
            Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = null;
        Return(buffer);
    }

    private static void Return(byte[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
