using System.Text.Json;
using VapiWebhooks.Models;

namespace VapiWebhooks.Serialization;

/// <summary>Reads <see cref="ConversationMessage"/> by its <c>role</c>.</summary>
internal sealed class ConversationMessageConverter : DiscriminatedUnionConverter<ConversationMessage>
{
    protected override string DiscriminatorName => "role";

    protected override bool DiscriminatorRequired => false;

    protected override ReadConcrete? Resolve(string discriminator) => discriminator switch
    {
        "user" => Read<UserConversationMessage>,
        "bot" or "assistant" => Read<BotConversationMessage>,
        "system" => Read<SystemConversationMessage>,
        "tool_calls" => Read<ToolCallsConversationMessage>,
        "tool_call_result" => Read<ToolCallResultConversationMessage>,
        _ => null,
    };

    protected override ConversationMessage CreateUnknown(ref Utf8JsonReader reader, string? discriminator, JsonSerializerOptions options)
        => new UnknownConversationMessage { Role = new ConversationRole(discriminator ?? string.Empty), RawJson = JsonElement.ParseValue(ref reader) };
}
