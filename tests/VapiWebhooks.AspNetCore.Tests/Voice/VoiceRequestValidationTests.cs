using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Voice;

/// <summary>What the endpoint refuses before the handler runs, and how a failing handler is reported.</summary>
public sealed class VoiceRequestValidationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("Hello.", 12345, "12345")]
    [InlineData("Hello.", 0, "sample rate 0")]
    [InlineData("Hello.", -24000, "-24000")]
    [InlineData("Hello.", 48000, "48000")]
    [InlineData("", 24000, "no text")]
    [InlineData("   \t\n", 24000, "no text")]
    [InlineData(null, 24000, "no text")]
    public async Task A_bad_voice_request_gets_400_with_the_reason_and_the_handler_never_runs(string? text, int sampleRate, string detailMentions)
    {
        var handlerRan = false;
        await using var host = await VoiceTestHost.StartAsync(VoiceServer.TestServer, (message, audio, ct) =>
        {
            handlerRan = true;
            return Task.CompletedTask;
        });

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest(text!, sampleRate)).WaitAsync(Timeout);

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("reason").GetString().Should().Be("invalid_body");
        problem.GetProperty("detail").GetString().Should().Contain(detailMentions);
        handlerRan.Should().BeFalse();
    }

    [Fact]
    public async Task A_rate_allowed_in_configuration_is_accepted_and_the_refusal_names_the_configured_rates()
    {
        var rates = new List<int>();
        await using var host = await VoiceTestHost.StartAsync(
            VoiceServer.TestServer,
            async (message, audio, ct) =>
            {
                lock (rates)
                {
                    rates.Add(audio.SampleRate);
                }

                await audio.WriteAsync(new byte[8], ct);
            },
            builder =>
            {
                builder.Configuration["Vapi:Webhooks:Voice:AllowedSampleRates:0"] = "24000";
                builder.Configuration["Vapi:Webhooks:Voice:AllowedSampleRates:1"] = "48000";
            });

        using (var accepted = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest("Hi.", 48000)).WaitAsync(Timeout))
        {
            (await accepted.ReadPcmAsync()).Should().HaveCount(8);
        }

        rates.Should().Equal(48000);

        // The configured list replaces Vapi's: 16000 is now refused, and the reason lists what is accepted.
        using var refused = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest("Hi.", 16000)).WaitAsync(Timeout);
        var problem = await ReadProblemAsync(refused, HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString();
        detail.Should().Contain("16000").And.Contain("24000").And.Contain("48000");
        detail.Should().NotContain("44100", "44100 is not accepted by this configuration, so naming it misleads");
    }

    [Fact]
    public async Task Without_a_voice_handler_the_reply_is_501()
    {
        await using var host = await VoiceTestHost.StartAsync(VoiceServer.TestServer, (DelegateVoiceHandler?)null);

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest("Hello.", 24000)).WaitAsync(Timeout);

        var problem = await ReadProblemAsync(response, HttpStatusCode.NotImplemented);
        problem.GetProperty("reason").GetString().Should().Be("no_handler");
    }

    [Theory]
    [InlineData(VoiceServer.TestServer)]
    [InlineData(VoiceServer.Kestrel)]
    public async Task A_handler_that_throws_before_any_audio_gets_a_500_problem(VoiceServer server)
    {
        await using var host = await VoiceTestHost.StartAsync(server, async (message, audio, ct) =>
        {
            await Task.Yield();
            throw new InvalidOperationException("TTS backend down");
        });

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest("Hello.", 24000)).WaitAsync(Timeout);

        var problem = await ReadProblemAsync(response, HttpStatusCode.InternalServerError);
        problem.GetProperty("reason").GetString().Should().Be("handler_failed");
        problem.GetRawText().Should().NotContain("TTS backend down", "exception messages stay in the log");
        host.Logs.Errors.Should().ContainSingle(e => e.EventId.Id == 2004).Which.Exception.Should().BeOfType<InvalidOperationException>();
    }

    [Theory]
    [InlineData(VoiceServer.TestServer)]
    [InlineData(VoiceServer.Kestrel)]
    public async Task A_handler_that_throws_after_audio_left_aborts_the_response_instead_of_ending_it_cleanly(VoiceServer server)
    {
        var first = TestPcm.Pattern(960);
        await using var host = await VoiceTestHost.StartAsync(server, async (message, audio, ct) =>
        {
            await audio.WriteAsync(first, ct);
            await Task.Delay(50, ct);
            throw new InvalidOperationException("TTS backend died mid-sentence");
        });

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest("Hello.", 24000)).WaitAsync(Timeout);
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the status left with the first chunk");
        var recording = await response.RecordPcmStreamAsync().WaitAsync(Timeout);

        recording.Completed.Should().BeFalse("a clean end would make Vapi play half a sentence as if whole");
        recording.Error.Should().NotBeNull();
        recording.Body.Should().Equal(first);
        (await host.Logs.WaitForAsync(2005, Timeout)).Should().NotBeNull();
        host.Logs.Errors.Should().ContainSingle().Which.Level.Should().Be(LogLevel.Error);
    }

    [Theory]
    [InlineData(VoiceServer.TestServer)]
    [InlineData(VoiceServer.Kestrel)]
    public async Task A_handler_that_ends_on_half_a_sample_before_any_whole_sample_gets_a_500_not_a_started_stream(VoiceServer server)
    {
        await using var host = await VoiceTestHost.StartAsync(server, async (message, audio, ct) => await audio.WriteAsync(new byte[] { 0x7F }, ct));

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest("Hello.", 24000)).WaitAsync(Timeout);

        var problem = await ReadProblemAsync(response, HttpStatusCode.InternalServerError);
        problem.GetProperty("reason").GetString().Should().Be("handler_failed");
        host.Logs.Errors.Should().ContainSingle(e => e.EventId.Id == 2004)
            .Which.Exception!.Message.Should().Contain("odd");
    }

    [Theory]
    [InlineData(VoiceServer.TestServer)]
    [InlineData(VoiceServer.Kestrel)]
    public async Task A_trailing_odd_byte_is_not_sent_and_the_stream_is_aborted_and_logged(VoiceServer server)
    {
        var pcm = TestPcm.Pattern(961);
        await using var host = await VoiceTestHost.StartAsync(server, async (message, audio, ct) =>
        {
            await audio.WriteAsync(pcm.AsMemory(0, 481), ct);
            await audio.WriteAsync(pcm.AsMemory(481), ct);
        });

        // The abort can overtake the 960 bytes already flushed (a reset discards what is in flight), so the client
        // may fail reading the headers or the body: either way it must not see a clean end, nor an odd byte.
        byte[] received = [];
        var completed = false;
        try
        {
            using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.VoiceRequest("Hello.", 24000)).WaitAsync(Timeout);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var recording = await response.RecordPcmStreamAsync().WaitAsync(Timeout);
            received = recording.Body;
            completed = recording.Completed;
        }
        catch (HttpRequestException)
        {
        }

        completed.Should().BeFalse("ending cleanly would pass half a sample's worth of audio off as whole");
        (received.Length % 2).Should().Be(0);
        pcm[..960].Take(received.Length).Should().Equal(received, "what arrived is a prefix of the whole samples");
        var logged = await host.Logs.WaitForAsync(2005, Timeout);
        logged.Should().NotBeNull();
        logged!.Level.Should().Be(LogLevel.Error);
        logged.Exception!.Message.Should().Contain("961");
    }

    private static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var document = JsonDocument.Parse(body);
        document.RootElement.GetProperty("status").GetInt32().Should().Be((int)expected);
        return document.RootElement.Clone();
    }
}
