using System.Text.Json;
using VapiWebhooks.Models;

namespace VapiWebhooks.Serialization;

/// <summary>Reads <see cref="ConversationMessage"/> by its <c>role</c>.</summary>
internal sealed class ConversationMessageConverter : DiscriminatedUnionConverter<ConversationMessage>
{
    protected override string DiscriminatorName => "role";

    protected override bool DiscriminatorRequired => false;

    protected override Type? ResolveType(string discriminator) => discriminator switch
    {
        "user" => typeof(UserConversationMessage),
        "bot" or "assistant" => typeof(BotConversationMessage),
        "system" => typeof(SystemConversationMessage),
        "tool_calls" => typeof(ToolCallsConversationMessage),
        "tool_call_result" => typeof(ToolCallResultConversationMessage),
        _ => null,
    };

    protected override ConversationMessage CreateUnknown(ref Utf8JsonReader reader, string? discriminator, JsonSerializerOptions options)
        => new UnknownConversationMessage { Role = new ConversationRole(discriminator ?? string.Empty), RawJson = JsonElement.ParseValue(ref reader) };

    protected override bool TryWriteUnknown(Utf8JsonWriter writer, ConversationMessage value)
    {
        if (value is not UnknownConversationMessage { RawJson.ValueKind: JsonValueKind.Object } unknown)
        {
            return false;
        }

        unknown.RawJson.WriteTo(writer);
        return true;
    }
}
