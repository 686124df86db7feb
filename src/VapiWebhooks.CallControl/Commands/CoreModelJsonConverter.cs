using System.Text.Json;
using System.Text.Json.Serialization;
using VapiWebhooks.Models;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.CallControl.Commands;

/// <summary>Writes the core package's destination models with the core's source-generated metadata.</summary>
internal sealed class CoreModelJsonConverter : JsonConverter<object>
{
    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        _ => throw new NotSupportedException("Call-control commands are written, not read."),
    };

    public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case TransferDestination transfer:
                JsonSerializer.Serialize(writer, transfer, VapiJsonContext.Default.TransferDestination);
                break;
            case HandoffDestination handoff:
                JsonSerializer.Serialize(writer, handoff, VapiJsonContext.Default.HandoffDestination);
                break;
            default:
                throw new NotSupportedException($"No writer for {value.GetType().Name}.");
        }
    }
}
