using System.Buffers.Binary;
using System.Text;
using VapiWebhooks.Audio;

namespace VapiWebhooks.Tests.Audio;

public class WavReaderTests
{
    public static TheoryData<int, int, int, bool, PcmSampleEncoding> Formats()
    {
        var data = new TheoryData<int, int, int, bool, PcmSampleEncoding>();
        foreach (var channels in new[] { 1, 2 })
        {
            foreach (var extensible in new[] { false, true })
            {
                data.Add(1, 8, channels, extensible, PcmSampleEncoding.Unsigned8);
                data.Add(1, 16, channels, extensible, PcmSampleEncoding.Signed16);
                data.Add(1, 24, channels, extensible, PcmSampleEncoding.Signed24);
                data.Add(1, 32, channels, extensible, PcmSampleEncoding.Signed32);
                data.Add(3, 32, channels, extensible, PcmSampleEncoding.IeeeFloat32);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Every_supported_format_is_parsed_and_its_samples_returned(int formatTag, int bits, int channels, bool extensible, PcmSampleEncoding expected)
    {
        var samples = SampleBytes(bits * channels / 8 * 101, seed: bits + channels);
        var wav = new WavFileBuilder { FormatTag = formatTag, BitsPerSample = bits, Channels = channels, SampleRate = 22050, Extensible = extensible }.Build(samples);

        var reader = await WavReader.OpenAsync(new MemoryStream(wav));

        reader.Format.Should().Be(new PcmFormat(expected, channels, 22050));
        reader.DataLength.Should().Be(samples.Length);
        (await ReadAllAsync(reader)).Should().Equal(samples);
    }

    [Fact]
    public async Task Unknown_chunks_are_skipped_including_the_pad_byte_after_odd_sizes()
    {
        var samples = SampleBytes(64, seed: 1);
        var builder = new WavFileBuilder();
        builder.ChunksBeforeFormat.Add(("JUNK", new byte[3]));
        builder.ChunksBeforeData.Add(("LIST", Encoding.ASCII.GetBytes("INFOISFT\x05\0\0\0odd!\0")));
        builder.ChunksBeforeData.Add(("fact", [0x20, 0, 0, 0]));
        builder.ChunksBeforeData.Add(("odd ", [1]));
        builder.ChunksBeforeData.Add(("zero", []));
        var wav = builder.Build(samples);

        foreach (var stream in new Stream[] { new MemoryStream(wav), new TrickleStream(wav) })
        {
            var reader = await WavReader.OpenAsync(stream);

            (await ReadAllAsync(reader)).Should().Equal(samples);
        }
    }

    [Theory]
    [InlineData(2)] // WAVEFORMATEX with cbSize = 0, as many encoders write.
    [InlineData(3)] // An odd 'fmt ' size, followed by its pad byte.
    [InlineData(30)]
    public async Task A_longer_fmt_chunk_is_read_and_its_extra_bytes_skipped(int extra)
    {
        var samples = SampleBytes(40, seed: 6);
        var wav = new WavFileBuilder { FormatExtra = new byte[extra], Channels = 2 }.Build(samples);

        foreach (var stream in new Stream[] { new MemoryStream(wav), new TrickleStream(wav) })
        {
            var reader = await WavReader.OpenAsync(stream);

            reader.Format.Should().Be(new PcmFormat(PcmSampleEncoding.Signed16, 2, 16000));
            (await ReadAllAsync(reader)).Should().Equal(samples);
        }
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(0xFFFFFFFFu)]
    public async Task An_unknown_data_size_reads_to_the_end_of_the_stream(uint declared)
    {
        var samples = SampleBytes(5000, seed: 2);
        var wav = new WavFileBuilder { DeclaredDataSize = declared }.Build(samples);

        var reader = await WavReader.OpenAsync(new TrickleStream(wav, bytesPerRead: 333));

        reader.DataLength.Should().BeNull();
        (await ReadAllAsync(reader)).Should().Equal(samples);
    }

    [Fact]
    public async Task A_stream_shorter_than_the_declared_data_size_just_ends_like_espeak_ng_piping_to_stdout()
    {
        var samples = SampleBytes(1000, seed: 3);
        var wav = new WavFileBuilder { DeclaredDataSize = 0x7FFFF000 }.Build(samples);

        var reader = await WavReader.OpenAsync(new MemoryStream(wav));

        reader.DataLength.Should().Be(0x7FFFF000);
        (await ReadAllAsync(reader)).Should().Equal(samples);
    }

    [Fact]
    public async Task A_declared_data_size_stops_before_trailing_chunks()
    {
        var samples = SampleBytes(100, seed: 4);
        var wav = new WavFileBuilder().Build(samples).Concat(Encoding.ASCII.GetBytes("LIST\x04\0\0\0abcd")).ToArray();

        var reader = await WavReader.OpenAsync(new MemoryStream(wav));

        (await ReadAllAsync(reader)).Should().Equal(samples);
    }

    [Fact]
    public async Task Reading_through_a_stream_that_returns_one_byte_at_a_time_works()
    {
        var samples = SampleBytes(3 * 2 * 50, seed: 5);
        var builder = new WavFileBuilder { BitsPerSample = 24, Channels = 2, Extensible = true };
        builder.ChunksBeforeData.Add(("LIST", new byte[7]));
        var wav = builder.Build(samples);

        var reader = await WavReader.OpenAsync(new TrickleStream(wav, bytesPerRead: 1));

        reader.Format.Should().Be(new PcmFormat(PcmSampleEncoding.Signed24, 2, 16000));
        (await ReadAllAsync(reader, bufferSize: 7)).Should().Equal(samples);
    }

    [Fact]
    public async Task Every_truncation_of_the_header_is_invalid_data()
    {
        var builder = new WavFileBuilder { Extensible = true };
        builder.ChunksBeforeData.Add(("LIST", new byte[9]));
        var wav = builder.Build([1, 2, 3, 4]);
        var headerLength = wav.Length - 4;

        for (var length = 0; length < headerLength; length++)
        {
            var prefix = wav[..length];
            foreach (var stream in new Stream[] { new MemoryStream(prefix), new TrickleStream(prefix, 5) })
            {
                var open = async () => await WavReader.OpenAsync(stream);

                await open.Should().ThrowAsync<InvalidDataException>($"{length} of {headerLength} header bytes is not a WAV header");
            }
        }
    }

    [Theory]
    [InlineData("RIFX", "WAVE", "*big-endian RIFX*")]
    [InlineData("RF64", "WAVE", "*RF64*")]
    [InlineData("RIFF", "AVI ", "*not a WAV file*")]
    [InlineData("OggS", "WAVE", "*not a WAV file*")]
    public async Task Non_WAV_containers_are_rejected(string riff, string form, string message)
    {
        var wav = new WavFileBuilder().Build(new byte[4]);
        Encoding.ASCII.GetBytes(riff).CopyTo(wav, 0);
        Encoding.ASCII.GetBytes(form).CopyTo(wav, 8);

        await Open(wav).Should().ThrowAsync<InvalidDataException>().WithMessage(message);
    }

    private static readonly Dictionary<string, (WavFileBuilder Builder, string Message)> Unsupported = new()
    {
        ["mp3"] = (new WavFileBuilder { FormatTag = 0x55 }, "*format tag 0x0055 is not supported*"),
        ["mu-law"] = (new WavFileBuilder { FormatTag = 7, BitsPerSample = 8 }, "*format tag 0x0007*"),
        ["12-bit"] = (new WavFileBuilder { BitsPerSample = 12, BlockAlign = 2 }, "*12-bit integer PCM*8, 16, 24 and 32*"),
        ["64-bit float"] = (new WavFileBuilder { FormatTag = 3, BitsPerSample = 64 }, "*64-bit float*only 32-bit*"),
        ["5.1"] = (new WavFileBuilder { Channels = 6 }, "*6 channels*mono and stereo*"),
        ["no channels"] = (new WavFileBuilder { Channels = 0, BlockAlign = 2 }, "*0 channels*"),
        ["0 Hz"] = (new WavFileBuilder { SampleRate = 0 }, "*sample rate 0 Hz*"),
        ["bad block align"] = (new WavFileBuilder { BlockAlign = 3 }, "*block align is 3 bytes*take 2*"),
        ["extensible mp3"] = (new WavFileBuilder { Extensible = true, FormatTag = 0x55 }, "*format tag 0x0055*"),
        ["extensible ambisonic"] = (new WavFileBuilder { Extensible = true, SubFormat = new Guid("00000001-0721-11d3-8644-c8c1ca000000") }, "*sub-format GUID 00000001-0721-11d3-8644-c8c1ca000000 is not supported*"),
    };

    public static TheoryData<string> UnsupportedCases() => new(Unsupported.Keys);

    [Theory]
    [MemberData(nameof(UnsupportedCases))]
    public async Task Unsupported_or_inconsistent_formats_are_rejected_with_a_clear_message(string name)
    {
        var (builder, message) = Unsupported[name];

        await Open(builder.Build(new byte[16])).Should().ThrowAsync<InvalidDataException>().WithMessage(message);
    }

    [Fact]
    public async Task A_short_fmt_chunk_is_rejected()
    {
        var wav = new WavFileBuilder().Build(new byte[4]);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(16), 14);

        await Open(wav).Should().ThrowAsync<InvalidDataException>().WithMessage("*'fmt ' chunk is 14 bytes*at least 16*");
    }

    [Fact]
    public async Task An_extensible_fmt_chunk_without_its_extension_is_rejected()
    {
        var wav = new WavFileBuilder().Build(new byte[4]);
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(20), 0xFFFE);

        await Open(wav).Should().ThrowAsync<InvalidDataException>().WithMessage("*EXTENSIBLE but is 16 bytes*");
    }

    [Fact]
    public async Task Data_before_fmt_is_rejected()
    {
        var wav = Encoding.ASCII.GetBytes("RIFF\0\0\0\0WAVEdata\x02\0\0\0\0\0").ToArray();

        await Open(wav).Should().ThrowAsync<InvalidDataException>().WithMessage("*'data' chunk comes before any 'fmt '*");
    }

    [Fact]
    public async Task A_WAV_without_a_data_chunk_is_rejected()
    {
        var wav = new WavFileBuilder().Build([]);

        await Open(wav[..^8]).Should().ThrowAsync<InvalidDataException>().WithMessage("*ended before a 'data' chunk*");
    }

    [Fact]
    public async Task An_empty_read_buffer_is_rejected()
    {
        var reader = await WavReader.OpenAsync(new MemoryStream(new WavFileBuilder().Build(new byte[4])));

        var read = async () => await reader.ReadAsync(Memory<byte>.Empty);

        await read.Should().ThrowAsync<ArgumentException>().WithParameterName("buffer");
    }

    [Fact]
    public async Task Cancellation_is_honoured()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var open = async () => await WavReader.OpenAsync(new TrickleStream(new WavFileBuilder().Build(new byte[4])), cancelled.Token);

        await open.Should().ThrowAsync<OperationCanceledException>();
    }

    private static Func<Task> Open(byte[] wav) => async () => await WavReader.OpenAsync(new MemoryStream(wav));

    private static byte[] SampleBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static async Task<byte[]> ReadAllAsync(WavReader reader, int bufferSize = 256)
    {
        var all = new MemoryStream();
        var buffer = new byte[bufferSize];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            all.Write(buffer, 0, read);
        }

        return all.ToArray();
    }
}
