using System.Collections.Frozen;
using System.Text.Json;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Serialization;

/// <summary>Reads <see cref="ServerMessage"/> by its <c>type</c>; unknown types become <see cref="UnknownServerMessage"/>.</summary>
internal sealed class ServerMessageConverter : DiscriminatedUnionConverter<ServerMessage>
{
    protected override string DiscriminatorName => "type";

    // A message without a type cannot be routed or even told apart from garbage: that is an error.
    protected override bool DiscriminatorRequired => true;

    // One closed generic reader per wire type, derived from the table of message types (no MakeGenericType):
    // trim- and AOT-safe.
    private static readonly FrozenDictionary<string, ReadConcrete> Readers =
        ServerMessageTypeTable.All.ToFrozenDictionary(e => e.WireType, e => e.Accept(ReaderOf.Instance), StringComparer.Ordinal);

    protected override ReadConcrete? Resolve(string discriminator)
        => Readers.TryGetValue(discriminator, out var read) ? read : null;

    protected override ServerMessage CreateUnknown(ref Utf8JsonReader reader, string? discriminator, JsonSerializerOptions options)
    {
        var raw = JsonElement.ParseValue(ref reader);
        var message = raw.Deserialize(options.GetTypeInfo(typeof(UnknownServerMessage))) as UnknownServerMessage ?? new UnknownServerMessage();
        message.RawJson = raw;
        return message;
    }

    private sealed class ReaderOf : IServerMessageTypeVisitor<ReadConcrete>
    {
        public static readonly ReaderOf Instance = new();

        public ReadConcrete Visit<TMessage>()
            where TMessage : ServerMessage
            => Read<TMessage>;
    }
}
