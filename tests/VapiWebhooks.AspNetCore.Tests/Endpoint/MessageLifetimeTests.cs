using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using VapiWebhooks.Messages;
using VapiWebhooks.Serialization;
using VapiWebhooks.Testing;
using VapiWebhooks.Tests.Serialization;
using VapiWebhooks.Tools;

namespace VapiWebhooks.Tests.Endpoint;

/// <summary>
/// The parts of a message read on first access are slices of the request's pooled buffer: a message kept beyond its
/// request never reads another request's bytes; detached (by the handler, or by the library for a handler still
/// running after the reply) it reads its own.
/// </summary>
public class MessageLifetimeTests
{
    private const string Tool = "WeatherLookupService0--getWeatherOutside";
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    // The real tool-calls body with a text of its own in the artifact and the call's assistant, so that each request's
    // deferred parts are told apart.
    private static byte[] Body(string text, double? toolTimeoutSeconds = null)
        => TestBodies.Edit("tool-calls/tool-calls__vapi4k__5.json", m =>
        {
            m["artifact"]!["transcript"] = text;
            m["call"]!["assistant"]!["firstMessage"] = text;
            if (toolTimeoutSeconds is { } seconds)
            {
                m["toolWithToolCallList"]![0]!["server"]!["timeoutSeconds"] = seconds;
            }
        });

    private static async Task PostAsync(VapiTestHost host, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await host.Client.PostAsync("/vapi/webhook", content);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static Task<VapiTestHost> HostAsync(Func<ToolCallContext, Task<object?>> tool)
        => VapiTestHost.StartAsync(vapi => vapi.AddTool<JsonElement>(Tool, VapiJson.Options, (args, context, ct) => tool(context)));

    [Fact]
    public async Task A_message_kept_beyond_its_request_refuses_to_read_a_part_it_never_read_instead_of_reading_other_bytes()
    {
        var kept = new List<ServerMessage>();
        await using var host = await HostAsync(context =>
        {
            kept.Add(context.Message);
            return Task.FromResult<object?>("Sunny.");
        });

        await PostAsync(host, Body("first call"));
        await PostAsync(host, Body("second call"));

        kept.Should().HaveCount(2);
        var first = kept[0];
        first.CallId.Should().NotBeNullOrEmpty("what was read with the message stays readable");
        ((ToolCallsMessage)first).ToolCallList.Should().ContainSingle().Which.FunctionName.Should().Be(Tool);
        var read = () => first.Artifact;
        read.Should().Throw<InvalidOperationException>().WithMessage("*DetachFromRequest*");
    }

    [Fact]
    public async Task A_message_detached_by_its_handler_reads_its_own_parts_after_later_requests()
    {
        var kept = new List<ServerMessage>();
        await using var host = await HostAsync(context =>
        {
            context.Message.DetachFromRequest();
            kept.Add(context.Message);
            return Task.FromResult<object?>("Sunny.");
        });

        await PostAsync(host, Body("first call"));
        await PostAsync(host, Body("second call"));

        kept.Select(m => m.Artifact!.Transcript).Should().Equal("first call", "second call");
        kept.Select(m => m.Call!.Assistant!.FirstMessage).Should().Equal("first call", "second call");
    }

    [Fact]
    public async Task A_part_read_while_handling_stays_readable_after_the_request()
    {
        var kept = new List<ServerMessage>();
        await using var host = await HostAsync(context =>
        {
            _ = context.Message.Artifact;
            kept.Add(context.Message);
            return Task.FromResult<object?>("Sunny.");
        });

        await PostAsync(host, Body("first call"));
        await PostAsync(host, Body("second call"));

        kept.Select(m => m.Artifact!.Transcript).Should().Equal("first call", "second call");
    }

    [Fact]
    public async Task A_tool_still_running_after_its_deadline_reads_its_message_after_the_reply_was_sent()
    {
        var proceed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var read = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        await using var host = await HostAsync(async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                // Ignores its token: it outlives its 1 s budget and the request, then reads parts it never read before.
                await proceed.Task;
                read.TrySetResult(context.Message.Call!.Assistant!.FirstMessage + " / " + context.Message.Artifact!.Transcript);
            }

            return "Sunny.";
        });

        // A 2 s tool timeout gives a 1 s budget: the reply (an error result) leaves while the tool still runs.
        await PostAsync(host, Body("late tool", toolTimeoutSeconds: 2));
        await PostAsync(host, Body("a later call"));
        proceed.SetResult();

        (await read.Task.WaitAsync(Generous)).Should().Be("late tool / late tool");
    }
}
