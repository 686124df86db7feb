using System.Text.Json;
using VapiWebhooks.Models;

namespace VapiWebhooks.Serialization;

/// <summary>Reads <see cref="TransferDestination"/> by its <c>type</c>.</summary>
internal sealed class TransferDestinationConverter : DiscriminatedUnionConverter<TransferDestination>
{
    protected override string DiscriminatorName => "type";

    protected override bool DiscriminatorRequired => false;

    protected override ReadConcrete? Resolve(string discriminator) => discriminator switch
    {
        "number" => Read<NumberTransferDestination>,
        "sip" => Read<SipTransferDestination>,
        "assistant" => Read<AssistantTransferDestination>,
        _ => null,
    };

    protected override TransferDestination CreateUnknown(ref Utf8JsonReader reader, string? discriminator, JsonSerializerOptions options)
        => new UnknownTransferDestination { Type = discriminator ?? string.Empty, RawJson = JsonElement.ParseValue(ref reader) };
}
