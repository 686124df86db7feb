namespace VapiWebhooks.Tests.Audio;

/// <summary>A write-only stream that records each write and flush, and can cancel a token after some writes, like a caller hanging up.</summary>
internal sealed class RecordingStream(CancellationTokenSource? cancelAfterWrites = null, int writesBeforeCancel = int.MaxValue) : Stream
{
    private readonly MemoryStream _written = new();

    public List<int> WriteSizes { get; } = [];

    public int Flushes { get; private set; }

    public byte[] Written => _written.ToArray();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _written.Write(buffer);
        WriteSizes.Add(buffer.Length);
        if (WriteSizes.Count >= writesBeforeCancel)
        {
            cancelAfterWrites?.Cancel();
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.Span);
    }

    public override void Flush() => Flushes++;

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Flushes++;
        return Task.CompletedTask;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
