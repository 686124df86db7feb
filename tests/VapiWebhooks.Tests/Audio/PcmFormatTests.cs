using VapiWebhooks.Audio;

namespace VapiWebhooks.Tests.Audio;

public class PcmFormatTests
{
    [Theory]
    [InlineData(PcmSampleEncoding.Unsigned8, 1, 1)]
    [InlineData(PcmSampleEncoding.Signed16, 1, 2)]
    [InlineData(PcmSampleEncoding.Signed16, 2, 4)]
    [InlineData(PcmSampleEncoding.Signed24, 2, 6)]
    [InlineData(PcmSampleEncoding.Signed32, 1, 4)]
    [InlineData(PcmSampleEncoding.IeeeFloat32, 2, 8)]
    public void Frame_size_is_sample_size_times_channels(PcmSampleEncoding encoding, int channels, int bytesPerFrame)
    {
        var format = new PcmFormat(encoding, channels, 16000);

        format.BytesPerFrame.Should().Be(bytesPerFrame);
        format.BytesPerSecond.Should().Be(bytesPerFrame * 16000);
    }

    [Fact]
    public void Int16Mono_is_what_Vapi_asks_for()
    {
        var format = PcmFormat.Int16Mono(24000);

        format.Should().Be(new PcmFormat(PcmSampleEncoding.Signed16, 1, 24000));
        format.ToString().Should().Be("Signed16 mono 24000 Hz");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    public void Channels_other_than_mono_or_stereo_are_rejected(int channels)
    {
        var create = () => new PcmFormat(PcmSampleEncoding.Signed16, channels, 16000);

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(channels)).WithMessage("*mono (1) and stereo (2)*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-8000)]
    [InlineData(PcmFormat.MaxSampleRate + 1)]
    public void Out_of_range_sample_rates_are_rejected(int sampleRate)
    {
        var create = () => new PcmFormat(PcmSampleEncoding.Signed16, 1, sampleRate);

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(sampleRate)).WithMessage("*between 1 and*");
    }

    [Fact]
    public void Undefined_encodings_are_rejected()
    {
        var create = () => new PcmFormat((PcmSampleEncoding)42, 1, 16000);

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("encoding");
    }
}
