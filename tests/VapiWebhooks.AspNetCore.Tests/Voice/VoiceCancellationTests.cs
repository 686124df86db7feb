using System.Diagnostics;
using VapiWebhooks.Testing;
using Xunit.Abstractions;

namespace VapiWebhooks.Tests.Voice;

/// <summary>When Vapi drops the connection (the caller interrupted), the handler hears about it at once, quietly.</summary>
public sealed class VoiceCancellationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Cancellation_reaches_the_handler_when_the_client_disconnects_and_is_not_an_error()
    {
        long cancelledAt = 0;
        var handlerEnded = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await VoiceTestHost.StartAsync(VoiceServer.Kestrel, async (message, audio, ct) =>
        {
            using var registration = ct.Register(() => Interlocked.CompareExchange(ref cancelledAt, Stopwatch.GetTimestamp(), 0));
            try
            {
                await audio.WriteAsync(TestPcm.Pattern(960), ct);

                // A synthesiser waiting on its engine: only the caller hanging up (or the safety timeout) ends it.
                await Task.Delay(Timeout, ct);
                handlerEnded.TrySetResult(null);
            }
            catch (Exception ex)
            {
                handlerEnded.TrySetResult(ex);
                throw;
            }
        });

        var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest("Interrupt me.", 24000)).WaitAsync(Timeout);
        var body = await response.Content.ReadAsStreamAsync();
        using (var readTimeout = new CancellationTokenSource(Timeout))
        {
            (await body.ReadAsync(new byte[4096], readTimeout.Token)).Should().BePositive();
        }

        // Hang up mid-body. The client does not drain a body it has not finished: it closes the connection.
        var disconnectedAt = Stopwatch.GetTimestamp();
        response.Dispose();

        var ended = await handlerEnded.Task.WaitAsync(Timeout);
        var delay = Stopwatch.GetElapsedTime(disconnectedAt, Interlocked.Read(ref cancelledAt));
        output.WriteLine($"token fired {delay.TotalMilliseconds:F1} ms after the client disconnected");

        ended.Should().BeAssignableTo<OperationCanceledException>();
        cancelledAt.Should().NotBe(0);
        // The disconnect fired the token, not the handler's own 15 s safety delay; how fast is measured in the voice
        // benchmarks (docs/benchmarks.voice.md), not asserted here, where a busy machine would make it flaky.
        delay.Should().BeLessThan(Timeout / 3);
        (await host.Logs.WaitForAsync(2003, Timeout)).Should().NotBeNull("the hang-up is logged at Debug");
        host.Logs.Entries.Single(e => e.EventId.Id == 2003).Level.Should().Be(Microsoft.Extensions.Logging.LogLevel.Debug);
        host.Logs.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_handler_that_ignores_its_token_is_stopped_by_its_next_write_after_the_client_disconnects()
    {
        // A handler that never looks at the token (common with synchronous or third-party TTS loops).
        var stopped = new TaskCompletionSource<(Exception? Error, long At, int Writes)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await VoiceTestHost.StartAsync(VoiceServer.Kestrel, async (message, audio, ct) =>
        {
            var chunk = TestPcm.Pattern(960);
            var writes = 0;
            var until = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * 5.0);
            try
            {
                while (Stopwatch.GetTimestamp() < until)
                {
                    await audio.WriteAsync(chunk, CancellationToken.None);
                    writes++;
                    await Task.Delay(5, CancellationToken.None);
                }

                stopped.TrySetResult((null, Stopwatch.GetTimestamp(), writes));
            }
            catch (Exception ex)
            {
                stopped.TrySetResult((ex, Stopwatch.GetTimestamp(), writes));
                throw;
            }
        });

        var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest("Interrupt me.", 24000)).WaitAsync(Timeout);
        var body = await response.Content.ReadAsStreamAsync();
        using (var readTimeout = new CancellationTokenSource(Timeout))
        {
            (await body.ReadAsync(new byte[4096], readTimeout.Token)).Should().BePositive();
        }

        var disconnectedAt = Stopwatch.GetTimestamp();
        response.Dispose();

        var (error, at, writes) = await stopped.Task.WaitAsync(Timeout);
        var delay = Stopwatch.GetElapsedTime(disconnectedAt, at);
        output.WriteLine($"handler stopped after {writes} writes, {delay.TotalMilliseconds:F1} ms after the disconnect: {error?.GetType().Name ?? "no exception (wrote into the void for 5 s)"}");

        error.Should().BeAssignableTo<OperationCanceledException>("writing to a hung-up caller must not silently succeed");
        (await host.Logs.WaitForAsync(2003, Timeout)).Should().NotBeNull();
        host.Logs.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_handler_whose_sdk_reports_the_hang_up_with_its_own_exception_is_not_logged_as_an_error()
    {
        // gRPC TTS clients, for one, report a cancelled call as RpcException(StatusCode.Cancelled), not as an
        // OperationCanceledException: the caller hanging up is still not a failure of the handler.
        var handlerEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await VoiceTestHost.StartAsync(VoiceServer.Kestrel, async (message, audio, ct) =>
        {
            try
            {
                await audio.WriteAsync(TestPcm.Pattern(960), ct);
                try
                {
                    await Task.Delay(Timeout, ct);
                }
                catch (OperationCanceledException ex)
                {
                    throw new IOException("Status(StatusCode=\"Cancelled\", Detail=\"Call canceled by the client.\")", ex);
                }
            }
            finally
            {
                handlerEnded.TrySetResult();
            }
        });

        var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest("Interrupt me.", 24000)).WaitAsync(Timeout);
        var body = await response.Content.ReadAsStreamAsync();
        using (var readTimeout = new CancellationTokenSource(Timeout))
        {
            (await body.ReadAsync(new byte[4096], readTimeout.Token)).Should().BePositive();
        }

        response.Dispose();
        await handlerEnded.Task.WaitAsync(Timeout);

        (await host.Logs.WaitForAsync(2003, TimeSpan.FromSeconds(2))).Should().NotBeNull("the hang-up is logged at Debug");
        host.Logs.Errors.Should().BeEmpty();
    }
}
