using System.Buffers.Binary;
using VapiWebhooks.Audio;

namespace VapiWebhooks.Tests.Audio;

public class PcmSampleConverterTests
{
    [Theory]
    [InlineData(1.0f, 32767)]
    [InlineData(-1.0f, -32768)]
    [InlineData(1.5f, 32767)]
    [InlineData(-7.0f, -32768)]
    [InlineData(float.PositiveInfinity, 32767)]
    [InlineData(float.NegativeInfinity, -32768)]
    [InlineData(float.NaN, 0)]
    [InlineData(0f, 0)]
    [InlineData(1e-10f, 0)]
    [InlineData(-1e-10f, 0)]
    [InlineData(float.Epsilon, 0)]
    [InlineData(0.5f / 32768, 0)] // Ties go to even...
    [InlineData(1.5f / 32768, 2)]
    [InlineData(2.5f / 32768, 2)]
    [InlineData(-1.5f / 32768, -2)]
    [InlineData(-2.5f / 32768, -2)]
    [InlineData(0.50001f / 32768, 1)] // ...and anything past a tie rounds to nearest.
    [InlineData(32766.5f / 32768, 32766)]
    [InlineData(32767.4f / 32768, 32767)]
    public void Float_to_16_bit_rounds_to_nearest_even_and_clips(float sample, short expected) =>
        PcmSampleConverter.ToInt16(sample).Should().Be(expected);

    [Fact]
    public void Every_16_bit_value_survives_a_round_trip_through_float()
    {
        var bytes = new byte[65536 * 2];
        for (var i = 0; i < 65536; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), (short)(i - 32768));
        }

        var floats = new float[65536];
        PcmSampleConverter.Decode(bytes, PcmSampleEncoding.Signed16, floats).Should().Be(65536);
        var back = new byte[bytes.Length];
        PcmSampleConverter.WriteInt16LittleEndian(floats, back).Should().Be(bytes.Length);

        back.Should().Equal(bytes);
        floats[0].Should().Be(-1f);
    }

    [Theory]
    [InlineData(0x7FFFFF, 32767)] // 32767.996 rounds up to 32768, which clips.
    [InlineData(-0x800000, -32768)]
    [InlineData(128, 0)] // Exactly half an LSB: ties to even.
    [InlineData(384, 2)]
    [InlineData(383, 1)]
    [InlineData(385, 2)]
    [InlineData(-128, 0)]
    [InlineData(-129, -1)]
    [InlineData(-384, -2)]
    [InlineData(256 * 1000, 1000)]
    public void Twenty_four_bit_samples_round_correctly_to_16_bits(int sample, short expected) =>
        To16Bit(Int24Bytes(sample), PcmSampleEncoding.Signed24).Should().Be(expected);

    [Fact]
    public void Random_24_bit_samples_match_exact_rounding()
    {
        var random = new Random(24);
        for (var n = 0; n < 100_000; n++)
        {
            var sample = random.Next(-0x800000, 0x800000);
            var expected = (short)Math.Clamp(Math.Round(sample / 256.0, MidpointRounding.ToEven), short.MinValue, short.MaxValue);

            To16Bit(Int24Bytes(sample), PcmSampleEncoding.Signed24).Should().Be(expected, "24-bit sample {0} is {1} in 16 bits", sample, sample / 256.0);
        }
    }

    [Theory]
    [InlineData(int.MaxValue, 32767)]
    [InlineData(int.MinValue, -32768)]
    [InlineData(0, 0)]
    [InlineData(65536, 1)]
    [InlineData(-65536 * 1000, -1000)]
    [InlineData(32768, 0)] // Half an LSB: ties to even.
    [InlineData(98304, 2)]
    public void Thirty_two_bit_samples_convert_at_the_extremes(int sample, short expected)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, sample);

        To16Bit(bytes, PcmSampleEncoding.Signed32).Should().Be(expected);
    }

    [Theory]
    [InlineData(128, 0f)]
    [InlineData(0, -1f)]
    [InlineData(255, 127f / 128)]
    [InlineData(129, 1f / 128)]
    public void Eight_bit_samples_are_unsigned_around_128(byte sample, float expected)
    {
        var decoded = new float[1];
        PcmSampleConverter.Decode([sample], PcmSampleEncoding.Unsigned8, decoded);

        decoded[0].Should().Be(expected);
        To16Bit([sample], PcmSampleEncoding.Unsigned8).Should().Be((short)((sample - 128) * 256));
    }

    [Theory]
    [InlineData(float.NaN, 0f)]
    [InlineData(float.PositiveInfinity, 1f)]
    [InlineData(float.NegativeInfinity, -1f)]
    [InlineData(1.25f, 1.25f)]
    [InlineData(-0.125f, -0.125f)]
    public void Float_samples_decode_as_is_except_non_finite_ones(float sample, float expected)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, sample);
        var decoded = new float[1];

        PcmSampleConverter.Decode(bytes, PcmSampleEncoding.IeeeFloat32, decoded);

        decoded[0].Should().Be(expected);
    }

    [Fact]
    public void Stereo_frames_are_averaged_into_mono()
    {
        var bytes = new byte[8 * 300];
        for (var i = 0; i < 600; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), (short)(i % 2 == 0 ? 1000 : 3000));
        }

        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(0), short.MaxValue);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2), short.MaxValue);

        var mono = new float[600];
        var frames = PcmSampleConverter.DecodeToMono(bytes.AsSpan(0, 1200), new PcmFormat(PcmSampleEncoding.Signed16, 2, 8000), mono);

        frames.Should().Be(300);
        mono[0].Should().Be(32767f / 32768);
        mono[1..300].Should().AllSatisfy(sample => sample.Should().Be(2000f / 32768));
        mono[300].Should().Be(0f, "nothing past the frames is written");
    }

    [Fact]
    public void Downmix_works_in_place()
    {
        float[] samples = [1f, 0f, -0.5f, -0.25f, 0.75f, 0.25f];

        PcmSampleConverter.DownmixStereoToMono(samples, samples);

        samples[..3].Should().Equal(0.5f, -0.375f, 0.5f);
    }

    [Fact]
    public void Partial_samples_are_rejected_with_a_message_that_says_what_to_do()
    {
        var decode = () => PcmSampleConverter.Decode(new byte[5], PcmSampleEncoding.Signed16, new float[4]);

        decode.Should().Throw<ArgumentException>().WithParameterName("source").WithMessage("*not a whole number of 2-item samples*carry the remainder*");
    }

    [Fact]
    public void A_too_small_destination_is_rejected()
    {
        var decode = () => PcmSampleConverter.DecodeToMono(new byte[24], new PcmFormat(PcmSampleEncoding.Signed24, 2, 8000), new float[3]);
        var encode = () => PcmSampleConverter.WriteInt16LittleEndian(new float[4], new byte[7]);

        decode.Should().Throw<ArgumentException>().WithParameterName("destination").WithMessage("*holds 3 items but 4 are needed*");
        encode.Should().Throw<ArgumentException>().WithParameterName("destination");
    }

    private static short To16Bit(byte[] sample, PcmSampleEncoding encoding)
    {
        var decoded = new float[1];
        PcmSampleConverter.Decode(sample, encoding, decoded);
        var bytes = new byte[2];
        PcmSampleConverter.WriteInt16LittleEndian(decoded, bytes);
        return BinaryPrimitives.ReadInt16LittleEndian(bytes);
    }

    private static byte[] Int24Bytes(int sample) => [(byte)sample, (byte)(sample >> 8), (byte)(sample >> 16)];
}
