using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>Call artifacts (recordings, logs) were uploaded.</summary>
public sealed class CallArtifactUploadMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public CallArtifactUploadMessage() => Type = ServerMessageTypes.CallArtifactUpload;

    /// <summary>The uploaded artifacts, as sent.</summary>
    [JsonPropertyName("artifacts")]
    public JsonElement? Artifacts { get; set; }
}
