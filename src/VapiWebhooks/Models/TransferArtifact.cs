using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>One transfer attempt of the call, warm or blind (<c>artifact.transfers[i]</c>).</summary>
public sealed class TransferArtifact : VapiObject
{
    /// <summary>Where the call was transferred: a number or a SIP URI.</summary>
    [JsonPropertyName("destination")]
    public TransferDestination? Destination { get; set; }

    /// <summary>The transfer mode, such as <c>blind-transfer</c> or <c>warm-transfer-experimental</c>.</summary>
    [JsonPropertyName("mode")]
    public string? Mode { get; set; }

    /// <summary>How the transfer ended.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The transfer's transcript, or the announcement's text.</summary>
    [JsonPropertyName("transcript")]
    public string? Transcript { get; set; }

    /// <summary>The assistant's conversation with the operator during a warm transfer.</summary>
    [JsonPropertyName("messages")]
    public IList<ConversationMessage>? Messages { get; set; }
}
