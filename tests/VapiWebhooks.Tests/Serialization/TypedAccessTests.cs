using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Serialization;
using VapiWebhooks.Tests.Fixtures;

namespace VapiWebhooks.Tests.Serialization;

/// <summary>The typed properties give the values Vapi sent, in every form real traffic sends them.</summary>
public class TypedAccessTests
{
    private static T Read<T>(string relativePath)
        where T : ServerMessage
        => VapiJson.DeserializeMessage(FixtureFiles.ReadBytes(relativePath)).Should().BeOfType<T>().Subject;

    private static T Read<T>(byte[] body)
        where T : ServerMessage
        => VapiJson.DeserializeMessage(body).Should().BeOfType<T>().Subject;

    // ---- tool-calls: arguments as an object or as a JSON string ----

    [Fact]
    public void Tool_call_arguments_sent_as_an_object_are_an_object_and_bind()
    {
        var message = Read<ToolCallsMessage>(TestBodies.ToolCallsWithObjectArguments);

        var call = message.ToolCallList.Should().ContainSingle().Subject;
        call.Id.Should().Be("call_51kj");
        call.Function!.Name.Should().Be("getWeatherByCity_001");
        call.Function.ArgumentsArrivedAsString.Should().BeFalse();
        call.Function.Arguments.ValueKind.Should().Be(JsonValueKind.Object);
        call.Function.Arguments.GetProperty("city").GetString().Should().Be("Danville");
        call.Function.GetArguments(TestArgumentsContext.Default.WeatherArgs).Should().Be(new WeatherArgs("Danville", "California"));
    }

    [Fact]
    public void Tool_call_arguments_sent_as_a_json_string_are_an_object_and_bind()
    {
        var message = Read<ToolCallsMessage>(TestBodies.ToolCallsWithStringArguments);

        message.ToolCallList.Should().HaveCount(2);
        var booking = message.ToolCallList![0].Function!;
        booking.Name.Should().Be("book_appointment");
        booking.ArgumentsArrivedAsString.Should().BeTrue();
        booking.Arguments.ValueKind.Should().Be(JsonValueKind.Object);
        booking.Arguments.GetProperty("service").GetString().Should().Be("cleaning");
        booking.GetArguments(TestArgumentsContext.Default.BookingArgs)
            .Should().Be(new BookingArgs("2025-06-17", "16:00", "cleaning", "Dana Whitfield"));

        var sms = message.ToolCallList[1].Function!;
        sms.ArgumentsArrivedAsString.Should().BeTrue();
        sms.Arguments.GetProperty("to").GetString().Should().Be("+14155550123");
    }

    [Fact]
    public void Tool_call_arguments_are_written_back_in_the_form_they_arrived_in()
    {
        var asString = Read<ToolCallsMessage>(TestBodies.ToolCallsWithStringArguments);
        var asObject = Read<ToolCallsMessage>(TestBodies.ToolCallsWithObjectArguments);

        _ = asString.ToolCallList![0].Function!.Arguments; // parsing must not change what is written
        using var writtenString = JsonDocument.Parse(VapiJson.SerializeEnvelope(asString));
        using var writtenObject = JsonDocument.Parse(VapiJson.SerializeEnvelope(asObject));

        Arguments(writtenString).ValueKind.Should().Be(JsonValueKind.String);
        Arguments(writtenObject).ValueKind.Should().Be(JsonValueKind.Object);

        static JsonElement Arguments(JsonDocument d) => d.RootElement.GetProperty("message").GetProperty("toolCallList")[0].GetProperty("function").GetProperty("arguments");
    }

    [Fact]
    public void Tool_call_arguments_in_a_string_that_is_not_json_fail_binding_with_a_json_exception_naming_the_tool()
    {
        var body = TestBodies.Edit(TestBodies.ToolCallsWithStringArguments, m =>
            m["toolCallList"]![0]!["function"]!["arguments"] = "{\"date\": \"2025-06-17\", ");

        var message = Read<ToolCallsMessage>(body);
        var function = message.ToolCallList![0].Function!;

        function.ArgumentsArrivedAsString.Should().BeTrue();
        function.Arguments.ValueKind.Should().Be(JsonValueKind.Undefined);
        var act = () => function.GetArguments(TestArgumentsContext.Default.BookingArgs);
        act.Should().ThrowExactly<JsonException>().WithMessage("*'book_appointment'*not valid JSON*");
    }

    [Fact]
    public void Tool_call_without_arguments_fails_binding_with_a_json_exception_naming_the_tool()
    {
        var body = TestBodies.Edit(TestBodies.ToolCallsWithObjectArguments, m =>
            m["toolCallList"]![0]!["function"]!.AsObject().Remove("arguments"));

        var function = Read<ToolCallsMessage>(body).ToolCallList![0].Function!;

        var act = () => function.GetArguments(TestArgumentsContext.Default.WeatherArgs);
        act.Should().ThrowExactly<JsonException>().WithMessage("*'getWeatherByCity_001'*");
    }

    [Fact]
    public void Tool_call_arguments_as_an_empty_string_bind_like_an_empty_object()
    {
        var body = TestBodies.Edit(TestBodies.ToolCallsWithStringArguments, m =>
            m["toolCallList"]![1]!["function"]!["arguments"] = string.Empty);

        var function = Read<ToolCallsMessage>(body).ToolCallList![1].Function!;

        function.Arguments.ValueKind.Should().Be(JsonValueKind.Object);
        function.Arguments.EnumerateObject().Should().BeEmpty();
    }

    [Fact]
    public void Tool_with_tool_call_list_carries_the_server_and_the_call()
    {
        var message = Read<ToolCallsMessage>(TestBodies.ToolCallsWithObjectArguments);

        var tool = message.ToolWithToolCallList.Should().ContainSingle().Subject;
        tool.ToolCall!.Id.Should().Be("call_51kj");
        tool.ToolCall.Function!.Arguments.GetProperty("state").GetString().Should().Be("California");
        message.CallId.Should().Be("b1223960-1b4d-4585-91b8-a69b0f57ec2f");
    }

    // ---- end-of-call-report: successEvaluation in three JSON kinds ----

    [Fact]
    public void Success_evaluation_sent_as_a_string()
    {
        var report = Read<EndOfCallReportMessage>(TestBodies.LargestRealEndOfCallReport);

        report.Analysis!.SuccessEvaluation!.Value.ValueKind.Should().Be(JsonValueKind.String);
        report.Analysis.SuccessEvaluationText.Should().Be("true");
        report.Analysis.Summary.Should().StartWith("The user inquired about the weather");
    }

    [Fact]
    public void Success_evaluation_sent_as_a_boolean()
    {
        var report = Read<EndOfCallReportMessage>("end-of-call-report/end-of-call-report__written__2.json");

        report.Analysis!.SuccessEvaluation!.Value.ValueKind.Should().Be(JsonValueKind.True);
        report.Analysis.SuccessEvaluationText.Should().Be("true");
    }

    [Theory]
    [InlineData("8", JsonValueKind.Number, "8")]
    [InlineData("0.75", JsonValueKind.Number, "0.75")]
    [InlineData("false", JsonValueKind.False, "false")]
    [InlineData("\"PASS\"", JsonValueKind.String, "PASS")]
    public void Success_evaluation_in_any_json_kind_reads_as_text_and_round_trips(string json, JsonValueKind kind, string text)
    {
        var body = TestBodies.Edit(TestBodies.EndOfCallReport, m => m["analysis"]!["successEvaluation"] = JsonNode.Parse(json));

        var report = Read<EndOfCallReportMessage>(body);

        report.Analysis!.SuccessEvaluation!.Value.ValueKind.Should().Be(kind);
        report.Analysis.SuccessEvaluationText.Should().Be(text);
        JsonSemantic.Differences(body, VapiJson.SerializeEnvelope(report)).Should().BeEmpty();
    }

    [Fact]
    public void Success_evaluation_null_or_absent_reads_as_null()
    {
        var withNull = Read<EndOfCallReportMessage>(TestBodies.Edit(TestBodies.EndOfCallReport, m => m["analysis"]!["successEvaluation"] = null));
        var absent = Read<EndOfCallReportMessage>(TestBodies.Edit(TestBodies.EndOfCallReport, m => m["analysis"]!.AsObject().Remove("successEvaluation")));

        withNull.Analysis!.SuccessEvaluationText.Should().BeNull();
        absent.Analysis!.SuccessEvaluationText.Should().BeNull();
        absent.Analysis.SuccessEvaluation.Should().BeNull();
    }

    // ---- timestamps: ISO string (2024) or ms number (2025) ----

    [Fact]
    public void Timestamp_sent_as_an_iso_string_is_read_and_written_back_as_that_string()
    {
        var report = Read<EndOfCallReportMessage>(TestBodies.LargestRealEndOfCallReport);

        var timestamp = report.Timestamp!.Value;
        timestamp.IsIsoString.Should().BeTrue();
        timestamp.IsoText.Should().Be("2024-07-27T21:24:05.712Z");
        timestamp.Value.Should().Be(new DateTimeOffset(2024, 7, 27, 21, 24, 5, 712, TimeSpan.Zero));
        timestamp.UnixMilliseconds.Should().Be(1722115445712);

        WrittenTimestamp(report).GetString().Should().Be("2024-07-27T21:24:05.712Z");
    }

    [Fact]
    public void Timestamp_sent_as_milliseconds_is_read_and_written_back_as_a_number()
    {
        var report = Read<EndOfCallReportMessage>(TestBodies.EndOfCallReport);

        var timestamp = report.Timestamp!.Value;
        timestamp.IsIsoString.Should().BeFalse();
        timestamp.UnixMilliseconds.Should().Be(1749737072900);
        timestamp.Value.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1749737072900));

        var written = WrittenTimestamp(report);
        written.ValueKind.Should().Be(JsonValueKind.Number);
        written.GetRawText().Should().Be("1749737072900");
    }

    [Fact]
    public void Timestamps_in_both_forms_for_the_same_instant_are_equal()
    {
        var iso = Read<EndOfCallReportMessage>(TestBodies.LargestRealEndOfCallReport).Timestamp!.Value;
        var ms = Read<EndOfCallReportMessage>(TestBodies.Edit(TestBodies.LargestRealEndOfCallReport, m => m["timestamp"] = 1722115445712)).Timestamp!.Value;

        ms.IsIsoString.Should().BeFalse();
        ms.Should().Be(iso);
        (ms == iso).Should().BeTrue();
    }

    [Fact]
    public void Timestamp_that_is_neither_a_number_nor_an_iso_string_is_a_json_exception_at_its_path()
    {
        var act = () => VapiJson.DeserializeMessage(TestBodies.Edit(TestBodies.EndOfCallReport, m => m["timestamp"] = "yesterday"));

        act.Should().ThrowExactly<JsonException>().Which.Path.Should().Be("$.message.timestamp");
    }

    [Theory]
    [InlineData("1e20")]
    [InlineData("-1e20")]
    [InlineData("253402300800000")] // 10000-01-01: one ms past DateTimeOffset.MaxValue
    public void Timestamp_number_outside_the_representable_range_is_a_json_exception_not_a_later_crash(string number)
    {
        var body = TestBodies.Utf8("{\"message\":{\"type\":\"hang\",\"timestamp\":" + number + "}}");

        var act = () => VapiJson.DeserializeMessage(body).Timestamp!.Value.Value;

        act.Should().ThrowExactly<JsonException>().Which.Path.Should().Be("$.message.timestamp");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-62135596800000")] // DateTimeOffset.MinValue
    [InlineData("253402300799999")] // DateTimeOffset.MaxValue, to the millisecond
    [InlineData("1749737072900.5")]
    public void Timestamp_number_within_the_range_of_the_range_is_read(string number)
    {
        var message = VapiJson.DeserializeMessage(TestBodies.Utf8("{\"message\":{\"type\":\"hang\",\"timestamp\":" + number + "}}"));

        var expected = double.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
        var timestamp = message.Timestamp!.Value;
        timestamp.UnixMilliseconds.Should().Be(expected);
        ((double)timestamp.Value.ToUnixTimeMilliseconds()).Should().BeApproximately(expected, 1, "double has ~0.05 ms resolution near year 9999");
    }

    private static JsonElement WrittenTimestamp(ServerMessage message)
    {
        using var written = JsonDocument.Parse(VapiJson.SerializeEnvelope(message));
        return written.RootElement.GetProperty("message").GetProperty("timestamp").Clone();
    }

    // ---- artifact.messages, polymorphic by role ----

    [Fact]
    public void Artifact_messages_are_typed_by_role()
    {
        var report = Read<EndOfCallReportMessage>(TestBodies.EndOfCallReport);

        var messages = report.Artifact!.Messages!;
        messages.Select(m => m.GetType()).Should().Equal(
            typeof(SystemConversationMessage),
            typeof(BotConversationMessage),
            typeof(UserConversationMessage),
            typeof(ToolCallsConversationMessage),
            typeof(ToolCallResultConversationMessage),
            typeof(BotConversationMessage),
            typeof(UserConversationMessage));
        messages[1].Role.Should().Be(ConversationRole.Bot);
        messages[2].Should().BeOfType<UserConversationMessage>().Which.Message.Should().NotBeNullOrEmpty();
        var toolCalls = messages[3].Should().BeOfType<ToolCallsConversationMessage>().Subject;
        toolCalls.ToolCalls.Should().NotBeEmpty();
        var result = messages[4].Should().BeOfType<ToolCallResultConversationMessage>().Subject;
        result.ToolCallId.Should().Be(toolCalls.ToolCalls![0].Id);
    }

    [Fact]
    public void Legacy_top_level_messages_of_a_real_report_are_typed_by_role()
    {
        var report = Read<EndOfCallReportMessage>(TestBodies.LargestRealEndOfCallReport);

        report.Messages.Should().HaveCount(17);
        report.Messages!.OfType<ToolCallsConversationMessage>().Should().HaveCount(3);
        report.Messages!.OfType<ToolCallResultConversationMessage>().Should().HaveCount(3);
        report.Messages!.Should().NotContain(m => m is UnknownConversationMessage);
        var firstCall = report.Messages!.OfType<ToolCallsConversationMessage>().First().ToolCalls![0].Function!;
        firstCall.ArgumentsArrivedAsString.Should().BeTrue();
        firstCall.GetArguments(TestArgumentsContext.Default.WeatherArgs).Should().Be(new WeatherArgs("Danville", "California"));
    }

    [Fact]
    public void Role_assistant_reads_as_a_bot_message()
    {
        var report = Read<EndOfCallReportMessage>("end-of-call-report/end-of-call-report__vapiskills__1.json");

        var first = report.Artifact!.Messages![0].Should().BeOfType<BotConversationMessage>().Subject;
        first.Role.Should().Be(ConversationRole.Assistant, "the role is kept as sent");
    }

    [Fact]
    public void Unknown_role_becomes_an_unknown_message_that_round_trips_its_raw_json()
    {
        const string entry = """{"role":"narrator","message":"Meanwhile...","time":1749737000000,"extra":{"nested":[1,"two",null,{"x":true}]}}""";
        var body = TestBodies.Edit(TestBodies.EndOfCallReport, m => m["artifact"]!["messages"]!.AsArray().Insert(2, JsonNode.Parse(entry)));

        var report = Read<EndOfCallReportMessage>(body);

        var unknown = report.Artifact!.Messages![2].Should().BeOfType<UnknownConversationMessage>().Subject;
        unknown.Role.Should().Be(new ConversationRole("narrator"));
        unknown.RawJson.GetRawText().Should().Be(entry);
        report.Artifact.Messages[3].Should().BeOfType<UserConversationMessage>();

        var written = VapiJson.SerializeEnvelope(report);
        JsonSemantic.Differences(body, written).Should().BeEmpty();
        using var doc = JsonDocument.Parse(written);
        doc.RootElement.GetProperty("message").GetProperty("artifact").GetProperty("messages")[2].GetRawText().Should().Be(entry);
    }

    [Fact]
    public void Conversation_message_without_a_role_becomes_an_unknown_message()
    {
        var body = TestBodies.Edit(TestBodies.EndOfCallReport, m => m["artifact"]!["messages"]!.AsArray().Add(JsonNode.Parse("""{"message":"who said this?"}""")));

        var report = Read<EndOfCallReportMessage>(body);

        report.Artifact!.Messages![^1].Should().BeOfType<UnknownConversationMessage>();
        JsonSemantic.Differences(body, VapiJson.SerializeEnvelope(report)).Should().BeEmpty();
    }

    // ---- transfer destinations by type ----

    [Fact]
    public void Number_destination_of_a_real_report()
    {
        var report = Read<EndOfCallReportMessage>(TestBodies.EndOfCallReport);

        var number = report.Destination.Should().BeOfType<NumberTransferDestination>().Subject;
        number.Type.Should().Be("number");
        number.Number.Should().Be("+14155550142");
        number.Message.Should().BeOfType<UnknownTransferMessage>().Which.RawJson.GetString().Should().Be("Connecting you to our billing team now.");
    }

    [Fact]
    public void Sip_destination()
    {
        var body = TestBodies.Edit(TestBodies.EndOfCallReport, m => m["destination"] = JsonNode.Parse(
            """{"message":{"type":"custom-message","content":"One moment."},"sipUri":"sip:billing@harbordental.example","sipHeaders":{"X-Team":"billing"},"type":"sip"}"""));

        var report = Read<EndOfCallReportMessage>(body);

        var sip = report.Destination.Should().BeOfType<SipTransferDestination>().Subject;
        sip.SipUri.Should().Be("sip:billing@harbordental.example");
        sip.SipHeaders!.Value.GetProperty("X-Team").GetString().Should().Be("billing");
        sip.Message.Should().BeOfType<CustomMessage>().Which.Type.Should().Be("custom-message");
        JsonSemantic.Differences(body, VapiJson.SerializeEnvelope(report)).Should().BeEmpty();
    }

    [Fact]
    public void Assistant_destination()
    {
        var body = TestBodies.Edit(TestBodies.EndOfCallReport, m => m["destination"] = JsonNode.Parse(
            """{"type":"assistant","assistantName":"Billing","transferMode":"rolling-history","description":"billing questions"}"""));

        var report = Read<EndOfCallReportMessage>(body);

        var assistant = report.Destination.Should().BeOfType<AssistantTransferDestination>().Subject;
        assistant.AssistantName.Should().Be("Billing");
        assistant.TransferMode.Should().Be("rolling-history");
        assistant.Description.Should().Be("billing questions");
        JsonSemantic.Differences(body, VapiJson.SerializeEnvelope(report)).Should().BeEmpty();
    }

    [Fact]
    public void Unknown_destination_type_is_kept_whole()
    {
        const string destination = """{"type":"carrier-pigeon","coop":{"id":7},"message":"Coo."}""";
        var body = TestBodies.Edit(TestBodies.EndOfCallReport, m => m["destination"] = JsonNode.Parse(destination));

        var report = Read<EndOfCallReportMessage>(body);

        var unknown = report.Destination.Should().BeOfType<UnknownTransferDestination>().Subject;
        unknown.Type.Should().Be("carrier-pigeon");
        unknown.RawJson.GetRawText().Should().Be(destination);
        using var written = JsonDocument.Parse(VapiJson.SerializeEnvelope(report));
        written.RootElement.GetProperty("message").GetProperty("destination").GetRawText().Should().Be(destination);
    }

    [Fact]
    public void Transfer_update_destination_is_typed()
    {
        var update = Read<TransferUpdateMessage>("transfer-update/transfer-update__written__1.json");

        update.Destination.Should().BeOfType<NumberTransferDestination>().Which.Description.Should().Be("Billing department");
    }

    // ---- open string enums ----

    [Fact]
    public void Known_enum_values_compare_equal_to_their_constants()
    {
        var report = Read<EndOfCallReportMessage>(TestBodies.EndOfCallReport);
        var status = Read<StatusUpdateMessage>(TestBodies.StatusUpdate);
        var real = Read<EndOfCallReportMessage>(TestBodies.LargestRealEndOfCallReport);

        report.EndedReason.Should().Be(EndedReason.AssistantForwardedCall);
        report.Call!.Status.Should().Be(CallStatus.Ended);
        status.Status.Should().Be(CallStatus.InProgress);
        (status.Status == CallStatus.InProgress).Should().BeTrue();
        real.EndedReason.Should().Be(EndedReason.CustomerEndedCall);
        real.Call!.Status.Should().Be(CallStatus.Ringing);
    }

    [Fact]
    public void Unknown_enum_values_are_accepted_kept_and_written_back()
    {
        var body = TestBodies.Edit(TestBodies.EndOfCallReport, m =>
        {
            m["endedReason"] = "call.in-progress.error-brand-new-reason";
            m["call"]!["status"] = "teleporting";
        });

        var report = Read<EndOfCallReportMessage>(body);

        report.EndedReason!.Value.Value.Should().Be("call.in-progress.error-brand-new-reason");
        report.EndedReason.Should().NotBe(EndedReason.CustomerEndedCall);
        report.Call!.Status.Should().Be(CallStatus.FromString("teleporting"));
        report.Call.Status.Should().NotBe(CallStatus.Ended);
        JsonSemantic.Differences(body, VapiJson.SerializeEnvelope(report)).Should().BeEmpty();
    }

    [Fact]
    public void Enum_value_that_is_not_a_string_is_a_json_exception_at_its_path()
    {
        var act = () => VapiJson.DeserializeMessage(TestBodies.Edit(TestBodies.StatusUpdate, m => m["status"] = 3));

        act.Should().ThrowExactly<JsonException>().Which.Path.Should().Be("$.message.status");
    }

    // ---- extension data ----

    [Fact]
    public void Properties_without_a_typed_counterpart_are_readable_as_extensions()
    {
        var report = Read<EndOfCallReportMessage>(TestBodies.EndOfCallReport);

        report.TryGetExtension("durationMs", out var durationMs).Should().BeTrue();
        durationMs.GetInt32().Should().Be(72200);
        report.TryGetExtension("costBreakdown", out var breakdown).Should().BeTrue();
        breakdown.ValueKind.Should().Be(JsonValueKind.Object);
        report.TryGetExtension("noSuchProperty", out _).Should().BeFalse();
        report.DurationSeconds.Should().Be(72.2);
        report.Cost.Should().Be(0.1036m);
        report.StartedAt.Should().Be(new DateTimeOffset(2025, 6, 12, 14, 3, 18, 800, TimeSpan.Zero));
        Encoding.UTF8.GetString(VapiJson.SerializeEnvelope(report)).Should().Contain("\"durationMs\":72200");
    }
}
