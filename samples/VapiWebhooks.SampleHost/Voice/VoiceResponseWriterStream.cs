using VapiWebhooks.Handlers;

namespace VapiWebhooks.SampleHost.Voice;

/// <summary>
/// A write-only <see cref="Stream"/> over a <see cref="VoiceResponseWriter"/>, so that stream-based audio code such as
/// <c>PcmStreamConverter.CopyWavAsync</c> can write straight to Vapi. Each write is sent at once; flushing does nothing more.
/// </summary>
public sealed class VoiceResponseWriterStream(VoiceResponseWriter writer) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => writer.BytesWritten;
        set => throw new NotSupportedException();
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        => writer.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => writer.WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
        => throw new NotSupportedException("Write asynchronously: the audio goes out over the network.");

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
