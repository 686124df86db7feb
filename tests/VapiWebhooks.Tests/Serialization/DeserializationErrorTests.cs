using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VapiWebhooks.Messages;
using VapiWebhooks.Models;
using VapiWebhooks.Serialization;
using VapiWebhooks.Tests.Fixtures;

namespace VapiWebhooks.Tests.Serialization;

/// <summary>Odd and broken bodies give the documented outcome, and never an exception other than <see cref="JsonException"/>.</summary>
public class DeserializationErrorTests
{
    private static JsonException Rejects(byte[] body)
    {
        var act = () => VapiJson.DeserializeMessage(body);
        return act.Should().ThrowExactly<JsonException>().Which;
    }

    private static JsonException Rejects(string body) => Rejects(Encoding.UTF8.GetBytes(body));

    // ---- unknown types ----

    [Fact]
    public void Unknown_type_becomes_an_unknown_message_with_common_properties_and_raw_json()
    {
        var body = TestBodies.Edit(TestBodies.StatusUpdate, m =>
        {
            m["type"] = "call.teleported";
            m["destinationPlanet"] = JsonNode.Parse("""{"name":"Mars","moons":[1,2]}""");
        });

        var message = VapiJson.DeserializeMessage(body);

        var unknown = message.Should().BeOfType<UnknownServerMessage>().Subject;
        unknown.Type.Should().Be("call.teleported");
        unknown.CallId.Should().Be("5d0c9f3e-2b7a-4c41-9e6f-8a1b3c5d7e90");
        unknown.Call!.Status.Should().Be(CallStatus.InProgress);
        unknown.Timestamp!.Value.UnixMilliseconds.Should().Be(1749736998850);
        unknown.RawJson.ValueKind.Should().Be(JsonValueKind.Object);
        unknown.RawJson.GetProperty("destinationPlanet").GetProperty("name").GetString().Should().Be("Mars");
        unknown.TryGetExtension("destinationPlanet", out _).Should().BeTrue();
    }

    [Fact]
    public void Unknown_type_is_written_back_unchanged()
    {
        const string inner = """{"call":{"id":"c-1","weird":[1,{"a":null}]},"z":1,"a":"2","type":"brand-new-type","n":1.50}""";
        var body = Encoding.UTF8.GetBytes("{\"message\":" + inner + "}");

        var message = VapiJson.DeserializeMessage(body);

        Encoding.UTF8.GetString(VapiJson.SerializeEnvelope(message)).Should().Be("{\"message\":" + inner + "}", "the raw object is written as sent, property order, nulls and number text included");
    }

    [Fact]
    public void Type_as_the_last_property_is_found()
    {
        var body = TestBodies.Edit(TestBodies.ToolCallsWithObjectArguments, m =>
        {
            m.Remove("type");
            m["type"] = "tool-calls";
        });
        Encoding.UTF8.GetString(body).Should().EndWith("\"type\":\"tool-calls\"}}");

        var message = VapiJson.DeserializeMessage(body);

        message.Should().BeOfType<ToolCallsMessage>().Which.ToolCallList.Should().ContainSingle();
        message.CallId.Should().Be("b1223960-1b4d-4585-91b8-a69b0f57ec2f");
    }

    [Fact]
    public void Unknown_type_as_the_last_property_is_found()
    {
        var message = VapiJson.DeserializeMessage(Encoding.UTF8.GetBytes("""{"message":{"call":{"id":"c-9"},"payload":[{"type":"not-this-one"}],"type":"later.type"}}"""));

        message.Should().BeOfType<UnknownServerMessage>().Which.Type.Should().Be("later.type");
        message.CallId.Should().Be("c-9");
    }

    [Fact]
    public void Final_transcript_alias_reads_as_a_transcript()
    {
        var message = VapiJson.DeserializeMessage(Encoding.UTF8.GetBytes(
            """{"message":{"type":"transcript[transcriptType=\"final\"]","role":"user","transcriptType":"final","transcript":"Four works."}}"""));

        var transcript = message.Should().BeOfType<TranscriptMessage>().Subject;
        transcript.Type.Should().Be(ServerMessageTypes.TranscriptFinal);
        transcript.Role.Should().Be(ConversationRole.User);
        transcript.Transcript.Should().Be("Four works.");
    }

    [Fact]
    public void Type_matching_is_exact()
    {
        VapiJson.DeserializeMessage(Encoding.UTF8.GetBytes("""{"message":{"type":"Tool-Calls"}}""")).Should().BeOfType<UnknownServerMessage>();
    }

    [Theory]
    [InlineData("""{"message":{"type":""}}""")]
    [InlineData("""{"message":{"type":"   "}}""")]
    public void An_empty_or_blank_type_is_refused_naming_its_path(string body)
    {
        var act = () => VapiJson.DeserializeMessage(Encoding.UTF8.GetBytes(body));

        act.Should().Throw<JsonException>().Which.Message.Should().Contain("'type' property is empty").And.Contain("$.message");
    }

    // ---- missing or malformed type / message ----

    [Fact]
    public void Missing_type_is_a_json_exception_that_says_type_and_where()
    {
        var body = TestBodies.Edit(TestBodies.StatusUpdate, m => m.Remove("type"));

        var ex = Rejects(body);

        ex.Message.Should().Contain("'type'").And.Contain("Path: $.message").And.Contain("LineNumber:").And.Contain("BytePositionInLine:");
        ex.Path.Should().Be("$.message");
        ex.BytePositionInLine.Should().NotBeNull();
    }

    [Theory]
    [InlineData("5")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("[\"tool-calls\"]")]
    [InlineData("{\"name\":\"tool-calls\"}")]
    public void Type_that_is_not_a_string_is_a_json_exception(string type)
    {
        var ex = Rejects("{\"message\":{\"call\":{\"id\":\"c\"},\"type\":" + type + "}}");

        ex.Message.Should().Contain("'type'");
        ex.Path.Should().Be("$.message");
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"message":null}""")]
    [InlineData("""{"msg":{"type":"hang"}}""")]
    public void Missing_message_is_a_json_exception(string body)
        => Rejects(body).Message.Should().Contain("'message'");

    [Theory]
    [InlineData("""{"message":5}""")]
    [InlineData("""{"message":"hang"}""")]
    [InlineData("""{"message":[{"type":"hang"}]}""")]
    [InlineData("""{"message":true}""")]
    public void Message_that_is_not_an_object_is_a_json_exception(string body)
    {
        var ex = Rejects(body);

        ex.Path.Should().Be("$.message");
        ex.Message.Should().Contain("object");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"message\":{\"type\":\"hang\"}}]")]
    [InlineData("\"hang\"")]
    [InlineData("42")]
    [InlineData("true")]
    public void Body_that_is_not_an_object_is_a_json_exception(string body)
        => Rejects(body).Message.Should().Contain("must be a JSON object");

    [Fact]
    public void Body_null_is_a_json_exception()
        => Rejects("null").Message.Should().Contain("null");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n")]
    public void Empty_body_is_a_json_exception(string body) => Rejects(body);

    [Theory]
    [InlineData("""{"message":{"type":"hang"}} {}""")]
    [InlineData("""{"message":{"type":"hang",}}""")]
    [InlineData("""{"message":{"type":"hang"} // comment""")]
    [InlineData("""{'message':{'type':'hang'}}""")]
    [InlineData("""{"message":{"type":"hang"}""")]
    public void Malformed_json_is_a_json_exception(string body) => Rejects(body);

    [Fact]
    public void Every_prefix_of_a_real_fixture_is_a_json_exception()
    {
        var bytes = FixtureFiles.ReadBytes(TestBodies.LargestRealEndOfCallReport);
        var lengths = Enumerable.Range(0, 200).Select(i => (int)((long)i * (bytes.Length - 1) / 199)).Distinct().ToList();
        lengths.Should().Contain(0).And.Contain(bytes.Length - 1);
        // The file ends in a newline: the last prefix that cuts JSON is before the closing brace.
        var lastBrace = Array.LastIndexOf(bytes, (byte)'}');

        foreach (var length in lengths.Append(lastBrace))
        {
            var prefix = bytes[..length];
            var act = () => VapiJson.DeserializeMessage(prefix);
            act.Should().ThrowExactly<JsonException>("a body cut at byte {0} of {1} is truncated JSON", length, bytes.Length);
        }
    }

    // ---- wrong-typed nested fields: the full path ----

    [Theory]
    [InlineData("call.id", 5, "$.message.call.id")]
    [InlineData("call.customer.number", 5, "$.message.call.customer.number")]
    [InlineData("call.createdAt", "not a date", "$.message.call.createdAt")]
    [InlineData("cost", "cheap", "$.message.cost")]
    [InlineData("durationSeconds", "long", "$.message.durationSeconds")]
    [InlineData("analysis.summary", 7, "$.message.analysis.summary")]
    public void Wrong_typed_nested_field_is_a_json_exception_with_the_full_path(string property, object value, string path)
    {
        var body = TestBodies.Edit(TestBodies.EndOfCallReport, m =>
        {
            var parts = property.Split('.');
            JsonNode node = m;
            foreach (var part in parts[..^1])
            {
                node = node[part]!;
            }

            node[parts[^1]] = JsonValue.Create(value);
        });

        var ex = Rejects(body);

        ex.Path.Should().Be(path);
        ex.Message.Should().Contain("Path: " + path);
    }

    // The artifact is read on first access (DeferredPartsTests): its errors surface there, with the full path.
    [Theory]
    [InlineData("transcript", false, "$.message.artifact.transcript")]
    [InlineData("messages.2.message", 12, "$.message.artifact.messages[2].message")]
    public void Wrong_typed_field_inside_the_artifact_throws_on_access_with_the_full_path(string property, object value, string path)
    {
        var body = TestBodies.Edit(TestBodies.EndOfCallReport, m =>
        {
            var parts = property.Split('.');
            JsonNode node = m["artifact"]!;
            foreach (var part in parts[..^1])
            {
                node = int.TryParse(part, out var index) ? node[index]! : node[part]!;
            }

            node[parts[^1]] = JsonValue.Create(value);
        });
        var message = VapiJson.DeserializeMessage(body);

        var act = () => message.Artifact;

        var ex = act.Should().ThrowExactly<JsonException>().Which;
        ex.Path.Should().Be(path);
        ex.Message.Should().Contain("'message.artifact'").And.Contain("Path: " + path);
    }

    [Fact]
    public void Wrong_typed_field_inside_a_tool_call_has_the_full_path()
    {
        var body = TestBodies.Edit(TestBodies.ToolCallsWithObjectArguments, m => m["toolCallList"]![0]!["function"]!["name"] = 1);

        var ex = Rejects(body);

        ex.Path.Should().Be("$.message.toolCallList[0].function.name");
    }

    [Fact]
    public void Wrong_typed_field_in_a_bare_message_has_the_path_of_the_bare_message()
    {
        var ex = Rejects("""{"type":"status-update","call":{"id":5}}""");

        ex.Path.Should().Be("$.call.id");
    }

    // ---- size and depth ----

    [Fact]
    public void Nesting_deeper_than_max_depth_is_a_json_exception_about_depth()
    {
        var depth = VapiJson.MaxDepth + 10;
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        var body = "{\"message\":{\"type\":\"status-update\",\"extra\":" + nested + "}}";

        Rejects(body).Message.Should().Contain("depth");
    }

    [Fact]
    public void Deep_arrays_in_an_unknown_message_are_a_json_exception_about_depth()
    {
        var depth = 1000;
        var body = """{"message":{"type":"brand-new","x":""" + new string('[', depth) + new string(']', depth) + "}}";

        Rejects(body).Message.Should().Contain("depth");
    }

    [Fact]
    public void Nesting_within_max_depth_is_accepted()
    {
        // envelope (1) + message (2) + extra (3): room for MaxDepth - 3 more levels.
        var depth = VapiJson.MaxDepth - 3;
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        var body = "{\"message\":{\"type\":\"status-update\",\"extra\":" + nested + "}}";

        var message = VapiJson.DeserializeMessage(Encoding.UTF8.GetBytes(body));

        message.TryGetExtension("extra", out _).Should().BeTrue();
    }

    [Fact]
    public void Huge_strings_are_read()
    {
        var transcript = string.Create(3 * 1024 * 1024, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + (i % 26));
            }
        });
        var body = TestBodies.Edit(TestBodies.EndOfCallReport, m =>
        {
            m["transcript"] = transcript;
            m["artifact"]!["transcript"] = transcript;
        });

        var report = VapiJson.DeserializeMessage(body).Should().BeOfType<EndOfCallReportMessage>().Subject;

        report.Transcript.Should().HaveLength(transcript.Length).And.Be(transcript);
        report.Artifact!.Transcript.Should().Be(transcript);
    }

    [Fact]
    public void Huge_strings_in_an_unknown_message_are_kept()
    {
        var big = new string('x', 3 * 1024 * 1024);
        var body = Encoding.UTF8.GetBytes("{\"message\":{\"type\":\"brand-new\",\"blob\":\"" + big + "\"}}");

        var unknown = VapiJson.DeserializeMessage(body).Should().BeOfType<UnknownServerMessage>().Subject;

        unknown.RawJson.GetProperty("blob").GetString().Should().HaveLength(big.Length);
    }

    // ---- bare message (no envelope) ----

    [Fact]
    public void Bare_message_is_accepted_and_reported()
    {
        var inner = JsonNode.Parse(FixtureFiles.Read(TestBodies.ToolCallsWithStringArguments))!["message"]!.ToJsonString();

        var message = VapiJson.DeserializeMessage(Encoding.UTF8.GetBytes(inner), out var wasBare);

        wasBare.Should().BeTrue();
        var toolCalls = message.Should().BeOfType<ToolCallsMessage>().Subject;
        toolCalls.ToolCallList.Should().HaveCount(2);
        toolCalls.CallId.Should().Be("5d0c9f3e-2b7a-4c41-9e6f-8a1b3c5d7e90");
        JsonSemantic.Differences(Encoding.UTF8.GetBytes("{\"message\":" + inner + "}"), VapiJson.SerializeEnvelope(message)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(FixtureRoundTripTests.All), MemberType = typeof(FixtureRoundTripTests))]
    public void Every_fixture_is_accepted_bare(string relativePath, string wireType)
    {
        var inner = JsonNode.Parse(FixtureFiles.Read(relativePath))!["message"]!.ToJsonString();

        var message = VapiJson.DeserializeMessage(Encoding.UTF8.GetBytes(inner), out var wasBare);

        wasBare.Should().BeTrue();
        message.Type.Should().Be(wireType);
        JsonSemantic.Differences(Encoding.UTF8.GetBytes("{\"message\":" + inner + "}"), VapiJson.SerializeEnvelope(message)).Should().BeEmpty();
    }

    [Fact]
    public void Enveloped_message_is_not_reported_as_bare()
    {
        VapiJson.DeserializeMessage(FixtureFiles.ReadBytes(TestBodies.StatusUpdate), out var wasBare);

        wasBare.Should().BeFalse();
    }

    [Fact]
    public void Bare_message_of_an_unknown_type_is_accepted()
    {
        var message = VapiJson.DeserializeMessage(Encoding.UTF8.GetBytes("""{"type":"brand-new","call":{"id":"c-2"}}"""), out var wasBare);

        wasBare.Should().BeTrue();
        message.Should().BeOfType<UnknownServerMessage>().Which.CallId.Should().Be("c-2");
    }
}
