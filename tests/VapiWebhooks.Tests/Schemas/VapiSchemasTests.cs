using NJsonSchema;

namespace VapiWebhooks.Tests.Schemas;

public class VapiSchemasTests
{
    [Fact]
    public void Document_holds_every_server_message_definition()
    {
        VapiSchemas.DefinitionNames.Count.Should().BeGreaterThan(400);
        VapiSchemas.DefinitionNames.Should().Contain(["ServerMessage", "ServerMessageResponse", "ServerMessageToolCalls", "ServerMessageResponseToolCalls"]);
    }

    [Fact]
    public void A_valid_tool_calls_reply_passes()
    {
        const string json = """
            {"results": [
              {"toolCallId": "call_Xk29fQpL7mVd0RzA", "name": "book_appointment", "result": "Booked for 2025-06-17 16:00."},
              {"toolCallId": "call_Ba83nWc5TyHs1GeJ", "name": "send_sms", "error": "SMS provider unavailable"}
            ]}
            """;

        VapiSchemas.Validate("ServerMessageResponseToolCalls", json).Should().BeEmpty();
        FluentActions.Invoking(() => VapiSchemas.AssertValid("ServerMessageResponseToolCalls", json)).Should().NotThrow();
    }

    [Fact]
    public void Results_that_is_not_an_array_is_rejected()
    {
        var errors = VapiSchemas.Validate("ServerMessageResponseToolCalls", """{"results": {"toolCallId": "a", "name": "b", "result": "c"}}""");

        errors.Should().ContainSingle().Which.Should().Be(new SchemaError("#/results", "ArrayExpected"));
    }

    [Fact]
    public void Errors_inside_referenced_definitions_carry_full_paths()
    {
        // ToolCallResult is a separate definition reached through #/definitions/...: refs resolve against the document.
        var errors = VapiSchemas.Validate("ServerMessageResponseToolCalls", """{"results": [{"toolCallId": 42, "result": "x"}]}""");

        errors.Should().BeEquivalentTo(new[]
        {
            new SchemaError("#/results[0].name", "PropertyRequired"),
            new SchemaError("#/results[0].toolCallId", "StringExpected"),
        });
    }

    [Fact]
    public void Eligible_as_a_string_is_rejected_with_a_readable_message()
    {
        var act = () => VapiSchemas.AssertValid("ServerMessageResponseCampaignPredial", """{"eligible": "yes"}""");

        act.Should().Throw<SchemaValidationException>()
            .WithMessage("*ServerMessageResponseCampaignPredial*1 error*#/eligible: BooleanExpected*");
        VapiSchemas.Validate("ServerMessageResponseCampaignPredial", """{"eligible": false}""").Should().BeEmpty();
    }

    [Fact]
    public void Deep_violations_in_a_request_are_found()
    {
        const string json = """{"type": "hang", "call": {"id": "c1", "orgId": "o1", "createdAt": "2025-06-12T14:03:17.700Z", "updatedAt": "yesterday", "status": "bogus"}}""";

        VapiSchemas.Validate("ServerMessageHang", json).Should().BeEquivalentTo(new[]
        {
            new SchemaError("#/call.status", "NotInEnumeration"),
            new SchemaError("#/call.updatedAt", "DateTimeExpected"),
        });
    }

    [Fact]
    public void Nullable_in_the_spec_is_honoured_and_other_nulls_are_not()
    {
        VapiSchemas.Validate("ServerMessageHang", """{"type": "hang", "assistantVersion": null}""").Should().BeEmpty();
        VapiSchemas.Validate("OpenAIMessage", """{"role": "assistant", "content": null}""").Should().BeEmpty();
        VapiSchemas.Validate("ServerMessageHang", """{"type": "hang", "timestamp": null}""")
            .Should().ContainSingle().Which.Should().Be(new SchemaError("#/timestamp", "NumberExpected"));
    }

    [Fact]
    public async Task Plain_FromJsonAsync_keeps_nullable_as_extension_data_and_NJsonSchema_11_honours_it_when_validating()
    {
        // NJsonSchema 10 rejected these nulls in plain mode; 11 accepts them. The helper still loads in OpenApi3 mode,
        // which says what the document is.
        var plain = await JsonSchema.FromFileAsync(VapiSchemas.SchemaPath);
        var hang = plain.Definitions["ServerMessageHang"];

        hang.Properties["assistantVersion"].IsNullableRaw.Should().BeNull();
        hang.Properties["assistantVersion"].ExtensionData.Should().ContainKey("nullable");
        hang.Validate("""{"type": "hang", "assistantVersion": null}""").Should().BeEmpty();
        hang.Validate("""{"type": "hang", "assistantVersion": 5}""").Should().ContainSingle()
            .Which.Kind.Should().Be(NJsonSchema.Validation.ValidationErrorKind.StringExpected);
    }

    [Fact]
    public async Task NJsonSchema_does_not_resolve_components_schemas_references_which_is_why_refresh_rewrites_them()
    {
        // schemas/refresh.py rewrites Vapi's #/components/schemas/X to #/definitions/X. Checked again with
        // NJsonSchema 11.6.2: a reference into components.schemas is still left unresolved, so the rewrite stays.
        const string json = """
            {"type": "object", "properties": {"x": {"$ref": "#/components/schemas/A"}},
             "components": {"schemas": {"A": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/B"}}}, "B": {"type": "string"}}}}
            """;
        var document = await JsonSchema.FromJsonAsync(json);

        var validate = () => document.Validate("""{"x": {"b": 5}}""");

        validate.Should().Throw<InvalidOperationException>().WithMessage("*#/components/schemas/*not been resolved*");
        var rewritten = await JsonSchema.FromJsonAsync("""
            {"type": "object", "properties": {"x": {"$ref": "#/definitions/A"}},
             "definitions": {"A": {"type": "object", "properties": {"b": {"$ref": "#/definitions/B"}}}, "B": {"type": "string"}}}
            """);
        rewritten.Validate("""{"x": {"b": 5}}""").Should().ContainSingle().Which.Kind.Should().Be(NJsonSchema.Validation.ValidationErrorKind.StringExpected);
    }

    [Fact]
    public void An_arrays_item_enum_repeated_on_the_array_checks_the_items_only()
    {
        // Vapi writes serverMessages' allowed values on the array and on its items; literally, a list never matches.
        VapiSchemas.Validate("CreateAssistantDTO", """{"serverMessages": ["end-of-call-report", "tool-calls"]}""").Should().BeEmpty();
        VapiSchemas.Validate("CreateAssistantDTO", """{"serverMessages": ["end-of-call-report", "voice-request"]}""").Should().ContainSingle()
            .Which.Kind.Should().Be("NotInEnumeration");
    }

    [Fact]
    public void Overlapping_conversation_message_unions_pass_leniently_and_fail_strictly()
    {
        const string json = """
            {"messages": [
              {"role": "user", "message": "Hi", "time": 1749737004700, "endTime": 1749737005900, "secondsFromStart": 5.9, "duration": 1200},
              {"role": "tool_call_result", "toolCallId": "call_1", "name": "lookup", "result": "ok", "time": 1749737006000, "secondsFromStart": 6.0}
            ]}
            """;

        VapiSchemas.Validate("Artifact", json).Should().BeEmpty();
        VapiSchemas.ValidateStrict("Artifact", json).Should().ContainSingle()
            .Which.Should().Match<SchemaError>(e => e.Path == "#/messages[0]" && e.Kind == "AmbiguousOneOf"
                && e.Detail!.Contains("UserMessage", StringComparison.Ordinal) && e.Detail.Contains("BotMessage", StringComparison.Ordinal));
    }

    [Fact]
    public void A_union_with_no_matching_branch_is_still_an_error()
    {
        var errors = VapiSchemas.Validate("Artifact", """{"messages": [{"role": "user", "text": "no message field"}]}""");

        errors.Should().ContainSingle().Which.Should().Match<SchemaError>(e => e.Path == "#/messages[0]" && e.Kind == "NotOneOf");
    }

    [Fact]
    public void JavaScript_regex_literals_in_the_spec_are_used_without_their_delimiters()
    {
        VapiSchemas.NormalizedPatterns.Should().Contain("/^[a-zA-Z0-9_-]{1,64}$/", "^[a-zA-Z0-9_-]{1,64}$");
        VapiSchemas.NormalizedPatterns.Keys.Should().OnlyContain(p => p.StartsWith('/'));

        VapiSchemas.Validate("OpenAIFunction", """{"name": "book_appointment"}""").Should().BeEmpty();
        VapiSchemas.Validate("OpenAIFunction", """{"name": "book appointment!"}""")
            .Should().ContainSingle().Which.Should().Be(new SchemaError("#/name", "PatternMismatch"));
    }

    [Theory]
    [InlineData("tool-calls", "ServerMessageToolCalls")]
    [InlineData("transcript", "ServerMessageTranscript")]
    [InlineData("transcript[transcriptType=\"final\"]", "ServerMessageTranscript")]
    [InlineData("assistant.speechStarted", "ServerMessageAssistantSpeech")]
    [InlineData("call.endpointing.request", "ServerMessageCallEndpointingRequest")]
    [InlineData("campaign.predial", "ServerMessageCampaignPredial")]
    [InlineData("function-call", null)]
    [InlineData("assistant.started", null)]
    [InlineData("language-changed", null)]
    [InlineData("no-such-type", null)]
    public void Wire_types_map_to_request_definitions(string messageType, string? expected) =>
        VapiSchemas.RequestDefinitionFor(messageType).Should().Be(expected);

    [Fact]
    public void The_spec_has_29_request_types_plus_the_final_transcript_alias()
    {
        VapiSchemas.RequestDefinitions.Should().HaveCount(30);
        VapiSchemas.RequestDefinitions.Values.Distinct().Should().HaveCount(29);
    }

    [Theory]
    [InlineData("tool-calls", "ServerMessageResponseToolCalls")]
    [InlineData("assistant-request", "ServerMessageResponseAssistantRequest")]
    [InlineData("campaign.predial", "ServerMessageResponseCampaignPredial")]
    [InlineData("voice-request", "ServerMessageResponseVoiceRequest")]
    [InlineData("end-of-call-report", null)]
    [InlineData("function-call", null)]
    public void Wire_types_map_to_response_definitions(string messageType, string? expected) =>
        VapiSchemas.ResponseDefinitionFor(messageType).Should().Be(expected);

    [Fact]
    public void Unknown_definition_names_are_reported()
    {
        var act = () => VapiSchemas.Validate("ServerMessageNope", "{}");

        act.Should().Throw<ArgumentException>().WithMessage("*ServerMessageNope*");
    }
}
