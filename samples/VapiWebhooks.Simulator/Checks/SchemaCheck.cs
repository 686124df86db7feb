using System.Text.Json;

namespace VapiWebhooks.Simulator.Checks;

/// <summary>The JSON reply validates against Vapi's <c>ServerMessageResponse*</c> schema for the message type.</summary>
internal sealed class SchemaCheck : IReplyCheck
{
    public bool Blocking => false;

    public IEnumerable<Violation> Check(ReplyContext context)
    {
        if (context.Json.ValueKind != JsonValueKind.Object || context.Schema.ResponseDefinitionFor(context.MessageType) is not { } definition)
        {
            return [];
        }

        return context.Schema.Validate(definition, context.Json.GetRawText())
            .Select(error => new Violation("schema", $"{definition} {error}"));
    }
}
