using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Responses;
using VapiWebhooks.Security;
using VapiWebhooks.Serialization;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Authentication;

/// <summary>
/// HMAC replay protection is consistent with retries: a signed request that was not answered 2xx may come again with
/// the same signature and is handled; one that was answered 2xx is refused as a replay.
/// </summary>
public class ReplayRetryTests
{
    private const string Secret = "replay-retry-hmac-secret-7d1f3b5a9c-2e4a6c8e";
    private const string Path = "/vapi/webhook";

    private static readonly Dictionary<string, string?> Settings = new() { ["Vapi:Webhooks:Authentication:Hmac:Secrets:0"] = Secret };

    /// <summary>Signs <paramref name="body"/> once: every send below carries the very same signature and timestamp.</summary>
    private static VapiTestCredential SignedOnce(byte[] body)
        => VapiTestCredential.FromHeaders(VapiTestCredential.Hmac(new VapiHmacOptions { Secrets = [Secret] }).CreateHeaders(body, "POST", new Uri("http://localhost" + Path)));

    [Fact]
    public async Task A_notification_answered_500_by_its_failing_handler_is_handled_when_retried_with_the_same_signature_and_refused_after_its_200()
    {
        var attempts = new Attempts { FailFirst = 1 };
        await using var host = await VapiTestHost.StartAsync(
            vapi => vapi.AddHandler<FlakyStatusHandler>(),
            configuration: Settings,
            host: b => b.Services.AddSingleton(attempts));
        var body = VapiJson.SerializeEnvelope(VapiTestMessages.StatusUpdate(CallStatus.InProgress, EndedReason.CustomerEndedCall));
        var signed = SignedOnce(body);

        using (var failed = await host.Client.PostVapiBodyAsync(body, Path, signed))
        {
            await failed.ReadProblemAsync(HttpStatusCode.InternalServerError);
        }

        using (var retried = await host.Client.PostVapiBodyAsync(body, Path, signed))
        {
            retried.StatusCode.Should().Be(HttpStatusCode.OK, "a request not answered 2xx may be retried with the same signature");
        }

        using (var replayed = await host.Client.PostVapiBodyAsync(body, Path, signed))
        {
            (await replayed.ReadProblemAsync(HttpStatusCode.Unauthorized)).Reason.Should().Be("unauthorized");
        }

        attempts.Started.Should().Be(2, "the failed attempt and the retry ran; the replay after the 200 did not");
        attempts.Succeeded.Should().Be(1);
    }

    [Fact]
    public async Task A_request_refused_400_for_its_body_gets_400_again_with_the_same_signature_not_401()
    {
        await using var host = await VapiTestHost.StartAsync(configuration: Settings);
        var body = Encoding.UTF8.GetBytes("""{"message":{"type":"status-update","status":""" + "\"in-progress\"" + ",}}");
        var signed = SignedOnce(body);

        for (var i = 0; i < 2; i++)
        {
            using var response = await host.Client.PostVapiBodyAsync(body, Path, signed);
            (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Reason.Should().Be("invalid_body");
        }
    }

    [Fact]
    public async Task A_tool_calls_request_answered_200_is_refused_401_when_its_signature_comes_again_and_the_tool_runs_once()
    {
        var runs = 0;
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<JsonElement>(
            "book_slot",
            VapiJson.Options,
            (args, ctx, ct) =>
            {
                Interlocked.Increment(ref runs);
                return Task.FromResult<object?>("Booked.");
            }),
            configuration: Settings);
        var body = VapiJson.SerializeEnvelope(VapiTestMessages.ToolCalls(new TestToolCall("book_slot", Id: "call_book_1")));
        var signed = SignedOnce(body);

        using (var first = await host.Client.PostVapiBodyAsync(body, Path, signed))
        {
            (await first.ReadToolResultsAsync()).Should().ContainSingle().Which.Result.Should().Be("Booked.");
        }

        using (var replayed = await host.Client.PostVapiBodyAsync(body, Path, signed))
        {
            (await replayed.ReadProblemAsync(HttpStatusCode.Unauthorized)).Reason.Should().Be("unauthorized");
        }

        Volatile.Read(ref runs).Should().Be(1);
    }

    [Fact]
    public async Task An_assistant_request_answered_500_by_its_failing_handler_is_answered_when_retried_with_the_same_signature()
    {
        var attempts = new Attempts { FailFirst = 1 };
        await using var host = await VapiTestHost.StartAsync(
            vapi => vapi.AddHandler<FlakyAssistantHandler>(),
            configuration: Settings,
            host: b => b.Services.AddSingleton(attempts));
        var body = VapiJson.SerializeEnvelope(VapiTestMessages.AssistantRequest());
        var signed = SignedOnce(body);

        using (var failed = await host.Client.PostVapiBodyAsync(body, Path, signed))
        {
            await failed.ReadProblemAsync(HttpStatusCode.InternalServerError);
        }

        using (var retried = await host.Client.PostVapiBodyAsync(body, Path, signed))
        {
            (await retried.ReadJsonAsync()).GetProperty("assistantId").GetString().Should().Be("asst_retried");
        }

        attempts.Succeeded.Should().Be(1);
    }

    public sealed class Attempts
    {
        private int _started;
        private int _succeeded;

        public int FailFirst { get; init; }

        public int Started => Volatile.Read(ref _started);

        public int Succeeded => Volatile.Read(ref _succeeded);

        /// <summary>Counts an attempt; throws for the first <see cref="FailFirst"/> ones.</summary>
        public void Run()
        {
            if (Interlocked.Increment(ref _started) <= FailFirst)
            {
                throw new InvalidOperationException("planned failure");
            }

            Interlocked.Increment(ref _succeeded);
        }
    }

    public sealed class FlakyStatusHandler(Attempts attempts) : IServerMessageHandler<StatusUpdateMessage>
    {
        public Task HandleAsync(StatusUpdateMessage message, CancellationToken cancellationToken)
        {
            attempts.Run();
            return Task.CompletedTask;
        }
    }

    public sealed class FlakyAssistantHandler(Attempts attempts) : IAssistantRequestHandler
    {
        public Task<AssistantRequestResponse> HandleAsync(AssistantRequestMessage message, CancellationToken cancellationToken)
        {
            attempts.Run();
            return Task.FromResult(new AssistantRequestResponse { AssistantId = "asst_retried" });
        }
    }
}
