using VapiWebhooks.Tests.Testing;

namespace VapiWebhooks.Tests.Audio;

/// <summary>A non-seekable read stream that hands out at most a few bytes per read, like a slow pipe.</summary>
internal sealed class TrickleStream(byte[] data, int bytesPerRead = 1) : ReadOnlyTestStream
{
    private int _position;

    public override int Read(Span<byte> buffer)
    {
        var count = Math.Min(Math.Min(bytesPerRead, buffer.Length), data.Length - _position);
        data.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return Read(buffer.Span);
    }
}
