using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Responses;
using VapiWebhooks.Testing;
using VapiWebhooks.Tools;

namespace VapiWebhooks.Tests.Endpoint;

public sealed record BookingArgs(string Date, string Time, int Guests);

public sealed record WeatherArgs(string City);

public sealed record Forecast(string City, int TemperatureC, string Sky);

/// <summary>A tool class resolved from DI for each call.</summary>
public sealed class WeatherTool(HandlerLog log) : IVapiTool<WeatherArgs>
{
    public Task<object?> InvokeAsync(WeatherArgs arguments, ToolCallContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        log.Add(HandlerLog.Tool(context.FunctionName), context.Message);
        return Task.FromResult<object?>(new Forecast(arguments.City, 21, "clear"));
    }
}

/// <summary>A whole-message tool handler.</summary>
public sealed class WholeMessageToolsHandler(HandlerLog log) : IToolCallsHandler
{
    public Task<ToolCallsResponse> HandleAsync(ToolCallsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        log.Add(nameof(IToolCallsHandler), message);
        return Task.FromResult(ToolCallsResponse.From(message.ToolCallList!.Select(c => ToolCallResult.Success(c.Id!, c.Function!.Name!, "from the whole-message handler"))));
    }
}

/// <summary>A whole-message tool handler that throws at once.</summary>
public sealed class ThrowingToolCallsHandler : IToolCallsHandler
{
    public Task<ToolCallsResponse> HandleAsync(ToolCallsMessage message, CancellationToken cancellationToken)
        => throw new InvalidOperationException(ThrowingHandler.Secret);
}

/// <summary>One id per DI scope.</summary>
public sealed class ScopeProbe
{
    public Guid Id { get; } = Guid.NewGuid();
}

public class ToolTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    private static Task<object?> Book(BookingArgs args, ToolCallContext context, CancellationToken ct)
        => Task.FromResult<object?>($"Booked {args.Guests} on {args.Date} at {args.Time}.");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Arguments_bind_to_the_typed_record_from_an_object_or_a_json_string(bool asString)
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<BookingArgs>("book_table", Book));
        var message = VapiTestMessages.ToolCalls(new TestToolCall("book_table", """{"date":"2026-03-03","time":"19:30","guests":4}""", ArgumentsAsString: asString, Id: "call_1"));
        var wire = JsonElement.Parse(global::VapiWebhooks.Serialization.VapiJson.SerializeEnvelope(message)).GetProperty("message").GetProperty("toolCallList")[0].GetProperty("function").GetProperty("arguments");
        wire.ValueKind.Should().Be(asString ? JsonValueKind.String : JsonValueKind.Object, "the arguments go on the wire as the test says");

        using var response = await host.Client.PostVapiMessageAsync(message);

        var result = (await response.ReadToolResultsAsync()).Should().ContainSingle().Subject;
        result.Error.Should().BeNull();
        result.Result.Should().Be("Booked 4 on 2026-03-03 at 19:30.");
        result.ToolCallId.Should().Be("call_1");
        result.Name.Should().Be("book_table");
    }

    [Fact]
    public async Task A_tool_class_is_resolved_from_DI_and_its_object_result_becomes_a_json_string()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<WeatherTool, WeatherArgs>("get_weather"));
        var message = VapiTestMessages.ToolCalls(new TestToolCall("get_weather", """{"city":"Lisbon"}""", Id: "call_w"));

        using var response = await host.Client.PostVapiMessageAsync(message);

        var result = (await response.ReadToolResultsAsync()).Should().ContainSingle().Subject;
        result.Error.Should().BeNull();
        var forecast = JsonElement.Parse(result.Result!);
        forecast.GetProperty("city").GetString().Should().Be("Lisbon");
        forecast.GetProperty("temperatureC").GetInt32().Should().Be(21);
        forecast.GetProperty("sky").GetString().Should().Be("clear");
        host.Log.Of(HandlerLog.Tool("get_weather")).Should().ContainSingle().Which.Message.Should().BeOfType<ToolCallsMessage>();
    }

    [Fact]
    public async Task A_tool_calls_reply_with_tools_validates_against_the_spec()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<WeatherTool, WeatherArgs>("get_weather").AddTool<BookingArgs>("book_table", Book));
        var message = VapiTestMessages.ToolCalls(
            new TestToolCall("get_weather", """{"city":"Lisbon"}"""),
            new TestToolCall("book_table", """{"date":"2026-03-03","time":"19:30","guests":"x"}"""),
            new TestToolCall("nope"));

        using var response = await host.Client.PostVapiMessageAsync(message);

        var reply = await response.ReadJsonAsync();
        Schemas.VapiSchemas.AssertValid("ServerMessageResponseToolCalls", reply.GetRawText());
    }

    [Fact]
    public async Task A_ToolCallResult_keeps_its_message_and_metadata_and_gets_the_call_id_and_name()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<JsonElement>("lookup_order", (args, ctx, ct) =>
            Task.FromResult<object?>(new ToolCallResult
            {
                ToolCallId = "wrong-id",
                Name = "wrong-name",
                Result = "Order 1042 ships tomorrow.",
                Message = JsonElement.Parse("""{"type":"request-complete","content":"Your order ships tomorrow."}"""),
                Metadata = JsonElement.Parse("""{"orderId":"1042","carrier":"UPS"}"""),
            })));
        var message = VapiTestMessages.ToolCalls(new TestToolCall("lookup_order", """{"orderId":"1042"}""", Id: "call_o"));

        using var response = await host.Client.PostVapiMessageAsync(message);

        var raw = await response.Content.ReadAsStringAsync();
        Schemas.VapiSchemas.AssertValid("ServerMessageResponseToolCalls", raw);
        var result = JsonSerializer.Deserialize(raw, global::VapiWebhooks.Serialization.VapiJsonContext.Default.ToolCallsResponse)!.Results.Should().ContainSingle().Subject;
        result.ToolCallId.Should().Be("call_o");
        result.Name.Should().Be("lookup_order");
        result.Result.Should().Be("Order 1042 ships tomorrow.");
        result.Message!.Value.GetProperty("content").GetString().Should().Be("Your order ships tomorrow.");
        result.Metadata!.Value.GetProperty("carrier").GetString().Should().Be("UPS");
    }

    [Fact]
    public async Task A_VapiToolException_message_becomes_the_error()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<BookingArgs>("book_table", (args, ctx, ct) =>
            throw new VapiToolException("No table is free at 19:30; 20:15 is.")));
        var message = VapiTestMessages.ToolCalls(new TestToolCall("book_table", """{"date":"2026-03-03","time":"19:30","guests":4}"""));

        using var response = await host.Client.PostVapiMessageAsync(message);

        var result = (await response.ReadToolResultsAsync()).Should().ContainSingle().Subject;
        result.Error.Should().Be("No table is free at 19:30; 20:15 is.");
        result.Result.Should().BeNull();
    }

    [Fact]
    public async Task Any_other_exception_gives_a_generic_one_line_error_without_its_message_or_stack()
    {
        const string Secret = "Npgsql: password authentication failed for user \"app\" at 10.0.3.7";
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<BookingArgs>("book_table", async (args, ctx, ct) =>
        {
            await Task.Yield();
            throw new InvalidOperationException(Secret);
        }));
        var message = VapiTestMessages.ToolCalls(new TestToolCall("book_table", """{"date":"2026-03-03","time":"19:30","guests":4}"""));

        using var response = await host.Client.PostVapiMessageAsync(message);

        var raw = await response.Content.ReadAsStringAsync();
        raw.Should().NotContain("password").And.NotContain("10.0.3.7").And.NotContain("InvalidOperationException").And.NotContain(" at ");
        var result = JsonSerializer.Deserialize(raw, global::VapiWebhooks.Serialization.VapiJsonContext.Default.ToolCallsResponse)!.Results.Should().ContainSingle().Subject;
        result.Error.Should().NotBeNullOrWhiteSpace().And.Contain("book_table").And.NotContain("\n");
        result.Result.Should().BeNull();
    }

    [Fact]
    public async Task Tools_of_one_message_run_at_the_same_time()
    {
        var running = 0;
        var maxRunning = 0;
        var bothStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<object?> Slow(JsonElement args, ToolCallContext ctx, CancellationToken ct)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            if (now == 2)
            {
                bothStarted.TrySetResult();
            }

            // Run in sequence, the first tool would wait here for a second one that never starts.
            var overlapped = await Task.WhenAny(bothStarted.Task, Task.Delay(Generous, ct)) == bothStarted.Task;
            await Task.Delay(300, ct);
            Interlocked.Decrement(ref running);
            return overlapped ? "overlapped" : "ran alone";
        }

        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<JsonElement>("slow_a", Slow).AddTool<JsonElement>("slow_b", Slow));
        var message = VapiTestMessages.ToolCalls(new TestToolCall("slow_a", Id: "call_a"), new TestToolCall("slow_b", Id: "call_b"));

        using var response = await host.Client.PostVapiMessageAsync(message);

        var results = await response.ReadToolResultsAsync();
        results.Select(r => r.Result).Should().Equal("overlapped", "overlapped");
        maxRunning.Should().Be(2);
    }

    [Fact]
    public async Task Results_come_back_in_request_order_whatever_order_the_tools_finish_in()
    {
        var gates = new ConcurrentDictionary<string, TaskCompletionSource>();
        TaskCompletionSource Gate(string name) => gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var finished = new ConcurrentQueue<string>();
        async Task<object?> Ordered(JsonElement args, ToolCallContext ctx, CancellationToken ct)
        {
            var name = ctx.FunctionName;

            // third finishes first, then second, then first.
            var waitFor = name switch { "first" => "second", "second" => "third", _ => null };
            if (waitFor is not null)
            {
                await Gate(waitFor).Task.WaitAsync(Generous, ct);
            }

            finished.Enqueue(name);
            Gate(name).TrySetResult();
            return "done by " + name;
        }

        await using var host = await VapiTestHost.StartAsync(vapi => vapi
            .AddTool<JsonElement>("first", Ordered).AddTool<JsonElement>("second", Ordered).AddTool<JsonElement>("third", Ordered));
        var message = VapiTestMessages.ToolCalls(new TestToolCall("first", Id: "call_1"), new TestToolCall("second", Id: "call_2"), new TestToolCall("third", Id: "call_3"));

        using var response = await host.Client.PostVapiMessageAsync(message);

        var results = await response.ReadToolResultsAsync();
        finished.Should().Equal("third", "second", "first");
        results.Select(r => (r.ToolCallId, r.Name, r.Result)).Should().Equal(
            ("call_1", "first", "done by first"), ("call_2", "second", "done by second"), ("call_3", "third", "done by third"));
    }

    [Fact]
    public async Task One_failing_tool_does_not_spoil_the_others()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi
            .AddTool<BookingArgs>("book_table", Book)
            .AddTool<JsonElement>("send_sms", (args, ctx, ct) => throw new VapiToolException("The SMS gateway is down.")));
        var message = VapiTestMessages.ToolCalls(
            new TestToolCall("send_sms", """{"to":"+14155550123"}""", Id: "call_sms"),
            new TestToolCall("book_table", """{"date":"2026-03-03","time":"19:30","guests":2}""", Id: "call_book"));

        using var response = await host.Client.PostVapiMessageAsync(message);

        var results = await response.ReadToolResultsAsync();
        results.Should().HaveCount(2);
        results[0].Should().BeEquivalentTo(new { ToolCallId = "call_sms", Name = "send_sms", Error = "The SMS gateway is down.", Result = (string?)null });
        results[1].Should().BeEquivalentTo(new { ToolCallId = "call_book", Name = "book_table", Error = (string?)null, Result = "Booked 2 on 2026-03-03 at 19:30." });
    }

    [Fact]
    public async Task An_unknown_tool_name_gets_an_error_result_naming_it()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<BookingArgs>("book_table", Book));
        var message = VapiTestMessages.ToolCalls(
            new TestToolCall("book_table", """{"date":"2026-03-03","time":"19:30","guests":2}""", Id: "call_ok"),
            new TestToolCall("Book_Table", Id: "call_case"));

        using var response = await host.Client.PostVapiMessageAsync(message);

        var results = await response.ReadToolResultsAsync();
        results[0].Result.Should().NotBeNull();
        results[1].ToolCallId.Should().Be("call_case");
        results[1].Name.Should().Be("Book_Table");
        results[1].Error.Should().Contain("Book_Table");
        results[1].Result.Should().BeNull();
    }

    [Theory]
    [InlineData("""{"date":"2026-03-03","time":"19:30","guests":"four"}""", false)]
    [InlineData("""{"date":"2026-03-03","time":"19:30","guests":"four"}""", true)]
    [InlineData("""{"date":["2026-03-03"],"time":"19:30","guests":4}""", false)]
    public async Task Arguments_that_do_not_bind_give_that_call_an_invalid_arguments_error(string arguments, bool asString)
    {
        var ran = false;
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<BookingArgs>("book_table", (args, ctx, ct) =>
        {
            ran = true;
            return Book(args, ctx, ct);
        }));
        var message = VapiTestMessages.ToolCalls(new TestToolCall("book_table", arguments, ArgumentsAsString: asString, Id: "call_bad"));

        using var response = await host.Client.PostVapiMessageAsync(message);

        var result = (await response.ReadToolResultsAsync()).Should().ContainSingle().Subject;
        result.ToolCallId.Should().Be("call_bad");
        result.Error.Should().MatchRegex("^Argument '(guests|date)' must be an? (integer|string)\\.$", "one short line naming the argument and its type").And.NotContain("\n");
        result.Error.Should().NotContain("four", "argument values are not echoed");
        ran.Should().BeFalse();
    }

    [Fact]
    public async Task A_registered_IToolCallsHandler_takes_over_the_whole_message()
    {
        var toolRan = false;
        await using var host = await VapiTestHost.StartAsync(vapi => vapi
            .AddHandler<WholeMessageToolsHandler>()
            .AddTool<JsonElement>("get_weather", (args, ctx, ct) =>
            {
                toolRan = true;
                return Task.FromResult<object?>("from the tool");
            }));
        var message = VapiTestMessages.ToolCalls(new TestToolCall("get_weather", Id: "call_1"), new TestToolCall("unknown_tool", Id: "call_2"));

        using var response = await host.Client.PostVapiMessageAsync(message);

        var results = await response.ReadToolResultsAsync();
        results.Select(r => (r.ToolCallId, r.Result)).Should().Equal(("call_1", "from the whole-message handler"), ("call_2", "from the whole-message handler"));
        toolRan.Should().BeFalse();
        host.Log.Of(nameof(IToolCallsHandler)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_legacy_function_call_runs_the_same_tool_and_is_answered_with_result()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<BookingArgs>("book_table", Book));

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.FunctionCall("book_table", """{"date":"2026-03-03","time":"19:30","guests":3}"""));

        var reply = await response.ReadJsonAsync();
        reply.EnumerateObject().Select(p => p.Name).Should().Equal("result");
        reply.GetProperty("result").GetString().Should().Be("Booked 3 on 2026-03-03 at 19:30.");
    }

    [Fact]
    public async Task A_legacy_function_call_of_a_failing_tool_carries_the_error_as_its_result()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<BookingArgs>("book_table", (a, c, t) => throw new VapiToolException("Fully booked.")));

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.FunctionCall("book_table", """{"date":"2026-03-03","time":"19:30","guests":3}"""));

        (await response.ReadVapiReplyAsync<FunctionCallResponse>()).Result.Should().Be("Fully booked.");
    }

    [Fact]
    public async Task Each_tool_call_gets_its_own_DI_scope()
    {
        var seen = new ConcurrentDictionary<string, Guid>();
        await using var host = await VapiTestHost.StartAsync(
            vapi => vapi.AddTool<JsonElement>("probe", (args, ctx, ct) =>
            {
                var first = ctx.Services.GetRequiredService<ScopeProbe>();
                ctx.Services.GetRequiredService<ScopeProbe>().Should().BeSameAs(first, "one scope per call");
                seen[ctx.ToolCallId] = first.Id;
                return Task.FromResult<object?>("ok");
            }),
            host: b => b.Services.AddScoped<ScopeProbe>());
        var message = VapiTestMessages.ToolCalls(new TestToolCall("probe", Id: "call_1"), new TestToolCall("probe", Id: "call_2"), new TestToolCall("probe", Id: "call_3"));

        using var response = await host.Client.PostVapiMessageAsync(message);

        (await response.ReadToolResultsAsync()).Select(r => r.Result).Should().Equal("ok", "ok", "ok");
        seen.Keys.Should().BeEquivalentTo("call_1", "call_2", "call_3");
        seen.Values.Distinct().Should().HaveCount(3);
    }

    [Fact]
    public async Task A_tool_call_without_a_function_name_gets_an_error_result_and_still_200()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<BookingArgs>("book_table", Book));
        var body = Fixtures.FixtureFiles.ReadBytes("tool-calls/tool-calls__vapiskills__1.json");

        using var response = await host.Client.PostVapiBodyAsync(body);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var result = (await response.ReadToolResultsAsync()).Should().ContainSingle().Subject;
        result.ToolCallId.Should().Be("call_abc123");
        result.Error.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_throwing_whole_message_handler_gives_every_call_an_error_that_does_not_claim_a_timeout()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddHandler<ThrowingToolCallsHandler>());
        var message = VapiTestMessages.ToolCalls(new TestToolCall("get_weather", Id: "call_1"), new TestToolCall("send_sms", Id: "call_2"));

        using var response = await host.Client.PostVapiMessageAsync(message);

        var results = await response.ReadToolResultsAsync();
        results.Select(r => (r.ToolCallId, r.Name)).Should().Equal(("call_1", "get_weather"), ("call_2", "send_sms"));
        results.Should().OnlyContain(r => !string.IsNullOrEmpty(r.Error) && r.Result == null);
        results.Should().OnlyContain(r => !r.Error!.Contains("in time"), "the handler threw at once; telling the model it timed out is false");
        results.Should().OnlyContain(r => !r.Error!.Contains(ThrowingHandler.Secret));
    }

    [Fact]
    public async Task A_multi_line_VapiToolException_message_becomes_a_one_line_error()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<JsonElement>("check", (a, c, t) =>
            throw new VapiToolException("No slot on Monday.\r\nTry Tuesday.\nOr Wednesday.")));

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.ToolCalls(new TestToolCall("check")));

        (await response.ReadToolResultsAsync()).Should().ContainSingle().Which.Error.Should().Be("No slot on Monday. Try Tuesday. Or Wednesday.");
    }

    [Theory]
    [InlineData("\"a plain string\"", "a plain string")]
    [InlineData("""{"slots":["14:30","16:00"]}""", """{"slots":["14:30","16:00"]}""")]
    [InlineData("42", "42")]
    public async Task A_JsonElement_result_is_written_as_text(string json, string expected)
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<JsonElement>("raw", (a, c, t) => Task.FromResult<object?>(JsonElement.Parse(json))));

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.ToolCalls(new TestToolCall("raw")));

        (await response.ReadToolResultsAsync()).Should().ContainSingle().Which.Result.Should().Be(expected);
    }

    [Fact]
    public async Task A_null_result_is_an_empty_success()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<JsonElement>("nothing", (a, c, t) => Task.FromResult<object?>(null)));

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.ToolCalls(new TestToolCall("nothing")));

        var result = (await response.ReadToolResultsAsync()).Should().ContainSingle().Subject;
        result.Result.Should().Be(string.Empty);
        result.Error.Should().BeNull();
    }

    [Fact]
    public void Two_tools_with_one_name_fail_at_registration()
    {
        var services = new ServiceCollection();
        var builder = services.AddVapiWebhooks().AddTool<JsonElement>("book", (a, c, t) => Task.FromResult<object?>("1"));

        var again = () => builder.AddTool<WeatherTool, WeatherArgs>("book");

        again.Should().Throw<InvalidOperationException>().Which.Message.Should().Contain("'book'");
    }

    [Fact]
    public async Task A_tool_gets_the_call_the_customer_and_its_configuration_in_its_context()
    {
        ToolCallContext? seen = null;
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<JsonElement>("ctx", (a, c, t) =>
        {
            seen = c;
            return Task.FromResult<object?>("ok");
        }));
        var message = VapiTestMessages.ToolCalls(new TestToolCall("ctx", TimeoutSeconds: 12, Id: "call_ctx", ServerUrl: "https://tools.example.com/vapi"));

        using var response = await host.Client.PostVapiMessageAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        seen.Should().NotBeNull();
        seen!.ToolCallId.Should().Be("call_ctx");
        seen.FunctionName.Should().Be("ctx");
        seen.Call!.Id.Should().Be(message.CallId);
        seen.Call.Monitor!.ControlUrl.Should().Be(message.Call!.Monitor!.ControlUrl);
        seen.Customer!.Number.Should().Be(VapiTestMessages.DefaultCustomerNumber);
        seen.Tool!.Server!.TimeoutSeconds.Should().Be(12);
        seen.Tool.Server.Url.Should().Be("https://tools.example.com/vapi");
    }

    [Fact]
    public async Task Calls_listed_only_in_toolWithToolCallList_are_run_too()
    {
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddTool<BookingArgs>("book_table", Book));
        var message = VapiTestMessages.ToolCalls(new TestToolCall("book_table", """{"date":"2026-03-03","time":"19:30","guests":5}""", Id: "call_only"));
        message.ToolCallList = null;

        using var response = await host.Client.PostVapiMessageAsync(message);

        var result = (await response.ReadToolResultsAsync()).Should().ContainSingle().Subject;
        result.ToolCallId.Should().Be("call_only");
        result.Result.Should().Be("Booked 5 on 2026-03-03 at 19:30.");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
