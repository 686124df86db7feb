using System.Buffers.Binary;
using VapiWebhooks.Audio;
using VapiWebhooks.Tests.Audio;

namespace VapiWebhooks.Tests.Voice;

/// <summary>The helpers handlers use to produce audio: samples, WAV and raw PCM sources.</summary>
public sealed class VoiceResponseWriterExtensionsTests
{
    [Fact]
    public async Task WriteSamplesAsync_writes_16_bit_little_endian_in_order_across_blocks()
    {
        var samples = new short[10_000];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)((i * 7919) - 32768);
        }

        samples[0] = 0x0102;
        var writer = new RecordingVoiceWriter(24000);

        await writer.WriteSamplesAsync(samples);

        var bytes = writer.Bytes;
        bytes.Should().HaveCount(20_000);
        bytes[0].Should().Be(0x02, "little-endian: low byte first");
        bytes[1].Should().Be(0x01);
        writer.Samples.Should().Equal(samples);
        writer.Writes.Should().HaveCountGreaterThan(1, "a large buffer is written in bounded blocks");
        writer.Writes.Should().OnlyContain(w => w.Length % 2 == 0);
    }

    [Fact]
    public async Task WriteSamplesAsync_with_no_samples_writes_nothing()
    {
        var writer = new RecordingVoiceWriter(24000);

        await writer.WriteSamplesAsync(ReadOnlyMemory<short>.Empty);

        writer.Writes.Should().BeEmpty();
    }

    [Fact]
    public async Task WritePcmAsync_at_the_requested_rate_passes_16_bit_mono_through_unchanged_in_20_ms_chunks()
    {
        var source = TestAudio.Int16(Signal.Sine(440, 24000, 24000));
        var writer = new RecordingVoiceWriter(24000);

        var written = await writer.WritePcmAsync(new MemoryStream(source), PcmFormat.Int16Mono(24000));

        written.Should().Be(source.Length);
        writer.Bytes.Should().Equal(source);
        writer.Writes.Should().HaveCount(50, "one second in 20 ms chunks");
        writer.Writes.Should().OnlyContain(w => w.Length == 960);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(1000)]
    public async Task WritePcmAsync_gives_the_same_audio_however_the_source_trickles_in(int bytesPerRead)
    {
        var format = new PcmFormat(PcmSampleEncoding.IeeeFloat32, 2, 44100);
        var left = Signal.Sine(1000, 44100, 4410);
        var interleaved = new byte[left.Length * 8];
        for (var i = 0; i < left.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(interleaved.AsSpan(i * 8), left[i]);
            BinaryPrimitives.WriteSingleLittleEndian(interleaved.AsSpan((i * 8) + 4), left[i]);
        }

        var whole = new RecordingVoiceWriter(16000);
        await whole.WritePcmAsync(new MemoryStream(interleaved), format);
        var trickled = new RecordingVoiceWriter(16000);
        await trickled.WritePcmAsync(new TrickleStream(interleaved, bytesPerRead), format);

        trickled.Bytes.Should().Equal(whole.Bytes);
        whole.Bytes.Should().HaveCount(1600 * 2, "0.1 s at 16 kHz");
        trickled.Writes.Should().OnlyContain(w => w.Length % 2 == 0 && w.Length > 0);
    }

    [Fact]
    public async Task WriteWavAsync_resamples_to_the_writer_rate_in_chunks_of_at_most_the_chunk_duration()
    {
        var wav = TestAudio.Wav16Mono(Signal.Sine(500, 22050, 22050), 22050);
        var writer = new RecordingVoiceWriter(24000);

        var written = await writer.WriteWavAsync(new MemoryStream(wav));

        written.Should().Be(24000 * 2);
        writer.Bytes.Should().HaveCount(24000 * 2, "one second at 24 kHz, tail included");
        writer.Writes.SkipLast(1).Should().OnlyContain(w => w.Length <= 2 * 483, "20 ms of 22050 Hz source is at most 481 samples at 24 kHz, plus the filter's carry");
        Signal.ZeroCrossingFrequency(TestAudio.ToFloat(writer.Samples).AsSpan(2400, 19200), 24000).Should().BeApproximately(500, 1);
    }

    [Fact]
    public async Task WriteWavAsync_honours_a_custom_chunk_duration()
    {
        var wav = TestAudio.Wav16Mono(Signal.Sine(500, 16000, 16000), 16000);
        var writer = new RecordingVoiceWriter(16000);

        await writer.WriteWavAsync(new MemoryStream(wav), TimeSpan.FromMilliseconds(100));

        writer.Writes.Should().HaveCount(10).And.OnlyContain(w => w.Length == 3200);
    }

    [Fact]
    public async Task WriteWavAsync_rejects_a_malformed_header_before_writing_anything()
    {
        var writer = new RecordingVoiceWriter(24000);

        var act = async () => await writer.WriteWavAsync(new MemoryStream("RIFX not a wave at all"u8.ToArray()));

        await act.Should().ThrowAsync<InvalidDataException>();
        writer.Writes.Should().BeEmpty();
    }

    [Fact]
    public async Task The_adapters_stop_when_the_token_is_cancelled()
    {
        using var cts = new CancellationTokenSource();
        var writer = new CancellingAfterWritesWriter(24000, writes: 3, cts);

        var act = async () => await writer.WritePcmAsync(new MemoryStream(new byte[48000 * 2]), PcmFormat.Int16Mono(48000), cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        writer.Writes.Should().Be(3);
    }

    [Fact]
    public async Task Arguments_are_checked()
    {
        var writer = new RecordingVoiceWriter(24000);

        await ((Func<Task>)(async () => await writer.WriteWavAsync(new MemoryStream(), TimeSpan.Zero))).Should().ThrowAsync<ArgumentOutOfRangeException>();
        await ((Func<Task>)(async () => await writer.WritePcmAsync(new MemoryStream(), PcmFormat.Int16Mono(8000), TimeSpan.FromSeconds(11)))).Should().ThrowAsync<ArgumentOutOfRangeException>();
        await ((Func<Task>)(async () => await writer.WritePcmAsync(null!, PcmFormat.Int16Mono(8000)))).Should().ThrowAsync<ArgumentNullException>();
        await ((Func<Task>)(async () => await ((Handlers.VoiceResponseWriter)null!).WriteSamplesAsync(new short[1]))).Should().ThrowAsync<ArgumentNullException>();
    }

    private sealed class CancellingAfterWritesWriter(int sampleRate, int writes, CancellationTokenSource cts) : Handlers.VoiceResponseWriter
    {
        public override int SampleRate { get; } = sampleRate;

        public override long BytesWritten => 0;

        public int Writes { get; private set; }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++Writes == writes)
            {
                cts.Cancel();
            }

            return ValueTask.CompletedTask;
        }
    }
}
