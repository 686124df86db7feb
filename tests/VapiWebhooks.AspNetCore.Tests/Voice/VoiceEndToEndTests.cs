using VapiWebhooks.Audio;
using VapiWebhooks.Testing;
using VapiWebhooks.Tests.Audio;

namespace VapiWebhooks.Tests.Voice;

/// <summary>A TTS-like source (a 22050 Hz WAV, as many engines produce) streamed through the adapter over HTTP at each Vapi rate.</summary>
public sealed class VoiceEndToEndTests
{
    private const int SourceRate = 22050;
    private const double ToneHz = 1000;
    private const double ToneSeconds = 1;
    private const double SweepFromHz = 300;
    private const double SweepToHz = 3000;
    private const double SweepSeconds = 1;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(VoiceServer.TestServer, 8000)]
    [InlineData(VoiceServer.TestServer, 16000)]
    [InlineData(VoiceServer.TestServer, 24000)]
    [InlineData(VoiceServer.TestServer, 44100)]
    [InlineData(VoiceServer.Kestrel, 24000)]
    public async Task A_22050_Hz_wav_arrives_at_the_requested_rate_with_its_length_and_pitch_preserved(VoiceServer server, int rate)
    {
        var source = TestAudio.ToneThenSweep(SourceRate, ToneHz, ToneSeconds, SweepFromHz, SweepToHz, SweepSeconds);
        var wav = TestAudio.Wav16Mono(source, SourceRate);
        await using var host = await VoiceTestHost.StartAsync(server, async (message, audio, ct) =>
        {
            // A slow, non-seekable source, as a TTS engine's output pipe would be.
            await audio.WriteWavAsync(new TrickleStream(wav, bytesPerRead: 997), ct);
        });

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest("A tone, then a sweep.", rate)).WaitAsync(Timeout);
        var recording = await response.RecordPcmStreamAsync().WaitAsync(Timeout);

        recording.StatusCode.Should().Be(200);
        recording.MediaType.Should().Be("application/octet-stream");
        recording.Completed.Should().BeTrue();
        (recording.Body.Length % 2).Should().Be(0);
        var samples = Decode(recording.Body);

        // Length: duration × rate, give or take the rounding of the last sample.
        var expected = (ToneSeconds + SweepSeconds) * rate;
        samples.Length.Should().BeCloseTo((int)Math.Ceiling(expected), 1);

        // Pitch: the steady tone keeps its frequency (away from the edges).
        var tone = samples.AsSpan((int)(0.1 * rate), (int)(0.8 * rate));
        Signal.ZeroCrossingFrequency(tone, rate).Should().BeApproximately(ToneHz, ToneHz * 0.002);

        // The sweep keeps its instantaneous frequency and its level, window by window.
        var sweepStart = (int)(ToneSeconds * rate);
        foreach (var (from, to) in new[] { (0.1, 0.2), (0.45, 0.55), (0.8, 0.9) })
        {
            var window = samples.AsSpan(sweepStart + (int)(from * rate), (int)((to - from) * rate));
            var meanHz = SweepFromHz + ((SweepToHz - SweepFromHz) * (from + to) / 2 / SweepSeconds);
            Signal.ZeroCrossingFrequency(window, rate).Should().BeApproximately(meanHz, meanHz * 0.02, $"the sweep around {meanHz} Hz");
            Signal.Rms(window).Should().BeApproximately(0.5 / Math.Sqrt(2), 0.02, "the sweep stays in the pass band at every Vapi rate");
        }

        if (server == VoiceServer.Kestrel)
        {
            recording.IsChunked.Should().BeTrue();
            recording.HasContentLength.Should().BeFalse();
        }

        recording.Arrivals.Should().HaveCountGreaterThan(1, "the audio streams as it is converted");
        host.Logs.Errors.Should().BeEmpty();
    }

    private static float[] Decode(byte[] pcm)
    {
        var samples = new float[pcm.Length / 2];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(pcm[2 * i] | (pcm[(2 * i) + 1] << 8)) / 32768f;
        }

        return samples;
    }
}
