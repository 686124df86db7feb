using System.Buffers;
using System.IO.Pipelines;

namespace VapiWebhooks.AspNetCore;

/// <summary>
/// The raw request body in a pooled buffer: exactly the bytes received (signatures are verified over them),
/// read with the size limit enforced as it goes, so an oversized body is never held in memory.
/// </summary>
internal sealed class RequestBody : IDisposable
{
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
        var capacity = (int)Math.Min(contentLength is > 0 ? contentLength.Value : 4096, Math.Min(limit, Array.MaxLength));
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 1));
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
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }

                if (length + data.Length > buffer.Length)
                {
                    var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(buffer.Length * 2L, length + data.Length), Math.Min(limit, Array.MaxLength)));
                    buffer.AsSpan(0, length).CopyTo(grown);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = grown;
                }

                data.CopyTo(buffer.AsSpan(length));
                length += (int)data.Length;
                reader.AdvanceTo(data.End);
                if (read.IsCompleted)
                {
                    return new RequestBody(buffer, length);
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
