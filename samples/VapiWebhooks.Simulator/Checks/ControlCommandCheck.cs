using System.Text.Json;
using VapiWebhooks.Simulator.Schema;
using VapiWebhooks.Testing.CallControl;

namespace VapiWebhooks.Simulator.Checks;

/// <summary>
/// A command the server posted to the control URL validates against Vapi's <c>ClientInboundMessage*</c> schema for its
/// type (<c>handoff</c> has none yet: its destination is checked against <c>HandoffDestinationAssistant</c>).
/// </summary>
internal static class ControlCommandCheck
{
    private static readonly Dictionary<string, string> DefinitionByType = new(StringComparer.Ordinal)
    {
        ["say"] = "ClientInboundMessageSay",
        ["add-message"] = "ClientInboundMessageAddMessage",
        ["control"] = "ClientInboundMessageControl",
        ["end-call"] = "ClientInboundMessageEndCall",
        ["transfer"] = "ClientInboundMessageTransfer",
    };

    public static IEnumerable<Violation> Check(RecordedCallCommand command, VapiSchemaDocument schema)
    {
        if (command.Body is not { ValueKind: JsonValueKind.Object } body)
        {
            return [new Violation("control-command", "the body is not a JSON object")];
        }

        var type = command.Type;
        if (type == "handoff")
        {
            if (!body.TryGetProperty("destination", out var destination))
            {
                return [new Violation("control-schema", "handoff has no destination")];
            }

            return schema.Validate("HandoffDestinationAssistant", destination.GetRawText())
                .Select(error => new Violation("control-schema", $"handoff destination (HandoffDestinationAssistant) {error}"));
        }

        if (type is null || !DefinitionByType.TryGetValue(type, out var definition))
        {
            return [new Violation("control-command", $"unknown command type '{type}': Vapi takes say, add-message, control, end-call, transfer and handoff")];
        }

        return schema.Validate(definition, body.GetRawText()).Select(error => new Violation("control-schema", $"{definition} {error}"));
    }
}
