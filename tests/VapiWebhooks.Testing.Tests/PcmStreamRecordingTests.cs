using System.Net;
using VapiWebhooks.Testing;
using VapiWebhooks.Tests.Testing;

namespace VapiWebhooks.Tests.Voice;

/// <summary>The streaming reader in VapiWebhooks.Testing: arrivals, byte-count times, clean and failed ends.</summary>
public sealed class PcmStreamRecordingTests
{
    [Fact]
    public async Task Each_read_is_recorded_with_its_offset_and_TimeUntil_finds_the_read_that_completed_a_byte_count()
    {
        var body = TestPcm.Pattern(10);
        using var response = Response(new ScriptedStream(body, [3, 4, 3]));

        var recording = await response.RecordPcmStreamAsync(bufferSize: 64);

        recording.Completed.Should().BeTrue();
        recording.Error.Should().BeNull();
        recording.Body.Should().Equal(body);
        recording.MediaType.Should().Be("application/octet-stream");
        recording.Arrivals.Select(a => (a.Offset, a.Length)).Should().Equal((0L, 3), (3L, 4), (7L, 3));
        recording.Arrivals.Select(a => a.Elapsed).Should().BeInAscendingOrder();
        recording.TimeToFirstByte.Should().Be(recording.Arrivals[0].Elapsed);
        recording.TimeUntil(0).Should().Be(TimeSpan.Zero);
        recording.TimeUntil(1).Should().Be(recording.Arrivals[0].Elapsed);
        recording.TimeUntil(3).Should().Be(recording.Arrivals[0].Elapsed);
        recording.TimeUntil(4).Should().Be(recording.Arrivals[1].Elapsed);
        recording.TimeUntil(7).Should().Be(recording.Arrivals[1].Elapsed);
        recording.TimeUntil(8).Should().Be(recording.Arrivals[2].Elapsed);
        recording.TimeUntil(10).Should().Be(recording.Arrivals[2].Elapsed);
        recording.TimeUntil(11).Should().BeNull();
    }

    [Fact]
    public async Task A_body_that_fails_mid_way_is_recorded_as_incomplete_with_the_bytes_received()
    {
        var body = TestPcm.Pattern(8);
        using var response = Response(new ScriptedStream(body, [4], failAfter: true));

        var recording = await response.RecordPcmStreamAsync();

        recording.Completed.Should().BeFalse();
        recording.Error.Should().BeOfType<IOException>();
        recording.Body.Should().Equal(body[..4]);
    }

    [Fact]
    public async Task An_empty_body_has_no_time_to_first_byte()
    {
        using var response = Response(new ScriptedStream([], []));

        var recording = await response.RecordPcmStreamAsync();

        recording.Completed.Should().BeTrue();
        recording.Body.Should().BeEmpty();
        recording.TimeToFirstByte.Should().BeNull();
        recording.TimeUntil(1).Should().BeNull();
    }

    private static HttpResponseMessage Response(Stream body)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    /// <summary>Returns the body in the given read sizes, with a pause before each, then ends or fails.</summary>
    private sealed class ScriptedStream(byte[] body, int[] reads, bool failAfter = false) : ReadOnlyTestStream
    {
        private int _read;
        private int _offset;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(2, cancellationToken);
            if (_read == reads.Length)
            {
                return failAfter ? throw new IOException("connection reset") : 0;
            }

            var count = Math.Min(reads[_read++], buffer.Length);
            body.AsMemory(_offset, count).CopyTo(buffer);
            _offset += count;
            return count;
        }

        // The recorder reads asynchronously only: a synchronous read would be a bug in it.
        public override int Read(Span<byte> buffer) => throw new NotSupportedException();
    }
}
