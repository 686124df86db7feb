using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.AspNetCore;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Endpoint;

/// <summary>How the scripted voice handler behaves; a singleton per test app.</summary>
public sealed class VoiceScript
{
    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<VoiceRequestMessage, VoiceResponseWriter, CancellationToken, VoiceScript, Task> Body { get; set; } = static (_, _, _, _) => Task.CompletedTask;

    public TaskCompletionSource FirstChunkWritten { get; } = NewSignal();

    public TaskCompletionSource Continue { get; } = NewSignal();

    public TaskCompletionSource Cancelled { get; } = NewSignal();
}

public sealed class ScriptedVoiceHandler(VoiceScript script) : IVoiceRequestHandler
{
    public Task HandleAsync(VoiceRequestMessage message, VoiceResponseWriter audio, CancellationToken cancellationToken)
        => script.Body(message, audio, cancellationToken, script);
}

public class VoiceRequestTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Audio_streams_to_Vapi_while_the_handler_is_still_synthesising()
    {
        await using var host = await StartAsync(async (message, audio, ct, script) =>
        {
            await audio.WriteAsync(new byte[960], ct);
            script.FirstChunkWritten.TrySetResult();
            await script.Continue.Task.WaitAsync(Generous, ct);
            await audio.WriteAsync(new byte[960], ct);
        });
        var script = host.Services.GetRequiredService<VoiceScript>();

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest(sampleRate: 24000)).WaitAsync(Generous);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/octet-stream");
        await using var stream = await response.Content.ReadAsStreamAsync();
        var first = await ReadAtLeastAsync(stream, 960);
        first.Should().Be(960, "the first chunk arrives before the handler writes the second");
        script.Continue.TrySetResult();
        var rest = await ReadAtLeastAsync(stream, 960);
        rest.Should().Be(960);
    }

    [Fact]
    public async Task Chunks_that_split_samples_are_joined_into_whole_samples()
    {
        var pcm = Enumerable.Range(0, 101 * 2).Select(i => (byte)i).ToArray();
        await using var host = await StartAsync(async (message, audio, ct, script) =>
        {
            await audio.WriteAsync(pcm.AsMemory(0, 1), ct);
            await audio.WriteAsync(pcm.AsMemory(1, 0), ct);
            await audio.WriteAsync(pcm.AsMemory(1, 100), ct);
            await audio.WriteAsync(pcm.AsMemory(101), ct);
        });

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest());

        (await response.ReadPcmAsync()).Should().Equal(pcm);
    }

    [Fact]
    public async Task No_audio_is_an_empty_pcm_reply()
    {
        await using var host = await StartAsync((message, audio, ct, script) => Task.CompletedTask);

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest());

        (await response.ReadPcmAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_handler_that_fails_before_any_audio_gets_500_problem()
    {
        await using var host = await StartAsync((message, audio, ct, script) => throw new InvalidOperationException(ThrowingHandler.Secret));

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest());

        var problem = await response.ReadProblemAsync(HttpStatusCode.InternalServerError);
        problem.Reason.Should().Be(ProblemReason.HandlerFailed);
        problem.Raw.Should().NotContain(ThrowingHandler.Secret);
    }

    [Fact]
    public async Task A_handler_that_fails_after_audio_aborts_the_response_so_half_a_sentence_is_not_played_as_whole()
    {
        await using var host = await StartAsync(async (message, audio, ct, script) =>
        {
            await audio.WriteAsync(new byte[480], ct);
            throw new InvalidOperationException("the TTS vendor hung up");
        });

        var read = async () =>
        {
            using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest());
            return await response.Content.ReadAsByteArrayAsync();
        };

        await read.Should().ThrowAsync<Exception>("an aborted response must not look complete");
    }

    [Fact]
    public async Task An_odd_number_of_bytes_in_total_aborts_the_response()
    {
        await using var host = await StartAsync(async (message, audio, ct, script) => await audio.WriteAsync(new byte[481], ct));

        var read = async () =>
        {
            using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest());
            return await response.Content.ReadAsByteArrayAsync();
        };

        await read.Should().ThrowAsync<Exception>("half a sample is a handler bug, not audio");
    }

    [Theory]
    [InlineData("Hello there.", 12345)]
    [InlineData("", 24000)]
    [InlineData("   ", 24000)]
    public async Task A_voice_request_without_text_or_with_an_unsupported_rate_gets_400(string text, int sampleRate)
    {
        var ran = false;
        await using var host = await StartAsync((message, audio, ct, script) =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest(text, sampleRate));

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Reason.Should().Be(ProblemReason.InvalidBody);
        ran.Should().BeFalse();
    }

    [Fact]
    public async Task Allowed_sample_rates_from_configuration_take_effect()
    {
        await using var host = await VapiTestHost.StartAsync(
            vapi => vapi.AddHandler<RecordingHandler>(),
            configuration: new Dictionary<string, string?>
            {
                ["Vapi:Webhooks:Voice:AllowedSampleRates:0"] = "16000",
                ["Vapi:Webhooks:Voice:AllowedSampleRates:1"] = "48000",
            });

        using var allowed = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest(sampleRate: 48000));
        using var refused = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest(sampleRate: 24000));

        (await allowed.ReadPcmAsync()).Should().Equal(RecordingHandler.Pcm(48000));
        (await refused.ReadProblemAsync(HttpStatusCode.BadRequest)).Reason.Should().Be(ProblemReason.InvalidBody);
    }

    [Fact]
    public async Task When_the_caller_interrupts_and_Vapi_drops_the_connection_the_handler_token_fires()
    {
        await using var host = await VapiTestHost.StartAsync(
            vapi => vapi.AddHandler<ScriptedVoiceHandler>(),
            host: b => b.Services.AddSingleton(new VoiceScript
            {
                Body = async (message, audio, ct, script) =>
                {
                    using var registration = ct.Register(() => script.Cancelled.TrySetResult());
                    await audio.WriteAsync(new byte[960], ct);
                    script.FirstChunkWritten.TrySetResult();
                    await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                },
            }),
            kestrel: true);
        var script = host.Services.GetRequiredService<VoiceScript>();

        using (var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest()))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            await script.FirstChunkWritten.Task.WaitAsync(Generous);
        }

        // The response is dropped mid-sentence: the connection closes.
        await script.Cancelled.Task.WaitAsync(Generous);
    }

    private static Task<VapiTestHost> StartAsync(Func<VoiceRequestMessage, VoiceResponseWriter, CancellationToken, VoiceScript, Task> body)
        => VapiTestHost.StartAsync(
            vapi => vapi.AddHandler<ScriptedVoiceHandler>(),
            host: b => b.Services.AddSingleton(new VoiceScript { Body = body }));

    private static async Task<int> ReadAtLeastAsync(Stream stream, int count)
    {
        using var timeout = new CancellationTokenSource(Generous);
        var buffer = new byte[count];
        return await stream.ReadAtLeastAsync(buffer, count, throwOnEndOfStream: false, timeout.Token);
    }
}
