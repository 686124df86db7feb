using System.Buffers;
using System.IO.Pipelines;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.AspNetCore;

/// <summary>
/// Reads the raw request body into a pooled buffer: exactly the bytes received (signatures are verified over them),
/// with the size limit enforced as it goes. The buffer grows with what arrives: <c>Content-Length</c> only caps it,
/// so a client announcing a large body and sending little costs little.
/// </summary>
internal static class RequestBody
{
    // Enough for most messages in one rent (a tool call is about 9 KB); larger bodies double from here.
    private const int InitialCapacity = 16 * 1024;

    /// <summary>
    /// Reads the whole body, or returns null as soon as it exceeds <paramref name="limit"/> bytes. The caller owns the
    /// buffer for the request's lifetime and disposes it at its end (the message's deferred parts are slices of it).
    /// </summary>
    public static async ValueTask<MessageBuffer?> ReadAsync(PipeReader reader, long? contentLength, long limit, CancellationToken cancellationToken)
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
                    return new MessageBuffer(buffer, length);
                }
            }
        }
        catch
        {
            Return(buffer);
            throw;
        }
    }

    private static void Return(byte[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
