using System.Net;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Voice;

/// <summary>The PCM reply streams: the first chunk reaches the client while the handler is still producing the rest.</summary>
public sealed class VoiceStreamingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(VoiceServer.TestServer)]
    [InlineData(VoiceServer.Kestrel)]
    public async Task The_first_chunk_reaches_the_client_before_the_handler_writes_the_rest(VoiceServer server)
    {
        var first = TestPcm.Pattern(960, seed: 1);
        var rest = TestPcm.Pattern(960 * 9, seed: 2);
        var clientHasFirstBytes = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handlerSawSignal = false;
        await using var host = await VoiceTestHost.StartAsync(server, async (message, audio, ct) =>
        {
            await audio.WriteAsync(first, ct);

            // Only the client can release this, and only once it has read bytes: a buffered reply would deadlock here.
            await clientHasFirstBytes.Task.WaitAsync(Timeout, ct);
            handlerSawSignal = true;
            for (var offset = 0; offset < rest.Length; offset += 960)
            {
                await audio.WriteAsync(rest.AsMemory(offset, 960), ct);
            }
        });

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest("Hello there.", 24000)).WaitAsync(Timeout);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/octet-stream");
        await using var body = await response.Content.ReadAsStreamAsync();

        var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        using (var firstReadTimeout = new CancellationTokenSource(Timeout))
        {
            var read = await body.ReadAsync(buffer, firstReadTimeout.Token);
            read.Should().BePositive("the first chunk was flushed before the handler waited");
            received.Write(buffer, 0, read);
        }

        handlerSawSignal.Should().BeFalse("the handler has not been released yet, so these bytes were sent while it was still running");
        clientHasFirstBytes.SetResult();

        using (var restTimeout = new CancellationTokenSource(Timeout))
        {
            await body.CopyToAsync(received, restTimeout.Token);
        }

        var expected = first.Concat(rest).ToArray();
        received.Length.Should().Be(expected.Length);
        (received.Length % 2).Should().Be(0);
        received.ToArray().Should().Equal(expected);
        if (server == VoiceServer.Kestrel)
        {
            response.Headers.TransferEncodingChunked.Should().BeTrue("the reply is streamed, not buffered to compute a length");
            response.Content.Headers.ContentLength.Should().BeNull();
        }

        host.Logs.Errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData(VoiceServer.TestServer)]
    [InlineData(VoiceServer.Kestrel)]
    public async Task Odd_sized_writes_that_sum_to_whole_samples_arrive_complete_and_in_order(VoiceServer server)
    {
        // Every split of a sample, empty writes, and one write far larger than any pipe segment.
        int[] sizes = [1, 3, 0, 5, 7, 999, 1001, 2, 1, 1, 200_001, 1, 4096, 0, 3, 1];
        sizes.Sum().Should().Match(n => n % 2 == 0);
        var all = TestPcm.Pattern(sizes.Sum(), seed: 3);
        await using var host = await VoiceTestHost.StartAsync(server, async (message, audio, ct) =>
        {
            var offset = 0;
            foreach (var size in sizes)
            {
                await audio.WriteAsync(all.AsMemory(offset, size), ct);
                offset += size;
            }

            audio.BytesWritten.Should().Be(all.Length);
        });

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest("Odd.", 16000)).WaitAsync(Timeout);
        var recording = await response.RecordPcmStreamAsync().WaitAsync(Timeout);

        recording.StatusCode.Should().Be(200);
        recording.Completed.Should().BeTrue();
        recording.MediaType.Should().Be("application/octet-stream");
        recording.Body.Should().Equal(all);
        host.Logs.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_handler_that_writes_nothing_gets_an_empty_pcm_reply()
    {
        await using var host = await VoiceTestHost.StartAsync(VoiceServer.Kestrel, (message, audio, ct) => Task.CompletedTask);

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest("Nothing.", 24000)).WaitAsync(Timeout);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/octet-stream");
        response.Content.Headers.ContentLength.Should().Be(0);
        (await response.ReadPcmAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    [InlineData(22050)]
    [InlineData(24000)]
    [InlineData(44100)]
    public async Task The_writer_carries_the_requested_sample_rate(int sampleRate)
    {
        var seen = 0;
        await using var host = await VoiceTestHost.StartAsync(VoiceServer.TestServer, async (message, audio, ct) =>
        {
            seen = audio.SampleRate;
            message.SampleRate.Should().Be(sampleRate);
            await audio.WriteAsync(new byte[4], ct);
        });

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest("Rate.", sampleRate)).WaitAsync(Timeout);

        (await response.ReadPcmAsync()).Should().HaveCount(4);
        seen.Should().Be(sampleRate);
    }
}
