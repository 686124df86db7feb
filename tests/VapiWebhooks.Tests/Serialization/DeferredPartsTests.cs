using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Serialization;
using VapiWebhooks.Tests.Fixtures;

namespace VapiWebhooks.Tests.Serialization;

/// <summary>
/// The artifact, the assistants and the phone number are kept as sent and read on first access: the same
/// typed view as an eager read, the bytes written back untouched, malformed JSON still refused up front.
/// </summary>
public class DeferredPartsTests
{
    private const string RealToolCalls = "tool-calls/tool-calls__vapi4k__5.json";

    private static JsonElement Part(byte[] body, params string[] path)
    {
        var element = JsonElement.Parse(body).GetProperty("message");
        foreach (var name in path)
        {
            element = element.GetProperty(name);
        }

        return element;
    }

    // Every fixture whose message has at least one deferred part, with the part's path under "message".
    public static IEnumerable<object[]> DeferredParts()
    {
        foreach (var file in FixtureFiles.Files)
        {
            var message = JsonElement.Parse(FixtureFiles.ReadBytes(file.RelativePath));
            message = message.TryGetProperty("message", out var inner) ? inner : message;
            foreach (var path in new[] { "artifact", "assistant", "phoneNumber", "call.assistant" })
            {
                var parts = path.Split('.');
                var element = message;
                var found = parts.All(p => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(p, out element));
                if (found && element.ValueKind == JsonValueKind.Object)
                {
                    yield return [file.RelativePath, path];
                }
            }
        }
    }

    private static object? Typed(ServerMessage message, string path) => path switch
    {
        "artifact" => message.Artifact,
        "assistant" => message.Assistant,
        "phoneNumber" => message.PhoneNumber,
        "call.assistant" => message.Call!.Assistant,
        _ => throw new ArgumentOutOfRangeException(nameof(path)),
    };

    private static object? Eager(JsonElement element, string path) => path switch
    {
        "artifact" => element.Deserialize(VapiJsonContext.Default.Artifact),
        "phoneNumber" => element.Deserialize(VapiJsonContext.Default.PhoneNumber),
        _ => element.Deserialize(VapiJsonContext.Default.Assistant),
    };

    [Fact]
    public void The_fixtures_have_deferred_parts_of_every_kind()
    {
        DeferredParts().Select(p => (string)p[1]).Distinct().Should().BeEquivalentTo("artifact", "assistant", "phoneNumber", "call.assistant");
    }

    [Theory]
    [MemberData(nameof(DeferredParts))]
    public void A_deferred_part_reads_as_the_eager_read_of_the_same_json(string fixture, string path)
    {
        var body = FixtureFiles.ReadBytes(fixture);
        var element = Part(body, path.Split('.'));

        var typed = Typed(VapiJson.DeserializeMessage(body), path);

        typed.Should().NotBeNull();
        VapiJson.Serialize(typed!).Should().Be(VapiJson.Serialize(Eager(element, path)!));
    }

    [Theory]
    [MemberData(nameof(DeferredParts))]
    public void An_untouched_deferred_part_is_written_back_byte_for_byte(string fixture, string path)
    {
        var body = FixtureFiles.ReadBytes(fixture);
        var message = VapiJson.DeserializeMessage(body);

        var written = VapiJson.SerializeEnvelope(message);

        Part(written, path.Split('.')).GetRawText().Should().Be(Part(body, path.Split('.')).GetRawText());
    }

    [Fact]
    public void The_typed_view_is_built_once_and_changes_to_it_are_written()
    {
        var message = VapiJson.DeserializeMessage(FixtureFiles.ReadBytes(RealToolCalls));

        var artifact = message.Artifact!;
        artifact.Transcript = "edited";

        message.Artifact.Should().BeSameAs(artifact);
        Part(VapiJson.SerializeEnvelope(message), "artifact", "transcript").GetString().Should().Be("edited");
    }

    [Fact]
    public async Task Concurrent_first_reads_see_one_instance()
    {
        var message = VapiJson.DeserializeMessage(FixtureFiles.ReadBytes(RealToolCalls));
        using var start = new Barrier(8);

        var seen = Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() =>
            {
                start.SignalAndWait(TimeSpan.FromSeconds(10));
                return message.Call!.Assistant;
            }))
            .ToArray();
        var assistants = await Task.WhenAll(seen).WaitAsync(TimeSpan.FromSeconds(10));

        assistants.Distinct().Should().ContainSingle().Which.Should().NotBeNull();
    }

    [Fact]
    public void Setting_a_part_replaces_it_and_null_removes_it()
    {
        var message = VapiJson.DeserializeMessage(FixtureFiles.ReadBytes(RealToolCalls));

        message.Artifact = null;
        message.PhoneNumber = new PhoneNumber { Number = "+15550100" };

        message.Artifact.Should().BeNull();
        var written = JsonElement.Parse(VapiJson.SerializeEnvelope(message)).GetProperty("message");
        written.TryGetProperty("artifact", out _).Should().BeFalse();
        written.GetProperty("phoneNumber").GetProperty("number").GetString().Should().Be("+15550100");
    }

    // ---- free-form JSON parts of a tool (its spoken messages, its parameter schema) ----

    [Fact]
    public void A_tools_free_form_parts_read_as_sent_and_are_written_back_byte_for_byte()
    {
        var body = FixtureFiles.ReadBytes(RealToolCalls);
        var sentTool = JsonElement.Parse(body).GetProperty("message").GetProperty("toolWithToolCallList")[0];
        var message = (ToolCallsMessage)VapiJson.DeserializeMessage(body);
        var tool = message.ToolWithToolCallList![0];

        var writtenTool = JsonElement.Parse(VapiJson.SerializeEnvelope(message)).GetProperty("message").GetProperty("toolWithToolCallList")[0];

        writtenTool.GetProperty("messages").GetRawText().Should().Be(sentTool.GetProperty("messages").GetRawText());
        tool.Messages!.Value.GetRawText().Should().Be(sentTool.GetProperty("messages").GetRawText());
        tool.Function!.Parameters!.Value.GetRawText().Should().Be(sentTool.GetProperty("function").GetProperty("parameters").GetRawText());
    }

    [Fact]
    public void Setting_a_tools_free_form_part_replaces_it()
    {
        var message = (ToolCallsMessage)VapiJson.DeserializeMessage(FixtureFiles.ReadBytes(RealToolCalls));
        var tool = message.ToolWithToolCallList![0];

        tool.Messages = JsonElement.Parse("""[{"type":"request-start","content":"One moment."}]""");
        tool.Function!.Parameters = null;

        var written = JsonElement.Parse(VapiJson.SerializeEnvelope(message)).GetProperty("message").GetProperty("toolWithToolCallList")[0];
        written.GetProperty("messages")[0].GetProperty("content").GetString().Should().Be("One moment.");
        written.GetProperty("function").TryGetProperty("parameters", out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("\"just text\"")]
    [InlineData("42")]
    [InlineData("true")]
    public void A_free_form_part_that_is_not_an_object_or_array_is_kept_too(string json)
    {
        var body = TestBodies.Edit(RealToolCalls, m => m["toolWithToolCallList"]![0]!["messages"] = JsonNode.Parse(json));

        var message = (ToolCallsMessage)VapiJson.DeserializeMessage(body);

        message.ToolWithToolCallList![0].Messages!.Value.GetRawText().Should().Be(json);
    }

    // ---- the legacy toolCalls field of tool-calls ----

    [Fact]
    public void The_legacy_tool_calls_field_reads_as_the_tool_call_list_and_is_written_back_as_sent()
    {
        var body = FixtureFiles.ReadBytes(RealToolCalls);
        var message = (ToolCallsMessage)VapiJson.DeserializeMessage(body);

        var written = VapiJson.SerializeEnvelope(message);

        Part(written, "toolCalls").GetRawText().Should().Be(Part(body, "toolCalls").GetRawText());
        message.ToolCalls.Should().NotBeNull();
        JsonSerializer.Serialize(message.ToolCalls!, VapiJsonContext.Default.IListToolCall).Should().Be(JsonSerializer.Serialize(message.ToolCallList!, VapiJsonContext.Default.IListToolCall));
        message.ExtensionData?.ContainsKey("toolCalls").Should().NotBe(true);
    }

    [Fact]
    public void A_legacy_tool_calls_field_that_is_not_an_array_is_refused_with_its_path()
    {
        var body = TestBodies.Edit(RealToolCalls, m => m["toolCalls"] = JsonNode.Parse("""{"id":"x"}"""));

        var act = () => VapiJson.DeserializeMessage(body);

        act.Should().ThrowExactly<JsonException>().Which.Path.Should().Be("$.message.toolCalls");
    }

    // ---- timestamps: UTC strings take the UTF-8 parser, others the culture-invariant one; both as before ----

    [Theory]
    [InlineData("2024-07-04T05:39:10.225Z", 1720071550225)]
    [InlineData("2024-07-04T05:39:10Z", 1720071550000)]
    [InlineData("2024-07-04T07:39:10.225+02:00", 1720071550225)]
    [InlineData("2024-07-04T05:39:10.225", 1720071550225)]
    [InlineData("2024-07-04 05:39:10Z", 1720071550000)]
    public void An_iso_timestamp_reads_as_the_same_instant_whichever_parser_takes_it(string iso, long unixMilliseconds)
    {
        var body = TestBodies.Edit(RealToolCalls, m => m["timestamp"] = iso);

        var message = VapiJson.DeserializeMessage(body);

        message.Timestamp!.Value.UnixMilliseconds.Should().Be(unixMilliseconds);
        Part(VapiJson.SerializeEnvelope(message), "timestamp").GetString().Should().Be(iso);
    }

    // ---- every way in reads the same: the fast copy from the pinned input and the JsonElement fallback ----

    public static TheoryData<string> EntryPoints => new() { "span", "string", "stream", "serializer", "multi-segment" };

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task Every_entry_point_gives_the_same_deferred_parts(string entry)
    {
        var body = FixtureFiles.ReadBytes(RealToolCalls);
        var expected = VapiJson.DeserializeMessage(body);

        var message = entry switch
        {
            "span" => VapiJson.DeserializeMessage(body.AsSpan()),
            "string" => VapiJson.DeserializeMessage(Encoding.UTF8.GetString(body)),
            "stream" => await VapiJson.DeserializeMessageAsync(new MemoryStream(body)),
            "serializer" => JsonSerializer.Deserialize(body, VapiJsonContext.Default.ServerMessageEnvelope)!.Message!,
            _ => ReadMultiSegment(body),
        };

        VapiJson.Serialize(message.Artifact!).Should().Be(VapiJson.Serialize(expected.Artifact!));
        VapiJson.Serialize(message.Call!.Assistant!).Should().Be(VapiJson.Serialize(expected.Call!.Assistant!));
        JsonSemantic.Differences(JsonElement.Parse(body), JsonElement.Parse(VapiJson.SerializeEnvelope(message))).Should().BeEmpty();
    }

    // A reader over a sequence of 64-byte segments: the deferred parts span segments.
    private static ServerMessage ReadMultiSegment(byte[] body)
    {
        Segment? first = null;
        Segment? last = null;
        foreach (var chunk in body.Chunk(64))
        {
            last = last is null ? first = new Segment(chunk, 0) : last.Append(chunk);
        }

        var reader = new Utf8JsonReader(new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length));
        return JsonSerializer.Deserialize(ref reader, VapiJsonContext.Default.ServerMessageEnvelope)!.Message!;
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] data, long runningIndex)
        {
            Memory = data;
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] data)
        {
            var next = new Segment(data, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }

    // ---- the fast skip: deferred parts are found by JsonValueScanner, and the reader resumes after them ----

    [Theory]
    [MemberData(nameof(DeferredParts))]
    public void A_compact_body_reads_and_writes_back_as_the_indented_one(string fixture, string path)
    {
        var indented = FixtureFiles.ReadBytes(fixture);
        using var document = JsonDocument.Parse(indented);
        // Compacted with the escaping replies are written with, so untouched and re-typed parts read the same.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, VapiJson.WriterOptions))
        {
            document.RootElement.WriteTo(writer);
        }

        var compact = buffer.WrittenSpan.ToArray();

        var fromCompact = VapiJson.DeserializeMessage(compact);
        var fromIndented = VapiJson.DeserializeMessage(indented);

        // Untouched, the whole message is written back as the token-by-token read writes it (the string overload
        // never jumps), and the part byte for byte; then its typed view is the indented body's.
        VapiJson.Serialize(fromCompact).Should().Be(VapiJson.Serialize(VapiJson.DeserializeMessage(Encoding.UTF8.GetString(compact))));
        Part(VapiJson.SerializeEnvelope(fromCompact), path.Split('.')).GetRawText().Should().Be(Part(compact, path.Split('.')).GetRawText());
        VapiJson.Serialize(Typed(fromCompact, path)!).Should().Be(VapiJson.Serialize(Typed(fromIndented, path)!));
    }

    // Line (0-based, as JsonException counts) of the real tool-calls body, text there, its replacement, and the
    // line the reader reports (the token after a trailing comma, say). Each lies after at least one deferred part
    // (toolCalls is the first property after the type), so the reader that meets the error has resumed after a
    // jump and no longer counts lines itself.
    public static TheoryData<int, string, string, int> ErrorsAfterAJump => new()
    {
        { 272, "\"2024-07-04T05:39:10.225Z\"", "\"2024-07-04T05:39:10.225Z\",", 273 }, // trailing comma, typed part
        { 146, "{", "[", 147 },                                                          // customer is an array: wrong type
        { 147, "\"+14566836490\"", "+14566836490", 147 },                                // a bare word in a typed part
        { 218, "1720071550457", "1720071550457.}", 218 },                                // a broken number inside the artifact
        { 242, "\"arguments\":", "\"arguments\"", 242 },                                 // a missing colon, deep in the artifact
        { 81, "\"number\": \"+14566836490\"", "\"number\": nul", 81 },                  // inside call, after toolCalls
        { 273, "  }", "  }, \"more\": tru", 273 },                                          // in the envelope, after the message
    };

    [Theory]
    [MemberData(nameof(ErrorsAfterAJump))]
    public void An_error_after_a_jump_has_the_position_and_message_of_a_token_by_token_read(int line, string find, string replace, int errorLine)
    {
        var lines = FixtureFiles.Read(RealToolCalls).Split('\n');
        lines[line].Should().Contain(find);
        lines[line] = lines[line].Replace(find, replace, StringComparison.Ordinal);
        var broken = string.Join('\n', lines);

        // The string overload never jumps (there is no pinned UTF-8 input): it is the token-by-token reference.
        var reference = FluentActions.Invoking(() => VapiJson.DeserializeMessage(broken)).Should().Throw<JsonException>().Which;
        var fromBytes = FluentActions.Invoking(() => VapiJson.DeserializeMessage(Encoding.UTF8.GetBytes(broken))).Should().Throw<JsonException>().Which;

        fromBytes.Message.Should().Be(reference.Message);
        fromBytes.LineNumber.Should().Be(errorLine).And.Be(reference.LineNumber);
        fromBytes.BytePositionInLine.Should().Be(reference.BytePositionInLine);
        fromBytes.Path.Should().Be(reference.Path);
    }

    // ---- what is still refused while reading the message ----

    [Fact]
    public void Malformed_json_inside_a_deferred_part_is_refused_when_the_message_is_read()
    {
        var text = FixtureFiles.Read(RealToolCalls);
        var at = text.IndexOf("\"messagesOpenAIFormatted\"", StringComparison.Ordinal);
        var broken = Encoding.UTF8.GetBytes(text[..at] + "\"oops\": [1,,2], " + text[at..]);

        var act = () => VapiJson.DeserializeMessage(broken);

        // Syntax errors are found by the scan for the message type, before any property: the line says where.
        var line = text[..at].Count(c => c == '\n');
        act.Should().ThrowExactly<JsonException>().Which.LineNumber.Should().Be(line);
    }

    [Fact]
    public void Nesting_beyond_the_depth_limit_inside_a_deferred_part_is_refused_when_the_message_is_read()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 70)) + string.Concat(Enumerable.Repeat("]", 70));
        var body = TestBodies.Edit(RealToolCalls, m => m["artifact"]!["variableValues"] = JsonNode.Parse(deep, documentOptions: new JsonDocumentOptions { MaxDepth = 100 }));

        var act = () => VapiJson.DeserializeMessage(body);

        act.Should().ThrowExactly<JsonException>().Which.Message.Should().Contain("depth");
    }

    [Theory]
    [InlineData("artifact", "\"text\"")]
    [InlineData("assistant", "[1]")]
    [InlineData("phoneNumber", "42")]
    public void A_deferred_part_that_is_not_an_object_is_refused_with_its_path(string property, string json)
    {
        var body = TestBodies.Edit(RealToolCalls, m => m[property] = JsonNode.Parse(json));

        var act = () => VapiJson.DeserializeMessage(body);

        act.Should().ThrowExactly<JsonException>().Which.Path.Should().Be("$.message." + property);
    }

    [Fact]
    public void A_null_deferred_part_reads_as_null()
    {
        var body = TestBodies.Edit(RealToolCalls, m => m["artifact"] = null);

        VapiJson.DeserializeMessage(body).Artifact.Should().BeNull();
    }

    // ---- the legacy messages field of end-of-call-report ----

    [Fact]
    public void An_end_of_call_reports_messages_read_as_the_eager_read_and_are_written_back_as_sent()
    {
        var body = FixtureFiles.ReadBytes(TestBodies.LargestRealEndOfCallReport);
        var message = (EndOfCallReportMessage)VapiJson.DeserializeMessage(body);

        var written = VapiJson.SerializeEnvelope(message);

        Part(written, "messages").GetRawText().Should().Be(Part(body, "messages").GetRawText());
        var eager = Part(body, "messages").Deserialize(VapiJsonContext.Default.IListConversationMessage)!;
        eager.Should().NotBeEmpty();
        JsonSerializer.Serialize(message.Messages!, VapiJsonContext.Default.IListConversationMessage).Should().Be(JsonSerializer.Serialize(eager, VapiJsonContext.Default.IListConversationMessage));
        message.ExtensionData?.ContainsKey("messages").Should().NotBe(true);
    }

    [Fact]
    public void An_end_of_call_reports_messages_of_the_wrong_shape_fail_where_they_are_read_naming_their_path()
    {
        var body = TestBodies.Edit(TestBodies.LargestRealEndOfCallReport, m => m["messages"]![1]!["secondsFromStart"] = "soon");
        var message = (EndOfCallReportMessage)VapiJson.DeserializeMessage(body);

        var act = () => message.Messages;

        act.Should().ThrowExactly<JsonException>().Which.Path.Should().StartWith("$.message.messages");
    }

    [Theory]
    [InlineData("transcript")]
    [InlineData("summary")]
    [InlineData("recordingUrl")]
    [InlineData("stereoRecordingUrl")]
    public void An_end_of_call_reports_legacy_text_parts_read_as_sent_and_are_written_back_byte_for_byte(string part)
    {
        var body = FixtureFiles.ReadBytes(TestBodies.LargestRealEndOfCallReport);
        var sent = Part(body, part);
        var message = (EndOfCallReportMessage)VapiJson.DeserializeMessage(body);

        var written = Part(VapiJson.SerializeEnvelope(message), part).GetRawText();
        object? typed = part switch
        {
            "transcript" => message.Transcript,
            "summary" => message.Summary,
            "recordingUrl" => message.RecordingUrl!.OriginalString,
            _ => message.StereoRecordingUrl!.OriginalString,
        };

        written.Should().Be(sent.GetRawText());
        typed.Should().Be(sent.GetString());
    }

    [Theory]
    [InlineData("transcript", "5")]
    [InlineData("recordingUrl", "{}")]
    [InlineData("summary", "[]")]
    public void An_end_of_call_reports_deferred_part_of_the_wrong_kind_is_refused_at_once_with_its_path(string part, string json)
    {
        var body = TestBodies.Edit(TestBodies.LargestRealEndOfCallReport, m => m[part] = JsonNode.Parse(json));

        var act = () => VapiJson.DeserializeMessage(body);

        act.Should().ThrowExactly<JsonException>().Which.Path.Should().Be("$.message." + part);
    }

    [Fact]
    public void An_escaped_string_part_reads_unescaped_and_is_written_back_as_sent()
    {
        var body = Encoding.UTF8.GetBytes("""{"message":{"type":"end-of-call-report","transcript":"AI: \u00e9t\u00e9 \"quoted\"\nUser: ok"}}""");
        var message = (EndOfCallReportMessage)VapiJson.DeserializeMessage(body);

        Part(VapiJson.SerializeEnvelope(message), "transcript").GetRawText().Should().Be(Part(body, "transcript").GetRawText());
        message.Transcript.Should().Be("AI: \u00e9t\u00e9 \"quoted\"\nUser: ok");
    }
}
