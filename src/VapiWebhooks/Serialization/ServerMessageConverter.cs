using System.Text.Json;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Serialization;

/// <summary>Reads <see cref="ServerMessage"/> by its <c>type</c>; unknown types become <see cref="UnknownServerMessage"/>.</summary>
internal sealed class ServerMessageConverter : DiscriminatedUnionConverter<ServerMessage>
{
    protected override string DiscriminatorName => "type";

    // A message without a type cannot be routed or even told apart from garbage: that is an error.
    protected override bool DiscriminatorRequired => true;

    // The table's rows are closed over their class: no MakeGenericType (trim- and AOT-safe).
    protected override ReadConcrete? Resolve(string discriminator)
        => ServerMessageTable.TryGet(discriminator, out var kind) ? kind.Reader : null;

    protected override ServerMessage CreateUnknown(ref Utf8JsonReader reader, string? discriminator, JsonSerializerOptions options)
    {
        var raw = JsonElement.ParseValue(ref reader);
        var message = raw.Deserialize(options.GetTypeInfo(typeof(UnknownServerMessage))) as UnknownServerMessage ?? new UnknownServerMessage();
        message.RawJson = raw;
        return message;
    }
}
