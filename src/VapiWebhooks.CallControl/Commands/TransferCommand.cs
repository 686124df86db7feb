using System.Text.Json.Serialization;
using VapiWebhooks.Models;

namespace VapiWebhooks.CallControl.Commands;

/// <summary><c>{"type":"transfer"}</c>: transfers the call to a phone number or a SIP URI, saying <see cref="Content"/> first.</summary>
public sealed class TransferCommand : CallControlCommand
{
    /// <summary>Creates the command.</summary>
    public TransferCommand()
        : base("transfer")
    {
    }

    /// <summary>Where to: a <see cref="NumberTransferDestination"/> or a <see cref="SipTransferDestination"/>.</summary>
    [JsonIgnore]
    public TransferDestination? Destination { get; set; }

    /// <summary>What the assistant says before transferring.</summary>
    [JsonPropertyName("content")]
    public string? Content { get; set; }

    // Typed object so that this package's generated context needs no metadata for the core's model (its
    // own context writes it, with the union converter the model declares).
    [JsonInclude]
    [JsonPropertyName("destination")]
    [JsonConverter(typeof(CoreModelJsonConverter))]
    internal object? DestinationJson
    {
        get => Destination;
        set => Destination = (TransferDestination?)value;
    }
}
