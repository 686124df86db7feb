using VapiWebhooks.Handlers;

namespace VapiWebhooks.Tests.Voice;

/// <summary>A <see cref="VoiceResponseWriter"/> that keeps a copy of every write, to test what handlers produce without HTTP.</summary>
internal sealed class RecordingVoiceWriter(int sampleRate) : VoiceResponseWriter
{
    private readonly List<byte> _all = [];

    public override int SampleRate { get; } = sampleRate;

    public override long BytesWritten => _all.Count;

    public List<byte[]> Writes { get; } = [];

    public byte[] Bytes => [.. _all];

    public short[] Samples
    {
        get
        {
            var bytes = Bytes;
            var samples = new short[bytes.Length / 2];
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] = (short)(bytes[2 * i] | (bytes[(2 * i) + 1] << 8));
            }

            return samples;
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Writes.Add(pcm.ToArray());
        _all.AddRange(pcm.Span);
        return ValueTask.CompletedTask;
    }
}
