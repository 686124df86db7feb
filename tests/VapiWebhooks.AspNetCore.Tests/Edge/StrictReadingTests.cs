using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using VapiWebhooks.AspNetCore;
using VapiWebhooks.Testing;
using VapiWebhooks.Tests.Endpoint;

namespace VapiWebhooks.Tests.Edge;

/// <summary>
/// Findings 3, 4, 5 and 6 (shape): what cannot be a Vapi message is refused with a 400 naming the problem and its path
/// before any handler or tool runs; tool arguments bind strictly and a binding error is one short line for the model.
/// Through real HTTP (TestServer) with the test host's bearer token.
/// </summary>
public sealed class StrictReadingTests
{
    public static TheoryData<string, string, string> Refused() => new()
    {
        { "null in toolCallList", """{"message":{"type":"tool-calls","toolCallList":[null]}}""", "toolCallList[0] is null" },
        { "null in toolWithToolCallList", """{"message":{"type":"tool-calls","toolWithToolCallList":[null]}}""", "toolWithToolCallList[0] is null" },
        { "tool call without id", """{"message":{"type":"tool-calls","toolCallList":[{"type":"function","function":{"name":"get_weather","arguments":{"city":"Paris"}}}]}}""", "has no 'id'" },
        { "tool call with a blank id", """{"message":{"type":"tool-calls","toolCallList":[{"id":" ","type":"function","function":{"name":"get_weather","arguments":{"city":"Paris"}}}]}}""", "has no 'id'" },
        { "duplicate type", """{"message":{"type":"status-update","type":"tool-calls","toolCallList":[]}}""", "$.message" },
        { "duplicate message", """{"message":{"type":"status-update"},"message":{"type":"tool-calls"}}""", "$" },
        { "empty type", """{"message":{"type":""}}""", "'type' property is empty" },
        { "blank type", """{"message":{"type":"  "}}""", "'type' property is empty" },
        { "null message", """{"message":null}""", "message" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_body_that_cannot_be_a_Vapi_message_is_refused_with_400_naming_the_problem(string problem, string body, string detail)
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<WeatherArgs>("get_weather", (args, call) => $"It is sunny in {args.City}."));

        using var response = await host.Client.PostVapiBodyAsync(Encoding.UTF8.GetBytes(body));

        var refused = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        refused.Reason.Should().Be(ProblemReason.InvalidBody, problem);
        refused.Detail.Should().Contain(detail, problem).And.Contain("$", "the detail names the path ({0})", problem);
        refused.Raw.Should().NotContain("NullReferenceException");
    }

    [Fact]
    public async Task A_trailing_comma_is_refused_naming_its_position_without_advice_meant_for_the_servers_author()
    {
        await using var host = await VapiTestHost.StartAsync();

        using var response = await host.Client.PostVapiBodyAsync(Encoding.UTF8.GetBytes("""{"message":{"type":"status-update","status":"ended",}}"""));

        var refused = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        refused.Reason.Should().Be(ProblemReason.InvalidBody);
        refused.Detail.Should().Contain("trailing comma").And.Contain("Path: $").And.NotContain("reader options", "the client cannot change the server's reader options");
    }

    public static TheoryData<string, byte[]> MalformedUtf8() => new()
    {
        { "invalid byte in a skipped property", Concat("{\"message\":{\"type\":\"status-update\",\"unknownProperty\":\"", [0xC3, 0x28], "\"}}") },
        { "invalid byte in a deferred part", Concat("{\"message\":{\"type\":\"end-of-call-report\",\"artifact\":{\"transcript\":\"", [0xFF], "\"}}}") },
        { "encoded surrogate", Concat("{\"message\":{\"type\":\"status-update\",\"x\":\"", [0xED, 0xA0, 0x80], "\"}}") },
        { "lone surrogate escape in a skipped part", Encoding.UTF8.GetBytes("""{"message":{"type":"status-update","x":"\ud800"}}""") },
        { "lone low surrogate escape", Encoding.UTF8.GetBytes("""{"message":{"type":"status-update","artifact":{"transcript":"a\udc00b"}}}""") },
    };

    [Theory]
    [MemberData(nameof(MalformedUtf8))]
    public async Task Malformed_UTF8_is_refused_with_400_wherever_it_sits(string problem, byte[] body)
    {
        await using var host = await VapiTestHost.StartAsync();

        using var response = await host.Client.PostVapiBodyAsync(body);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Reason.Should().Be(ProblemReason.InvalidBody, problem);
    }

    [Fact]
    public async Task A_well_formed_surrogate_pair_escape_is_accepted()
    {
        await using var host = await VapiTestHost.StartAsync();

        using var response = await host.Client.PostVapiBodyAsync(Encoding.UTF8.GetBytes("""{"message":{"type":"status-update","x":"\ud83d\ude00 and \\ud800 is text"}}"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_missing_argument_is_answered_in_one_short_line_and_the_detail_goes_to_the_log()
    {
        var logs = new CapturingLoggerProvider();
        var ran = false;
        await using var host = await VapiTestHost.StartAsync(
            vapi => vapi.AddTool<WeatherArgs>("get_weather", (args, call) =>
            {
                ran = true;
                return $"It is sunny in {args.City}.";
            }),
            logs: logs);

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.ToolCalls(new TestToolCall("get_weather", "{}", Id: "call-1")));

        var result = (await response.ReadToolResultsAsync()).Should().ContainSingle().Subject;
        result.ToolCallId.Should().Be("call-1");
        result.Error.Should().Be("Missing argument 'city' (string).");
        result.Result.Should().BeNull();
        ran.Should().BeFalse("a tool never runs on arguments that do not bind");
        var warning = logs.Entries.Should().ContainSingle(e => e.EventId.Id == 1006).Subject;
        warning.Level.Should().Be(LogLevel.Warning);
        warning.Text.Should().Contain("get_weather").And.Contain("call-1");
    }

    public static TheoryData<string, string> BindingErrors() => new()
    {
        { """{"city":null}""", "Argument 'city' must not be null (string)." },
        { """{"city":"Paris","days":"three"}""", "Argument 'days' must be an integer." },
        { """{"city":42}""", "Argument 'city' must be a string." },
    };

    [Theory]
    [MemberData(nameof(BindingErrors))]
    public async Task A_binding_error_names_the_argument_and_its_type_without_reader_internals(string arguments, string expected)
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<ForecastArgs>("forecast", (args, call) => $"{args.City} {args.Days}"));

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.ToolCalls(new TestToolCall("forecast", arguments, Id: "call-2")));

        var error = (await response.ReadToolResultsAsync()).Single().Error;
        error.Should().Be(expected);
        error.Should().NotContain("LineNumber").And.NotContain("BytePosition").And.NotContain(nameof(ForecastArgs));
    }

    [Fact]
    public async Task Unknown_tools_are_counted_and_logged_once_per_name_per_interval()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<WeatherArgs>("get_weather", (args, call) => "sunny"), logs: logs);

        for (var i = 0; i < 5; i++)
        {
            using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.ToolCalls(new TestToolCall("no_such_tool", "{}", Id: $"call-{i}")));
            (await response.ReadToolResultsAsync()).Single().Error.Should().Contain("No tool named");
        }

        logs.Entries.Where(e => e.EventId.Id == 1008).Should().ContainSingle("the same unknown name is logged once per interval");
    }

    private static byte[] Concat(string before, byte[] middle, string after) => [.. Encoding.UTF8.GetBytes(before), .. middle, .. Encoding.UTF8.GetBytes(after)];

    public sealed record WeatherArgs(string City);

    public sealed record ForecastArgs(string City, int Days = 1);
}
