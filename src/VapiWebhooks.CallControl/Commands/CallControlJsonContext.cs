using System.Text.Json.Serialization;

namespace VapiWebhooks.CallControl.Commands;

/// <summary>Source-generated metadata for the call-control commands: trim- and AOT-safe.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SayCommand))]
[JsonSerializable(typeof(AddMessageCommand))]
[JsonSerializable(typeof(ControlCommand))]
[JsonSerializable(typeof(EndCallCommand))]
[JsonSerializable(typeof(TransferCommand))]
[JsonSerializable(typeof(HandoffCommand))]
internal sealed partial class CallControlJsonContext : JsonSerializerContext
{
}
