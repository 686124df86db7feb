using VapiWebhooks.Audio;

namespace VapiWebhooks.Tests.Audio;

public class PolyphaseResamplerTests
{
    [Theory]
    [InlineData(22050, 24000)]
    [InlineData(44100, 8000)]
    [InlineData(8000, 16000)]
    [InlineData(16000, 24000)]
    [InlineData(24000, 16000)]
    [InlineData(44100, 24000)]
    [InlineData(48000, 22050)]
    public void A_1_kHz_tone_keeps_its_frequency_and_level_with_images_and_aliases_60_dB_down(int inputRate, int outputRate)
    {
        var input = Signal.Sine(1000, inputRate, inputRate); // One second.
        var output = Signal.ResampleWhole(new PolyphaseResampler(inputRate, outputRate), input);

        // A steady-state window away from both ends, where the filter sees silence.
        var steady = output.AsSpan(output.Length / 4, 4096 <= output.Length / 2 ? 4096 : 2048);

        Signal.ZeroCrossingFrequency(steady, outputRate).Should().BeApproximately(1000, 0.05);
        Signal.Rms(steady).Should().BeApproximately(0.5 / Math.Sqrt(2), 0.5 / Math.Sqrt(2) * 0.002, "1 kHz is in the pass band");
        Signal.SpuriousFreeRange(steady, outputRate, 1000).Should().BeGreaterThan(60);
    }

    [Theory]
    [InlineData(44100, 8000, 6000)]
    [InlineData(44100, 8000, 4400)]
    [InlineData(48000, 16000, 9000)]
    [InlineData(24000, 16000, 11000)]
    [InlineData(22050, 8000, 7000)]
    public void A_tone_above_the_output_Nyquist_frequency_is_attenuated_at_least_60_dB(int inputRate, int outputRate, double frequency)
    {
        var input = Signal.Sine(frequency, inputRate, inputRate);
        var output = Signal.ResampleWhole(new PolyphaseResampler(inputRate, outputRate), input);

        var steady = output.AsSpan(output.Length / 4, output.Length / 2);
        var attenuation = 20 * Math.Log10(Signal.Rms(steady) / Signal.Rms(input));

        attenuation.Should().BeLessThan(-60);
    }

    [Theory]
    [InlineData(44100, 8000)]
    [InlineData(24000, 16000)]
    [InlineData(22050, 16000)]
    public void Every_tone_from_the_output_Nyquist_frequency_up_is_at_least_75_dB_down(int inputRate, int outputRate)
    {
        var nyquist = outputRate / 2.0;
        for (var frequency = nyquist * 1.0025; frequency < Math.Min(inputRate / 2.0, nyquist * 2); frequency += nyquist / 37)
        {
            var input = Signal.Sine(frequency, inputRate, inputRate / 4);
            var output = Signal.ResampleWhole(new PolyphaseResampler(inputRate, outputRate), input);
            var steady = output.AsSpan(output.Length / 4, output.Length / 2);

            (20 * Math.Log10(Signal.Rms(steady) / Signal.Rms(input))).Should().BeLessThan(-75, "{0:F0} Hz cannot be represented at {1} Hz", frequency, outputRate);
        }
    }

    [Theory]
    [InlineData(44100, 8000)]
    [InlineData(22050, 24000)]
    [InlineData(8000, 16000)]
    public void The_pass_band_is_flat_to_85_percent_of_the_lower_Nyquist_frequency(int inputRate, int outputRate)
    {
        var nyquist = Math.Min(inputRate, outputRate) / 2.0;
        for (var frequency = 50.0; frequency <= nyquist * 0.85; frequency += nyquist / 23)
        {
            var input = Signal.Sine(frequency, inputRate, inputRate / 2);
            var output = Signal.ResampleWhole(new PolyphaseResampler(inputRate, outputRate), input);
            var gain = Signal.Rms(output.AsSpan(output.Length / 4, output.Length / 2)) / Signal.Rms(input.AsSpan(input.Length / 4, input.Length / 2));

            (20 * Math.Log10(gain)).Should().BeApproximately(0, 0.02, "{0:F0} Hz is in the pass band", frequency);
        }
    }

    [Fact]
    public void Images_of_an_upsampled_tone_near_the_input_Nyquist_frequency_are_60_dB_down()
    {
        // 3 kHz at 8 kHz images to 5 kHz at 16 kHz: a 2 kHz gap is all the filter gets.
        var input = Signal.Sine(3000, 8000, 8000);
        var output = Signal.ResampleWhole(new PolyphaseResampler(8000, 16000), input);

        Signal.SpuriousFreeRange(output.AsSpan(4000, 4096), 16000, 3000).Should().BeGreaterThan(60);
    }

    [Theory]
    [InlineData(22050, 24000)]
    [InlineData(44100, 8000)]
    [InlineData(8000, 16000)]
    [InlineData(16000, 24000)]
    [InlineData(8000, 44100)]
    [InlineData(192000, 8000)]
    [InlineData(11025, 8000)]
    public void Chunked_resampling_equals_whole_buffer_resampling_sample_for_sample(int inputRate, int outputRate)
    {
        var input = Signal.Noise(inputRate / 2, seed: inputRate + outputRate);
        var whole = Signal.ResampleWhole(new PolyphaseResampler(inputRate, outputRate), input);

        var random = new Random(outputRate);
        var resampler = new PolyphaseResampler(inputRate, outputRate);
        var chunked = new List<float>();
        var scratch = new float[resampler.GetMaxOutputLength(5000)];
        for (var position = 0; position < input.Length;)
        {
            var size = Math.Min(input.Length - position, random.Next(4) switch
            {
                0 => 1,
                1 => random.Next(0, 8),
                2 => random.Next(1, 200),
                _ => random.Next(1, 5000),
            });
            var expected = resampler.GetOutputLength(size);
            var count = resampler.Process(input.AsSpan(position, size), scratch);
            count.Should().Be(expected, "GetOutputLength predicts each call exactly");
            chunked.AddRange(scratch.AsSpan(0, count));
            position += size;
        }

        var tail = resampler.GetFlushLength();
        var flushed = resampler.Flush(scratch);
        flushed.Should().Be(tail);
        chunked.AddRange(scratch.AsSpan(0, flushed));

        chunked.Should().Equal(whole);
    }

    [Theory]
    [InlineData(22050, 24000, 22050)]
    [InlineData(44100, 8000, 44100)]
    [InlineData(44100, 8000, 1)]
    [InlineData(8000, 16000, 3)]
    [InlineData(16000, 24000, 0)]
    [InlineData(24000, 16000, 1001)]
    public void A_stream_of_n_samples_yields_ceil_n_times_the_ratio(int inputRate, int outputRate, int length)
    {
        var output = Signal.ResampleWhole(new PolyphaseResampler(inputRate, outputRate), new float[length]);

        output.Length.Should().Be((int)Math.Ceiling((double)length * outputRate / inputRate));
    }

    [Theory]
    [InlineData(22050, 24000)]
    [InlineData(44100, 8000)]
    [InlineData(8000, 16000)]
    [InlineData(24000, 22050)]
    public void The_filter_delay_is_compensated_so_output_lines_up_with_input_time(int inputRate, int outputRate)
    {
        var input = Signal.Sine(200, inputRate, inputRate / 2);
        var output = Signal.ResampleWhole(new PolyphaseResampler(inputRate, outputRate), input);
        var expected = Signal.Sine(200, outputRate, output.Length);

        // Away from the ends, where the stream starts and stops abruptly.
        var margin = outputRate / 20;
        for (var j = margin; j < output.Length - margin; j++)
        {
            output[j].Should().BeApproximately(expected[j], 2e-3f, "output sample {0} is input time {0} / {1}", j, outputRate);
        }
    }

    [Fact]
    public void Equal_rates_pass_samples_through_unchanged()
    {
        var input = Signal.Noise(1000, seed: 7);
        var resampler = new PolyphaseResampler(24000, 24000);
        var output = new float[1000];

        resampler.Process(input, output).Should().Be(1000);
        resampler.Flush(output).Should().Be(0);

        output.Should().Equal(input);
        resampler.TapsPerPhase.Should().Be(0);
    }

    [Fact]
    public void The_ratio_is_reduced_by_the_greatest_common_divisor()
    {
        var resampler = new PolyphaseResampler(44100, 8000);

        resampler.Interpolation.Should().Be(80);
        resampler.Decimation.Should().Be(441);
    }

    [Fact]
    public void Flush_resets_so_the_next_stream_starts_fresh()
    {
        var input = Signal.Noise(3000, seed: 8);
        var resampler = new PolyphaseResampler(22050, 16000);

        var first = Signal.ResampleWhole(resampler, input);
        var second = Signal.ResampleWhole(resampler, input);

        second.Should().Equal(first);
    }

    [Fact]
    public void Steady_state_processing_allocates_nothing()
    {
        var resampler = new PolyphaseResampler(22050, 24000);
        var chunk = Signal.Sine(1000, 22050, 441); // 20 ms.
        var output = new float[resampler.GetMaxOutputLength(chunk.Length)];
        for (var i = 0; i < 100; i++)
        {
            resampler.Process(chunk, output);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 2000; i++)
        {
            resampler.Process(chunk, output);
            resampler.GetOutputLength(chunk.Length);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().Be(0);
    }

    [Fact]
    public void Concurrent_resamplers_for_one_ratio_share_one_filter_table_and_agree()
    {
        var input = Signal.Noise(20000, seed: 9);
        var results = new float[64][];

        Parallel.For(0, results.Length, i => results[i] = Signal.ResampleWhole(new PolyphaseResampler(44100, 8000), input));

        results.Should().AllSatisfy(result => result.Should().Equal(results[0]));
    }

    [Fact]
    public void Five_hundred_concurrent_resamplers_for_one_ratio_design_the_filter_table_once()
    {
        // 44100 -> 8001 is L/M = 127/700 with 384 taps: about 200 KB of table and 400 KB of design scratch.
        // Designed per instance, 500 of them would allocate some 290 MB; shared, they allocate their histories (~5 MB).
        var before = GC.GetTotalAllocatedBytes(precise: true);

        Parallel.For(0, 500, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => new PolyphaseResampler(44100, 8001).TapsPerPhase.Should().Be(384));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        allocated.Should().BeLessThan(60_000_000, "other tests running in parallel allocate too, but nowhere near 290 MB");
    }

    [Fact]
    public void A_too_small_output_is_rejected_before_anything_is_consumed()
    {
        var input = Signal.Noise(2000, seed: 10);
        var resampler = new PolyphaseResampler(16000, 24000);
        var needed = resampler.GetOutputLength(input.Length);

        var process = () => resampler.Process(input, new float[needed - 1]);

        process.Should().Throw<ArgumentException>().WithParameterName("output").WithMessage($"*produces {needed} samples but the output holds {needed - 1}*");
        Signal.ResampleWhole(resampler, input).Should().Equal(Signal.ResampleWhole(new PolyphaseResampler(16000, 24000), input));
    }

    [Theory]
    [InlineData(0, 8000, "inputSampleRate")]
    [InlineData(8000, -1, "outputSampleRate")]
    [InlineData(8000, PcmFormat.MaxSampleRate + 1, "outputSampleRate")]
    public void Invalid_rates_are_rejected(int inputRate, int outputRate, string parameter)
    {
        var create = () => new PolyphaseResampler(inputRate, outputRate);

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);
    }
}
